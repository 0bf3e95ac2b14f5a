package org.openpetition.supervision.rest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openpetition.supervision.repository.OverdueCircular;

/** The CSV of the report endpoints survives commas, quotes and absent values: read back with a CSV parser. */
class CsvTest {

    @Test
    void aDepartmentNameWithACommaAndAQuoteIsOneCell() throws Exception {
        String name = "永福县住房和城乡建设局,城建科 \"第一\"";
        String csv = SupervisionResource.toCsv(List.of(
                new OverdueCircular.Line("450326-ZJJ", name, "450326", 3, 1, 0, null, null, null, null),
                new OverdueCircular.Line("450326-JYJ", null, "450326", 0, 0, 2, null, null, null, null)));

        assertTrue(csv.contains("\"永福县住房和城乡建设局,城建科 \"\"第一\"\"\""), csv);
        List<String[]> rows = read(csv);
        assertEquals(3, rows.size(), csv);
        assertArrayEquals(new String[] {"department_code", "department_name", "locality_code", "overdue_now",
                "supervision_orders", "escalations"}, rows.get(0));
        assertArrayEquals(new String[] {"450326-ZJJ", name, "450326", "3", "1", "0"}, rows.get(1));
        assertArrayEquals(new String[] {"450326-JYJ", "", "450326", "0", "0", "2"}, rows.get(2));
    }

    @Test
    void aRowMustFillTheHeader() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> new Csv("a", "b").row("x"));
    }

    private static List<String[]> read(String csv) throws Exception {
        CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
        try (MappingIterator<String[]> it = mapper.readerFor(String[].class).readValues(csv)) {
            return it.readAll();
        }
    }
}
