package org.openpetition.routing.repository;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.openpetition.routing.directory.Localities;

/** Finds divisions by code prefix or name, and a division's chain up to its province. */
@ApplicationScoped
public class DivisionSearch {

    public record Division(String code, String name, int level, String parentCode) {
    }

    private final DataSource dataSource;

    public DivisionSearch(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Digits: codes starting with them; otherwise names starting with the text, then names containing
     * it. Optionally only the children of {@code parent}. Ordered by level and code.
     */
    public List<Division> search(String q, String parent, int limit) throws SQLException {
        String text = q == null ? "" : q.trim();
        boolean digits = !text.isEmpty() && text.chars().allMatch(Character::isDigit);
        String sql = "select code, name, level, parent_code from division where "
                + (parent != null ? "parent_code = ? and " : "")
                + (text.isEmpty() ? "true" : digits ? "code like ?" : "(name like ? or name like ?)")
                + " order by level, code limit ?";
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(sql)) {
            int i = 1;
            if (parent != null) {
                query.setString(i++, parent);
            }
            if (!text.isEmpty()) {
                String escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
                query.setString(i++, digits ? escaped + "%" : escaped + "%");
                if (!digits) {
                    query.setString(i++, "%" + escaped + "%");
                }
            }
            query.setInt(i, limit);
            return read(query);
        }
    }

    /** The division and its ancestors, lowest first; empty if unknown. */
    public List<Division> chain(String code) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(
                "select code, name, level, parent_code from division where code = any (?) order by level desc")) {
            query.setArray(1, connection.createArrayOf("text", Localities.selfAndAncestors(code).toArray()));
            List<Division> chain = read(query);
            return chain.isEmpty() || !chain.get(0).code().equals(code) ? List.of() : chain;
        }
    }

    private static List<Division> read(PreparedStatement query) throws SQLException {
        List<Division> found = new ArrayList<>();
        try (ResultSet rs = query.executeQuery()) {
            while (rs.next()) {
                found.add(new Division(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4)));
            }
        }
        return found;
    }
}
