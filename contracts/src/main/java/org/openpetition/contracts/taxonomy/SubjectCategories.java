package org.openpetition.contracts.taxonomy;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The maintained taxonomy of subject categories, shipped with the contracts as
 * taxonomy/subject-categories.csv (read with jackson-dataformat-csv) so that every service and
 * departmental system agrees on the codes.
 * Two levels: groups and their categories.
 */
public final class SubjectCategories {

    public static final String RESOURCE = "/taxonomy/subject-categories.csv";

    /** Rows of the CSV; lines starting with # are comments, blank lines are skipped. */
    private static final ObjectReader CSV = new CsvMapper().readerForListOf(String.class)
            .with(CsvParser.Feature.WRAP_AS_ARRAY).with(CsvParser.Feature.SKIP_EMPTY_LINES)
            .with(CsvParser.Feature.ALLOW_COMMENTS);

    private static final SubjectCategories SHIPPED = load();

    private final Map<String, SubjectCategory> byCode;

    private SubjectCategories(Map<String, SubjectCategory> byCode) {
        this.byCode = Collections.unmodifiableMap(byCode);
    }

    /** The taxonomy shipped with this version of the contracts. */
    public static SubjectCategories shipped() {
        return SHIPPED;
    }

    public Optional<SubjectCategory> find(String code) {
        return Optional.ofNullable(code == null ? null : byCode.get(code));
    }

    /** True if new petitions may use the code. */
    public boolean isActive(String code) {
        return find(code).map(SubjectCategory::active).orElse(false);
    }

    /** The code and its ancestors, most specific first: ["FOOD_SAFETY", "MARKET_REGULATION"]. */
    public List<String> lineage(String code) {
        List<String> lineage = new ArrayList<>();
        SubjectCategory category = byCode.get(code);
        while (category != null && !lineage.contains(category.code())) {
            lineage.add(category.code());
            category = category.parent() == null ? null : byCode.get(category.parent());
        }
        return lineage;
    }

    /** Every category in file order (each group before its children). */
    public List<SubjectCategory> all() {
        return List.copyOf(byCode.values());
    }

    static SubjectCategories parse(InputStream csv) throws IOException {
        Map<String, SubjectCategory> byCode = new LinkedHashMap<>();
        try (MappingIterator<List<String>> rows = CSV.readValues(csv)) {
            int number = 0;
            while (rows.hasNext()) {
                List<String> f = rows.next();
                number++;
                if (f.size() != 5 || f.get(0).isBlank()) {
                    throw new IllegalStateException(RESOURCE + " row " + number + ": expected code,parent,active,zh,en");
                }
                String parent = f.get(1).isBlank() ? null : f.get(1);
                if (parent != null && !byCode.containsKey(parent)) {
                    throw new IllegalStateException(RESOURCE + " row " + number + ": parent " + parent + " must come first");
                }
                SubjectCategory category = new SubjectCategory(f.get(0), parent, Boolean.parseBoolean(f.get(2)), f.get(3),
                        f.get(4));
                if (byCode.put(f.get(0), category) != null) {
                    throw new IllegalStateException(RESOURCE + " row " + number + ": duplicate code " + f.get(0));
                }
            }
        }
        return new SubjectCategories(byCode);
    }

    private static SubjectCategories load() {
        try (InputStream in = SubjectCategories.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
