package org.openpetition.routing.rest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.openpetition.platform.problem.FieldException;
import org.openpetition.routing.directory.UnitImport;

/** Reads the units CSV of the bulk import: code,name,localityCode,kind,email,supervisingCode,remit (a|b). */
final class UnitCsv {

    static final String HEADER = "code,name,localityCode,kind,email,supervisingCode,remit";

    private UnitCsv() {
    }

    static List<UnitImport.UnitRow> read(InputStream csv) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(csv, StandardCharsets.UTF_8));
        String header = reader.readLine();
        if (header == null || !header.replace("\uFEFF", "").trim().equals(HEADER)) {
            throw FieldException.of("line 1", "表头须为 / the header must be " + HEADER);
        }
        List<UnitImport.UnitRow> rows = new ArrayList<>();
        String line;
        int number = 1;
        while ((line = reader.readLine()) != null) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            String[] f = Arrays.copyOf(line.split(",", -1), 7);
            List<String> remit = f[6] == null || f[6].isBlank() ? List.of()
                    : Arrays.stream(f[6].split("\\|")).map(String::trim).filter(s -> !s.isEmpty()).toList();
            rows.add(new UnitImport.UnitRow("line " + number, t(f[0]), t(f[1]), t(f[2]), t(f[3]), t(f[4]), t(f[5]), remit));
        }
        return rows;
    }

    private static String t(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
