package org.openpetition.routing.directory;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.openpetition.platform.problem.FieldException;

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
            var errors = new UnitImportCheck(knownDivisions(connection, localities), supervising(connection))
                    .check(units, leaders);
            if (!errors.isEmpty()) {
                throw new FieldException(errors);
            }
            write(connection, units, leaders);
            connection.commit();
        }
        index.reload();
        return new Result(units.size(), leaders.size());
    }

    private static void write(Connection connection, List<UnitRow> units, List<LeaderRow> leaders) throws SQLException {
        try (PreparedStatement unit = connection.prepareStatement("insert into department (code, name, locality_code, email, kind)"
                + " values (?, ?, ?, ?, ?) on conflict (code) do update set name = excluded.name,"
                + " locality_code = excluded.locality_code, email = excluded.email, kind = excluded.kind");
             PreparedStatement clear = connection.prepareStatement("delete from department_remit where department_code = ?");
             PreparedStatement remit = connection.prepareStatement(
                     "insert into department_remit (department_code, subject_category) values (?, ?) on conflict do nothing");
             PreparedStatement chain = connection.prepareStatement("update department set supervising_code = ? where code = ?");
             PreparedStatement leader = connection.prepareStatement("insert into leader (id, name, title, locality_code, email)"
                     + " values (?, ?, ?, ?, ?) on conflict (id) do update set name = excluded.name, title = excluded.title,"
                     + " locality_code = excluded.locality_code, email = excluded.email")) {
            for (UnitRow u : units) {
                unit.setString(1, u.code());
                unit.setString(2, u.name());
                unit.setString(3, u.localityCode());
                unit.setString(4, u.email());
                unit.setString(5, u.kind());
                unit.addBatch();
                clear.setString(1, u.code());
                clear.addBatch();
                for (String category : u.remit()) {
                    remit.setString(1, u.code());
                    remit.setString(2, category);
                    remit.addBatch();
                }
                chain.setString(1, u.supervisingCode());
                chain.setString(2, u.code());
                chain.addBatch();
            }
            unit.executeBatch();
            clear.executeBatch();
            remit.executeBatch();
            chain.executeBatch(); // after every unit exists: a unit may name one later in the file
            for (LeaderRow l : leaders) {
                leader.setString(1, l.id());
                leader.setString(2, l.name());
                leader.setString(3, l.title());
                leader.setString(4, l.localityCode());
                leader.setString(5, l.email());
                leader.addBatch();
            }
            leader.executeBatch();
        }
        try (var statement = connection.createStatement()) {
            statement.execute("update directory_version set version = version + 1");
        }
    }

    private static Set<String> knownDivisions(Connection connection, Set<String> codes) throws SQLException {
        Set<String> known = new HashSet<>();
        try (PreparedStatement query = connection.prepareStatement("select code from division where code = any (?)")) {
            Array array = connection.createArrayOf("text", codes.stream().filter(c -> c != null).toArray());
            query.setArray(1, array);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    known.add(rs.getString(1));
                }
            }
        }
        return known;
    }

    /** Every unit in the directory and its supervising body (null at the top). */
    private static Map<String, String> supervising(Connection connection) throws SQLException {
        Map<String, String> chains = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement("select code, supervising_code from department");
             ResultSet rs = query.executeQuery()) {
            while (rs.next()) {
                chains.put(rs.getString(1), rs.getString(2));
            }
        }
        return chains;
    }
}
