package org.openpetition.intake.service;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A comma-separated list in one parameter (e.g. Open311's service_request_id), read as one CSV record by
 * jackson-dataformat-csv: values are trimmed, empty ones dropped, and a quoted value keeps its commas.
 */
public final class CommaSeparated {

    private static final CsvMapper CSV = CsvMapper.builder()
            .enable(CsvParser.Feature.WRAP_AS_ARRAY)
            .enable(CsvParser.Feature.TRIM_SPACES)
            .build();

    private CommaSeparated() {
    }

    /** The values of the list, at most {@code limit}; a line break ends the list. */
    public static List<String> values(String list, int limit) {
        List<String> values = new ArrayList<>();
        if (list == null || list.isBlank()) {
            return values;
        }
        try (MappingIterator<String[]> records = CSV.readerFor(String[].class).readValues(list)) {
            if (records.hasNext()) {
                for (String value : records.next()) {
                    if (value != null && !value.isBlank() && values.size() < limit) {
                        values.add(value.strip());
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not a comma-separated list: " + e.getMessage(), e);
        }
        return values;
    }
}
