package org.openpetition.routing.rest;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.openpetition.platform.problem.FieldException;
import org.openpetition.routing.directory.Csv;
import org.openpetition.routing.directory.UnitImport;

/**
 * Reads the units CSV of the bulk import: code,name,localityCode,kind,email,supervisingCode,remit (a|b),
 * quoted fields as RFC 4180 has them ({@link Csv}).
 */
final class UnitCsv {

    static final String HEADER = "code,name,localityCode,kind,email,supervisingCode,remit";
    private static final List<String> COLUMNS = List.of(HEADER.split(","));

    private UnitCsv() {
    }

    static List<UnitImport.UnitRow> read(InputStream csv) throws IOException {
        List<UnitImport.UnitRow> rows = new ArrayList<>();
        boolean[] headed = {false};
        Csv.read(csv, row -> {
            if (!headed[0]) {
                if (row.line() != 1 || !Csv.names(row).equals(COLUMNS)) {
                    throw FieldException.of("line 1", "表头须为 / the header must be " + HEADER);
                }
                headed[0] = true;
                return;
            }
            String remits = row.field(6);
            List<String> remit = remits == null ? List.of()
                    : Arrays.stream(remits.split("\\|")).map(String::trim).filter(s -> !s.isEmpty()).toList();
            rows.add(new UnitImport.UnitRow("line " + row.line(), row.field(0), row.field(1), row.field(2), row.field(3),
                    row.field(4), row.field(5), remit));
        });
        if (!headed[0]) {
            throw FieldException.of("line 1", "表头须为 / the header must be " + HEADER);
        }
        return rows;
    }
}
