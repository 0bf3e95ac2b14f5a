package org.openpetition.intake.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowIterator;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The table {@code tracking_lockout}: consecutive wrong query secrets per tracking code (by its hash), on
 * the reactive client (every tracking request reads it).
 */
@ApplicationScoped
public class TrackingLockoutRepository {

    private static final String STATE = "select failures, locked_until from tracking_lockout where code_hash = $1";

    /** Counts a wrong secret: a failure older than the period starts the count again; the N-th sets the lock. */
    private static final String FAILED = """
            insert into tracking_lockout as t (code_hash, failures, last_failure_at, locked_until)
            values ($1, 1, $2::timestamptz, case when $3::int <= 1 then $4::timestamptz end)
            on conflict (code_hash) do update set
                failures = case when t.last_failure_at < $5::timestamptz then 1 else t.failures + 1 end,
                last_failure_at = $2::timestamptz,
                locked_until = case when (case when t.last_failure_at < $5::timestamptz then 1 else t.failures + 1 end)
                                         >= $3::int then $4::timestamptz end
            returning failures""";

    private static final String CLEARED = "delete from tracking_lockout where code_hash = $1";

    /** Expired lock-outs, a bounded batch. */
    private static final String PURGE = """
            delete from tracking_lockout where code_hash in (
                select code_hash from tracking_lockout
                where last_failure_at < $2 and (locked_until is null or locked_until < $1) limit $3)""";

    private final Pool pool;

    public TrackingLockoutRepository(Pool pool) {
        this.pool = pool;
    }

    /** The code's failures and lock, or null when it has none. */
    public Uni<State> state(String codeHash) {
        return pool.preparedQuery(STATE).execute(Tuple.of(codeHash)).map(rows -> {
            RowIterator<Row> it = rows.iterator();
            if (!it.hasNext()) {
                return null;
            }
            Row row = it.next();
            OffsetDateTime lockedUntil = row.getOffsetDateTime("locked_until");
            return new State(row.getInteger("failures"), lockedUntil == null ? null : lockedUntil.toInstant());
        });
    }

    /**
     * Counts a wrong secret at {@code now}: failures before {@code now - period} no longer count; the
     * {@code lockAt}-th locks the code for the period. Returns the consecutive failures now.
     */
    public Uni<Integer> failed(String codeHash, Instant now, Duration period, int lockAt) {
        return pool.preparedQuery(FAILED)
                .execute(Tuple.tuple().addValue(codeHash).addValue(utc(now)).addValue(lockAt)
                        .addValue(utc(now.plus(period))).addValue(utc(now.minus(period))))
                .map(rows -> rows.iterator().next().getInteger("failures"));
    }

    public Uni<Void> cleared(String codeHash) {
        return pool.preparedQuery(CLEARED).execute(Tuple.of(codeHash)).replaceWithVoid();
    }

    /** Deletes up to {@code batch} lock-outs that have expired and whose last failure is older than the period. */
    public Uni<Integer> purge(Instant now, Duration period, int batch) {
        return pool.preparedQuery(PURGE).execute(Tuple.of(utc(now), utc(now.minus(period)), batch))
                .map(rows -> rows.rowCount());
    }

    /** Consecutive failures and the lock's end (null: not locked). */
    public record State(int failures, Instant lockedUntil) {
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
