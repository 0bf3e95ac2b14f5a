package org.openpetition.routing.repository;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.openpetition.routing.directory.Directory;
import org.openpetition.routing.directory.DirectoryLeader;
import org.openpetition.routing.directory.DirectoryUnit;
import org.openpetition.routing.directory.DivisionCodes;

/** Reads the directory tables into a {@link Directory} snapshot (JDBC; a worker thread). */
@ApplicationScoped
public class DirectoryLoader {

    private final DataSource dataSource;

    public DirectoryLoader(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public long currentVersion() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select version from directory_version where id = 1")) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    public Directory load() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setReadOnly(true);
            connection.setAutoCommit(false); // a consistent snapshot, and a cursor for the divisions
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try (Statement statement = connection.createStatement()) {
                statement.setFetchSize(50_000);
                long version;
                try (ResultSet rs = statement.executeQuery("select version from directory_version where id = 1")) {
                    version = rs.next() ? rs.getLong(1) : 0;
                }
                long[] keys = new long[1 << 16];
                int count = 0;
                Map<String, String> names = new HashMap<>();
                Set<String> townshipsWithVillages = new HashSet<>();
                try (ResultSet rs = statement.executeQuery("select code, name, level from division")) {
                    while (rs.next()) {
                        String code = rs.getString(1);
                        if (count == keys.length) {
                            keys = java.util.Arrays.copyOf(keys, keys.length * 2);
                        }
                        keys[count++] = DivisionCodes.key(code);
                        if (rs.getInt(3) < 5) {
                            names.put(code, rs.getString(2));
                        } else {
                            townshipsWithVillages.add(code.substring(0, 9));
                        }
                    }
                }
                Map<String, Set<String>> remits = new HashMap<>();
                try (ResultSet rs = statement.executeQuery("select department_code, subject_category from department_remit")) {
                    while (rs.next()) {
                        remits.computeIfAbsent(rs.getString(1), k -> new HashSet<>()).add(rs.getString(2));
                    }
                }
                List<DirectoryUnit> units = new ArrayList<>();
                try (ResultSet rs = statement.executeQuery(
                        "select code, name, locality_code, kind, email, supervising_code from department")) {
                    while (rs.next()) {
                        units.add(new DirectoryUnit(rs.getString(1), rs.getString(2), rs.getString(3),
                                DirectoryUnit.Kind.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6),
                                Set.copyOf(remits.getOrDefault(rs.getString(1), Set.of()))));
                    }
                }
                List<DirectoryLeader> leaders = new ArrayList<>();
                try (ResultSet rs = statement.executeQuery(
                        "select id, name, title, locality_code, email from leader where owns_cases")) {
                    while (rs.next()) {
                        leaders.add(new DirectoryLeader(rs.getString(1), rs.getString(2), rs.getString(3),
                                rs.getString(4), rs.getString(5)));
                    }
                }
                connection.commit();
                return new Directory(version, DivisionCodes.of(keys, count), names, townshipsWithVillages, units, leaders);
            }
        }
    }
}
