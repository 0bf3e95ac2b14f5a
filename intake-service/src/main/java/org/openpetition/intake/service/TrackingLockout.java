package org.openpetition.intake.service;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowIterator;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import org.jboss.logging.Logger;
import org.openpetition.intake.config.RateLimitConfig;
import org.openpetition.platform.problem.ProblemException;

/**
 * Locks a tracking code after {@code petition.rate-limit.tracking.lockout-failures} consecutive wrong
 * query secrets, for {@code lockout-period}: while it is locked every request for it, even with the right
 * secret, answers 429 with Retry-After. Codes that do not exist are counted and locked alike, so a lock
 * tells nothing about whether a code exists. A right secret clears the count. Shared by every replica (the
 * service's database); the count itself is exact, but requests already past the check when the lock is
 * set may still be answered (at most as many as arrive at once).
 */
@ApplicationScoped
public class TrackingLockout {

    private static final Logger LOG = Logger.getLogger(TrackingLockout.class);

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

    static final String LOCKED = "此查询码因多次输入错误的查询密码已暂时锁定，请稍后再试 / This tracking code is locked for a "
            + "while after repeated wrong query secrets; try again later";

    private final Pool pool;
    private final RateLimitConfig config;

    public TrackingLockout(Pool pool, RateLimitConfig config) {
        this.pool = pool;
        this.config = config;
    }

    private boolean enabled() {
        return config.enabled() && config.tracking().lockoutFailures() > 0;
    }

    /** Fails with 429 while the code is locked; otherwise the consecutive failures so far (0: none). */
    public Uni<Integer> check(String trackingCode) {
        if (!enabled()) {
            return Uni.createFrom().item(0);
        }
        Instant now = Instant.now();
        return pool.preparedQuery(STATE).execute(Tuple.of(hash(trackingCode))).map(rows -> {
            RowIterator<Row> it = rows.iterator();
            if (!it.hasNext()) {
                return 0;
            }
            Row row = it.next();
            OffsetDateTime lockedUntil = row.getOffsetDateTime("locked_until");
            if (lockedUntil != null && lockedUntil.toInstant().isAfter(now)) {
                throw ProblemException.tooManyRequests(LOCKED, Duration.between(now, lockedUntil.toInstant()));
            }
            return row.getInteger("failures");
        });
    }

    /** Records a wrong secret (or an unknown code). */
    public Uni<Void> failed(String trackingCode) {
        if (!enabled()) {
            return Uni.createFrom().voidItem();
        }
        Instant now = Instant.now();
        Duration period = config.tracking().lockoutPeriod();
        return pool.preparedQuery(FAILED)
                .execute(Tuple.tuple().addValue(hash(trackingCode)).addValue(RateLimits.utc(now))
                        .addValue(config.tracking().lockoutFailures()).addValue(RateLimits.utc(now.plus(period)))
                        .addValue(RateLimits.utc(now.minus(period))))
                .invoke(rows -> {
                    int failures = rows.iterator().next().getInteger("failures");
                    if (failures >= config.tracking().lockoutFailures()) {
                        LOG.infof("a tracking code is locked for %s after %d wrong query secrets", period, failures);
                    }
                })
                .replaceWithVoid();
    }

    /** The right secret: the count starts again (only called when there were failures). */
    public Uni<Void> cleared(String trackingCode) {
        return pool.preparedQuery(CLEARED).execute(Tuple.of(hash(trackingCode))).replaceWithVoid();
    }

    private static String hash(String trackingCode) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(trackingCode.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
