package org.openpetition.supervision.rest;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A CSV table as the report endpoints answer it (Accept: text/csv), written by jackson-dataformat-csv: a
 * header line, then one line per row; a cell with a comma, quote or line break is quoted; an absent value is
 * an empty cell.
 */
final class Csv {

    static final String MEDIA_TYPE = "text/csv; charset=UTF-8";
    private static final CsvMapper MAPPER = new CsvMapper();

    private final List<String> header;
    private final List<String[]> rows = new ArrayList<>();

    Csv(String... header) {
        this.header = List.of(header);
    }

    /** Adds a row: one value per column of the header (its text; null for an empty cell). */
    Csv row(Object... values) {
        if (values.length != header.size()) {
            throw new IllegalArgumentException("a row of " + values.length + " cells under " + header.size() + " columns");
        }
        String[] cells = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            cells[i] = values[i] == null ? "" : values[i].toString();
        }
        rows.add(cells);
        return this;
    }

    /** Whether the caller asked for CSV. */
    static boolean wanted(String accept) {
        return accept != null && accept.contains("text/csv");
    }

    String text() {
        StringWriter out = new StringWriter();
        try (SequenceWriter writer = MAPPER.writer(CsvSchema.emptySchema()).writeValues(out)) {
            writer.write(header.toArray(String[]::new));
            for (String[] row : rows) {
                writer.write(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
