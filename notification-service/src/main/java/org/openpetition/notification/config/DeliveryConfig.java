package org.openpetition.notification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How messages are delivered and retried. */
@ConfigMapping(prefix = "petition.delivery")
public interface DeliveryConfig {

    /** Attempts before a message is marked FAILED. */
    @WithDefault("6")
    int maxAttempts();

    /** Wait before the first retry; doubles with each attempt. */
    @WithDefault("5s")
    Duration firstBackoff();

    /** Longest wait between retries. */
    @WithDefault("10m")
    Duration maxBackoff();

    /** How often queued messages are looked for (retries, the end of quiet hours); new ones go at once. */
    @WithDefault("2s")
    String pollInterval();

    /** How often interrupted sends are looked for. */
    @WithDefault("30s")
    String expireInterval();

    /** Most messages claimed in one run. */
    @WithDefault("200")
    int batchSize();

    /** Messages sent at the same time (the SMTP connection pool should be as large). */
    @WithDefault("16")
    int concurrency();

    /**
     * A message claimed longer ago than this by a replica that has not reported back was interrupted
     * by a crash: it is marked UNCERTAIN and dead-lettered, not resent (it may have gone out).
     */
    @WithDefault("5m")
    Duration sendingLease();
}
