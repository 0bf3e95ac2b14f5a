package org.openpetition.routing.repository;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openpetition.routing.directory.UnitImport.LeaderRow;
import org.openpetition.routing.directory.UnitImport.UnitRow;
import org.postgresql.PGConnection;

/**
 * The statements of the directory's imports (JDBC), on the caller's connection and in its transaction: the
 * imports validate a whole file, then write it here; every write bumps {@code directory_version}.
 */
public final class DirectoryTables {

    /** A division whose parent is neither in the directory nor in the same import. */
    public record Orphan(String code, String parentCode) {
    }

    private DirectoryTables() {
    }

    /** Which of the codes are divisions of the directory. */
    public static Set<String> knownDivisions(Connection connection, Set<String> codes) throws SQLException {
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
    public static Map<String, String> supervisingChains(Connection connection) throws SQLException {
        Map<String, String> chains = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement("select code, supervising_code from department");
             ResultSet rs = query.executeQuery()) {
            while (rs.next()) {
                chains.put(rs.getString(1), rs.getString(2));
            }
        }
        return chains;
    }

    /** Inserts or replaces the units (their remits replaced) and leaders. */
    public static void writeUnits(Connection connection, List<UnitRow> units, List<LeaderRow> leaders) throws SQLException {
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
        bumpVersion(connection);
    }

    /**
     * Copies division rows (CSV: code, name, level, parent code) into a temporary table that lives until the
     * transaction ends, and returns up to {@code limit} of them whose parent is unknown.
     */
    public static List<Orphan> loadDivisions(Connection connection, String csvRows, int limit) throws SQLException, IOException {
        List<Orphan> orphans = new ArrayList<>();
        try (Statement statement = connection.createStatement()) {
            statement.execute("create temporary table division_load (code text primary key, name text, level smallint,"
                    + " parent_code text) on commit drop");
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn(
                    "copy division_load from stdin with (format csv)", new StringReader(csvRows));
            try (ResultSet rs = statement.executeQuery("select l.code, l.parent_code from division_load l"
                    + " where l.parent_code is not null and not exists (select 1 from division d where d.code = l.parent_code)"
                    + " and not exists (select 1 from division_load p where p.code = l.parent_code) order by l.code limit "
                    + limit)) {
                while (rs.next()) {
                    orphans.add(new Orphan(rs.getString(1), rs.getString(2)));
                }
            }
        }
        return orphans;
    }

    /** Inserts the loaded divisions (parents first), renaming those that exist. */
    public static void mergeDivisions(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("insert into division (code, name, level, parent_code) select code, name, level, parent_code"
                    + " from division_load order by level, code on conflict (code) do update set name = excluded.name");
        }
        bumpVersion(connection);
    }

    private static void bumpVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("update directory_version set version = version + 1");
        }
    }
}
