package org.openpetition.intake.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * Rate limits of the public and registration endpoints (docs/operations.md, Rate limits). Each limit
 * counts requests in fixed windows of {@code window}, kept in the service's database so that every
 * replica counts the same; a request beyond a limit answers 429 (problem details, Retry-After until
 * the window ends) and stores nothing. A limit of 0 switches that counter off.
 */
@ConfigMapping(prefix = "petition.rate-limit")
public interface RateLimitConfig {

    /** Off switch for every limit of this service (the tracking lock-out included). */
    @WithDefault("true")
    boolean enabled();

    /** Registration (POST /api/petitions) by a petitioner for themselves (role citizen). */
    CitizenRegistration citizenRegistration();

    /** Registration (POST /api/petitions) by a clerk: letters, visits and calls all day long. */
    ClerkRegistration clerkRegistration();

    /** Public tracking (POST /api/tracking and /api/tracking/actions together). */
    Tracking tracking();

    /** Open311 submissions (POST /open311/v2/requests.json). */
    Open311 open311();

    /** How often ended windows and expired lock-outs are deleted (read by the scheduler of RateLimits). */
    @WithDefault("10m")
    Duration housekeepingInterval();

    interface CitizenRegistration {
        /** Registrations per account (the token's subject) and window. */
        @WithDefault("10")
        int perAccount();

        /** Registrations by citizens per client address and window (a household or an internet café shares one). */
        @WithDefault("30")
        int perAddress();

        @WithDefault("1h")
        Duration window();
    }

    interface ClerkRegistration {
        /** Registrations per clerk account and window. */
        @WithDefault("1000")
        int perAccount();

        /** Registrations by clerks per client address and window (a petition office behind one gateway). */
        @WithDefault("10000")
        int perAddress();

        @WithDefault("1h")
        Duration window();
    }

    interface Tracking {
        /** Tracking requests per client address and window, whatever the code and secret. */
        @WithDefault("60")
        int perAddress();

        @WithDefault("10m")
        Duration window();

        /** Consecutive wrong query secrets for one tracking code after which the code is locked. */
        @WithDefault("5")
        int lockoutFailures();

        /**
         * How long a code stays locked (even the right secret is refused), and how long a wrong secret
         * counts towards the lock.
         */
        @WithDefault("15m")
        Duration lockoutPeriod();
    }

    interface Open311 {
        /** Submissions per Open311 client (its client id) and window. */
        @WithDefault("5000")
        int perClient();

        @WithDefault("1h")
        Duration window();
    }
}
