package org.openpetition.routing.directory;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The directory's CSV: quoted commas and quotes survive reading and writing; lines are counted as in the file. */
class CsvTest {

    private static List<Csv.Row> read(String csv) throws Exception {
        List<Csv.Row> rows = new ArrayList<>();
        Csv.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), rows::add);
        return rows;
    }

    @Test
    void aQuotedCommaIsReadAsPartOfTheField() throws Exception {
        List<Csv.Row> rows = read("\uFEFFcode,name\n 511703-A , \"达川区某局, 二科\"\n\n511703-B,\"say \"\"hi\"\"\",\n");
        assertEquals(List.of("code", "name"), Csv.names(rows.get(0)), "the byte-order mark is not part of the header");
        assertEquals(1, rows.get(0).line());
        assertEquals("511703-A", rows.get(1).field(0));
        assertEquals("达川区某局, 二科", rows.get(1).field(1));
        assertEquals(2, rows.get(1).fields().size());
        assertEquals(4, rows.get(2).line(), "the blank line is skipped but counted");
        assertEquals("say \"hi\"", rows.get(2).field(1));
        assertNull(rows.get(2).field(2), "an empty field");
        assertNull(rows.get(2).field(9), "a missing field");
    }

    @Test
    void aQuotedCommaIsWrittenQuotedAndReadBackTheSame() throws Exception {
        StringWriter out = new StringWriter();
        try (Csv.RowWriter writer = new Csv.RowWriter(out)) {
            writer.write("511703-A", "达川区某局, 二科", null, "say \"hi\"");
        }
        assertEquals("511703-A,\"达川区某局, 二科\",,\"say \"\"hi\"\"\"\n", out.toString());
        Csv.Row row = read(out.toString()).get(0);
        assertEquals(List.of("511703-A", "达川区某局, 二科", "", "say \"hi\""), row.fields());
    }
}
