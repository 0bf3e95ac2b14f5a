package org.openpetition.intake.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import org.jboss.logging.Logger;
import org.openpetition.intake.config.RateLimitConfig;
import org.openpetition.intake.repository.TrackingLockoutRepository;
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

    static final String LOCKED = "此查询码因多次输入错误的查询密码已暂时锁定，请稍后再试 / This tracking code is locked for a "
            + "while after repeated wrong query secrets; try again later";

    private final TrackingLockoutRepository lockouts;
    private final RateLimitConfig config;

    public TrackingLockout(TrackingLockoutRepository lockouts, RateLimitConfig config) {
        this.lockouts = lockouts;
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
        return lockouts.state(hash(trackingCode)).map(state -> {
            if (state == null) {
                return 0;
            }
            if (state.lockedUntil() != null && state.lockedUntil().isAfter(now)) {
                throw ProblemException.tooManyRequests(LOCKED, Duration.between(now, state.lockedUntil()));
            }
            return state.failures();
        });
    }

    /** Records a wrong secret (or an unknown code). */
    public Uni<Void> failed(String trackingCode) {
        if (!enabled()) {
            return Uni.createFrom().voidItem();
        }
        Instant now = Instant.now();
        Duration period = config.tracking().lockoutPeriod();
        return lockouts.failed(hash(trackingCode), now, period, config.tracking().lockoutFailures())
                .invoke(failures -> {
                    if (failures >= config.tracking().lockoutFailures()) {
                        LOG.infof("a tracking code is locked for %s after %d wrong query secrets", period, failures);
                    }
                })
                .replaceWithVoid();
    }

    /** The right secret: the count starts again (only called when there were failures). */
    public Uni<Void> cleared(String trackingCode) {
        return lockouts.cleared(hash(trackingCode));
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
