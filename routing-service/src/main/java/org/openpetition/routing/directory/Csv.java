package org.openpetition.routing.directory;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads and writes the directory's CSV (RFC 4180: quoted fields, commas and doubled quotes inside them)
 * with jackson-dataformat-csv: the divisions and units imports, the shipped divisions, and the rows
 * handed to PostgreSQL's COPY.
 */
public final class Csv {

    private static final CsvMapper MAPPER = CsvMapper.builder()
            .enable(CsvParser.Feature.WRAP_AS_ARRAY)
            .enable(CsvParser.Feature.TRIM_SPACES)
            .build();

    private Csv() {
    }

    /**
     * One record: its line in the file (1 for the header) and its fields, trimmed.
     */
    public record Row(long line, List<String> fields) {

        /** The field, or null if the row has fewer fields or it is blank. */
        public String field(int index) {
            String value = index < fields.size() ? fields.get(index) : null;
            return value == null || value.isBlank() ? null : value;
        }

        public boolean isBlank() {
            return fields.stream().allMatch(f -> f == null || f.isBlank());
        }
    }

    /** What is done with each row. */
    @FunctionalInterface
    public interface RowHandler {
        void accept(Row row) throws IOException;
    }

    /** Reads the CSV (UTF-8, a byte-order mark skipped) row by row, the header first; blank lines are skipped. */
    public static void read(InputStream in, RowHandler handler) throws IOException {
        try (CsvParser parser = (CsvParser) MAPPER.getFactory().createParser(in)) {
            int depth = 0;
            List<String> fields = null;
            long line = 0;
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token == JsonToken.START_ARRAY) {
                    if (++depth == 2) { // the outer array wraps the rows
                        fields = new ArrayList<>();
                    }
                } else if (token == JsonToken.END_ARRAY) {
                    if (depth-- == 2) {
                        Row row = new Row(line, fields);
                        if (!row.isBlank()) {
                            handler.accept(row);
                        }
                    }
                } else if (depth == 2) {
                    if (fields.isEmpty()) {
                        line = parser.currentTokenLocation().getLineNr();
                    }
                    fields.add(stripBom(parser.getText()));
                }
            }
        }
    }

    /** The header's field names, checked by the caller. */
    public static List<String> names(Row header) {
        return header.fields().stream().map(String::strip).toList();
    }

    private static String stripBom(String value) {
        return value.startsWith("\uFEFF") ? value.substring(1) : value;
    }

    /** Writes rows; a null or empty field is written unquoted and empty (NULL to COPY ... (format csv)). */
    public static final class RowWriter implements AutoCloseable {

        private final SequenceWriter writer;

        public RowWriter(Writer out) throws IOException {
            this.writer = MAPPER.writerFor(List.class).with(CsvSchema.emptySchema()).writeValues(out);
        }

        public void write(String... fields) throws IOException {
            writer.write(Arrays.stream(fields).map(f -> f == null ? "" : f).toList());
        }

        @Override
        public void close() throws IOException {
            writer.close();
        }
    }
}
