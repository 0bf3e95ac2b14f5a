package org.openpetition.routing.directory;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.openpetition.platform.problem.FieldException;
import org.openpetition.routing.repository.DirectoryTables;

/**
 * Bulk import of units (departments, petition offices, discipline inspection bodies) and leaders:
 * validated as a whole by {@link UnitImportCheck}, then written in one transaction (inserted or
 * replaced, remits replaced), and the in-memory index reloaded.
 */
@ApplicationScoped
public class UnitImport {

    private final DataSource dataSource;
    private final DirectoryIndex index;

    public UnitImport(DataSource dataSource, DirectoryIndex index) {
        this.dataSource = dataSource;
        this.index = index;
    }

    /** A unit as imported; {@code field} names it in errors ("units[3]" or "line 4"). */
    public record UnitRow(String field, String code, String name, String localityCode, String kind, String email,
                          String supervisingCode, List<String> remit) {
    }

    public record LeaderRow(String field, String id, String name, String title, String localityCode, String email) {
    }

    public record Result(int units, int leaders) {
    }

    public Result importAll(List<UnitRow> units, List<LeaderRow> leaders) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            Set<String> localities = new HashSet<>();
            units.forEach(u -> localities.add(u.localityCode()));
            leaders.forEach(l -> localities.add(l.localityCode()));
            var errors = new UnitImportCheck(DirectoryTables.knownDivisions(connection, localities),
                    DirectoryTables.supervisingChains(connection)).check(units, leaders);
            if (!errors.isEmpty()) {
                throw new FieldException(errors);
            }
            DirectoryTables.writeUnits(connection, units, leaders);
            connection.commit();
        }
        index.reload();
        return new Result(units.size(), leaders.size());
    }
}
