package org.openpetition.platform.security;

import java.time.Duration;
import java.time.Instant;

/** How long a verified token may be kept: until it expires, and never longer than the configured age. */
final class TokenLifetime {

    private TokenLifetime() {
    }

    /**
     * The time left to keep a token verified now, or {@link Duration#ZERO} when it must not be kept
     * (no expiry claim, or already expired).
     *
     * @param expiresAt the token's "exp" claim in seconds since the epoch, 0 when it has none
     */
    static Duration keep(long expiresAt, Instant now, Duration maxAge) {
        if (expiresAt <= 0) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(now, Instant.ofEpochSecond(expiresAt));
        if (left.isNegative() || left.isZero()) {
            return Duration.ZERO;
        }
        return left.compareTo(maxAge) < 0 ? left : maxAge;
    }
}
