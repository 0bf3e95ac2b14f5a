package org.openpetition.routing.directory;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.openpetition.platform.problem.FieldException;
import org.openpetition.platform.problem.Problem;
import org.openpetition.routing.repository.DirectoryTables;

/**
 * Imports administrative divisions (e.g. the 620k villages) from CSV with the header "code,name"
 * (further columns are ignored, so the files of the divisions data set import as they are). The
 * parent of each code is its prefix one level up and must exist, in the directory or in the same
 * file. All or nothing: any invalid row fails the import with the rows named.
 */
@ApplicationScoped
public class DivisionImport {

    private static final int MAX_ERRORS = 20;
    private static final String HEADER_REQUIRED = "表头须以 code,name 开始 / the header must start with code,name";

    private final DataSource dataSource;
    private final DirectoryIndex index;

    public DivisionImport(DataSource dataSource, DirectoryIndex index) {
        this.dataSource = dataSource;
        this.index = index;
    }

    /** Imports (inserts or renames) the divisions; returns how many rows were read. */
    public int importCsv(InputStream csv) throws IOException, SQLException {
        StringWriter rows = new StringWriter();
        List<Problem.FieldError> errors = new ArrayList<>();
        int[] count = {0};
        boolean[] headed = {false};
        try (Csv.RowWriter copy = new Csv.RowWriter(rows)) {
            Csv.read(csv, row -> {
                if (!headed[0]) {
                    List<String> header = Csv.names(row);
                    if (row.line() != 1 || header.size() < 2 || !header.get(0).equals("code") || !header.get(1).equals("name")) {
                        throw FieldException.of("line 1", HEADER_REQUIRED);
                    }
                    headed[0] = true;
                    return;
                }
                String code = row.field(0) == null ? "" : row.field(0);
                if (Localities.level(code) == 0 || DivisionCodes.key(code) < 0) {
                    error(errors, "line " + row.line() + ": code", "须为2、4、6、9或12位数字 / must be 2, 4, 6, 9 or 12 digits: " + code);
                } else if (row.field(1) == null) {
                    error(errors, "line " + row.line() + ": name", "名称不能为空 / the name is required");
                } else {
                    copy.write(code, row.field(1), String.valueOf(Localities.level(code)),
                            code.length() == 2 ? null : Localities.parent(code));
                    count[0]++;
                }
            });
        }
        if (!headed[0]) {
            throw FieldException.of("line 1", HEADER_REQUIRED);
        }
        if (!errors.isEmpty()) {
            throw new FieldException(errors);
        }
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            for (DirectoryTables.Orphan orphan : DirectoryTables.loadDivisions(connection, rows.toString(), MAX_ERRORS)) {
                errors.add(new Problem.FieldError("code " + orphan.code(),
                        "上级区划不存在 / the parent division " + orphan.parentCode() + " is unknown"));
            }
            if (!errors.isEmpty()) {
                connection.rollback();
                throw new FieldException(errors);
            }
            DirectoryTables.mergeDivisions(connection);
            connection.commit();
        } catch (SQLException e) {
            if (e.getSQLState() != null && e.getSQLState().startsWith("23")) { // e.g. a code twice in the file
                throw FieldException.of("(body)", "数据不一致 / inconsistent rows: " + e.getMessage());
            }
            throw e;
        }
        index.reload();
        return count[0];
    }

    private static void error(List<Problem.FieldError> errors, String field, String reason) {
        if (errors.size() < MAX_ERRORS) {
            errors.add(new Problem.FieldError(field, reason));
        }
    }
}
