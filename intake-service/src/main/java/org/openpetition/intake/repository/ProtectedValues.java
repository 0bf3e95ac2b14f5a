package org.openpetition.intake.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * The stored encrypted values, read and rewritten a batch at a time for a key rotation: petitioners'
 * identity numbers (with their matching hash) and petitions' query secrets. A value rewritten by someone
 * else meanwhile is left as it is (the update names the value it replaces).
 */
@ApplicationScoped
public class ProtectedValues {

    /** One stored value: its row and the ciphertext. */
    public record Stored(UUID id, String value) {
    }

    /** A value rewritten: the new ciphertext and, for an identity number, its new matching hash. */
    public record Rewritten(Stored old, String value, String hash) {
    }

    /** The table and columns of one kind of protected value. */
    public enum Kind {
        IDENTITY_NUMBER("petitioner", "id_number_encrypted", "id_number_hash"),
        QUERY_SECRET("petition", "query_secret_encrypted", null);

        final String table;
        final String column;
        final String hashColumn;

        Kind(String table, String column, String hashColumn) {
            this.table = table;
            this.column = column;
            this.hashColumn = hashColumn;
        }
    }

    private final Pool pool;

    public ProtectedValues(Pool pool) {
        this.pool = pool;
    }

    /**
     * Rewrites, in one transaction, up to {@code limit} values that are not under the current key
     * ({@code prefix}: how the current key's values begin); returns how many were rewritten (0: none left).
     */
    public Uni<Integer> rewriteBatch(Kind kind, String prefix, int limit, Function<Stored, Rewritten> rewrite) {
        String select = "select id, " + kind.column + " from " + kind.table + " where " + kind.column + " is not null and "
                + kind.column + " not like $1 order by id limit $2 for update skip locked";
        String update = "update " + kind.table + " set " + kind.column + " = $2"
                + (kind.hashColumn == null ? "" : ", " + kind.hashColumn + " = $4") + " where id = $1 and " + kind.column + " = $3";
        return pool.withTransaction(conn -> conn.preparedQuery(select).execute(Tuple.of(escapeLike(prefix) + "%", limit))
                .chain(rows -> {
                    List<Tuple> updates = new ArrayList<>();
                    for (Row row : rows) {
                        Rewritten done = rewrite.apply(new Stored(row.getUUID("id"), row.getString(kind.column)));
                        Tuple tuple = Tuple.of(done.old().id(), done.value(), done.old().value());
                        updates.add(kind.hashColumn == null ? tuple : tuple.addValue(done.hash()));
                    }
                    return updates.isEmpty() ? Uni.createFrom().item(0) : apply(conn, update, updates);
                }));
    }

    private static Uni<Integer> apply(SqlConnection conn, String update, List<Tuple> updates) {
        return conn.preparedQuery(update).executeBatch(updates).map(ignored -> updates.size());
    }

    private static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
