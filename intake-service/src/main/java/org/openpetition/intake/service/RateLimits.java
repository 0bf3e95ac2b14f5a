package org.openpetition.intake.service;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.openpetition.intake.config.RateLimitConfig;
import org.openpetition.intake.repository.RateLimitRepository;
import org.openpetition.intake.repository.TrackingLockoutRepository;
import org.openpetition.platform.problem.ProblemException;

/**
 * Request counters shared by every replica: fixed windows in the service's database
 * ({@code rate_limit_window}). A request counts in all its buckets (e.g. its account and its client
 * address) with one statement, an upsert that returns the new counts; a request beyond any limit fails
 * with 429 (problem details, Retry-After until the window ends) before anything else is done. A refused
 * request counts as well: a client that keeps hammering stays refused until the window ends.
 *
 * <p>Bucket keys are a keyed hash (HMAC-SHA256 with the matching key) of the account, address or client
 * id, so the table holds no personal data in clear. A fixed window lets a client send up to twice the
 * limit across a window boundary; the limits are set with that in mind.
 */
@ApplicationScoped
public class RateLimits {

    private static final Logger LOG = Logger.getLogger(RateLimits.class);

    private static final int HOUSEKEEPING_BATCH = 5_000;

    private final RateLimitRepository windows;
    private final TrackingLockoutRepository lockouts;
    private final PersonalDataProtection protection;
    private final Clock clock;
    private final RateLimitConfig config;

    public RateLimits(RateLimitRepository windows, TrackingLockoutRepository lockouts, PersonalDataProtection protection,
                      RateLimitConfig config) {
        this.windows = windows;
        this.lockouts = lockouts;
        this.config = config;
        this.protection = protection;
        this.clock = Clock.systemUTC();
    }

    /** One counter: the rule and kind it belongs to (e.g. "register-citizen", "account"), the value counted, its limit. */
    public record Limit(String rule, String kind, String value, int limit) {
    }

    /**
     * Counts the request in every limit (each with a positive limit) in the current window of
     * {@code window}; fails with 429 if any count is now beyond its limit.
     */
    public Uni<Void> check(List<Limit> limits, Duration window, String detail) {
        Map<String, Limit> buckets = new HashMap<>();
        List<String> keys = new ArrayList<>();
        for (Limit limit : limits) {
            if (limit.limit() > 0 && limit.value() != null) {
                String bucket = limit.rule() + ':' + limit.kind() + ':' + protection.matchingHash(limit.value());
                if (buckets.putIfAbsent(bucket, limit) == null) {
                    keys.add(bucket);
                }
            }
        }
        if (keys.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Instant now = clock.instant();
        long size = window.toMillis();
        Instant start = Instant.ofEpochMilli(Math.floorDiv(now.toEpochMilli(), size) * size);
        Instant end = start.plusMillis(size);
        return windows.count(keys, start, end)
                .map(hits -> {
                    for (Map.Entry<String, Integer> counted : hits.entrySet()) {
                        Limit limit = buckets.get(counted.getKey());
                        if (counted.getValue() > limit.limit()) {
                            LOG.debugf("rate limit %s per %s reached (%d per %s)", limit.rule(), limit.kind(), limit.limit(), window);
                            throw ProblemException.tooManyRequests(detail, Duration.between(now, end));
                        }
                    }
                    return null;
                })
                .replaceWithVoid();
    }

    @Scheduled(every = "${petition.rate-limit.housekeeping-interval:10m}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> scheduled() {
        return purge().replaceWithVoid();
    }

    /**
     * Deletes the counters of windows that have ended and the tracking lock-outs that have expired, a bounded
     * batch per statement; safe on every replica at once. Returns the rows deleted.
     */
    public Uni<Long> purge() {
        Instant now = clock.instant();
        return windows.purge(now, HOUSEKEEPING_BATCH)
                .chain(counters -> lockouts.purge(now, config.tracking().lockoutPeriod(), HOUSEKEEPING_BATCH)
                        .map(locks -> (long) counters + locks))
                .onFailure().invoke(e -> LOG.warnf("rate limit housekeeping failed, trying again at the next run: %s", e.toString()));
    }
}
