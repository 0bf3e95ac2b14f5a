package org.openpetition.contracts.taxonomy;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The names of China's administrative divisions down to the county level (省、市、县), shipped with the
 * contracts as taxonomy/divisions.csv (code,name; 3,351 rows of the statistical division codes, 2023-06-30
 * edition; the data's licence beside it as divisions.LICENSE; read with jackson-dataformat-csv), so that a
 * consumer can name the locality an event gives by code (a report's or a circular's area) without the
 * routing directory.
 */
public final class DivisionNames {

    public static final String RESOURCE = "/taxonomy/divisions.csv";

    /** Level-2 names that are groupings, not places: left out of a full name (北京市 + 市辖区 + 东城区). */
    private static final Set<String> GROUPINGS = Set.of("市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划");

    private static final ObjectReader CSV = new CsvMapper().readerForListOf(String.class)
            .with(CsvParser.Feature.WRAP_AS_ARRAY).with(CsvParser.Feature.SKIP_EMPTY_LINES);

    private static final DivisionNames SHIPPED = load();

    private final Map<String, String> byCode;

    private DivisionNames(Map<String, String> byCode) {
        this.byCode = byCode;
    }

    /** The names shipped with this version of the contracts. */
    public static DivisionNames shipped() {
        return SHIPPED;
    }

    /**
     * The full name of a locality code or prefix, province first: "51" 四川省, "5117" 四川省达州市, "511703"
     * 四川省达州市达川区; a longer code (a street's, a village's) is named by its county. Null if the code
     * is empty, malformed or unknown at every level.
     */
    public String fullName(String code) {
        if (code == null || code.length() < 2 || !code.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return null;
        }
        StringBuilder name = new StringBuilder();
        for (int length = 2; length <= Math.min(6, code.length()); length += 2) {
            String part = byCode.get(code.substring(0, length));
            if (part == null) {
                break;
            }
            if (length != 4 || !GROUPINGS.contains(part)) {
                name.append(part);
            }
        }
        return name.isEmpty() ? null : name.toString();
    }

    static DivisionNames parse(InputStream csv) throws IOException {
        Map<String, String> byCode = new HashMap<>(4096);
        try (MappingIterator<List<String>> rows = CSV.readValues(csv)) {
            if (!rows.hasNext() || !rows.next().equals(List.of("code", "name"))) {
                throw new IllegalStateException(RESOURCE + ": expected the header code,name");
            }
            int number = 1;
            while (rows.hasNext()) {
                List<String> row = rows.next();
                number++;
                if (row.size() != 2 || row.get(0).length() < 2 || row.get(1).isEmpty()) {
                    throw new IllegalStateException(RESOURCE + " row " + number + ": expected code,name");
                }
                byCode.put(row.get(0), row.get(1));
            }
        }
        return new DivisionNames(Map.copyOf(byCode));
    }

    private static DivisionNames load() {
        try (InputStream in = DivisionNames.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
