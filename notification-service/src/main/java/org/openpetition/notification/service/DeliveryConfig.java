package org.openpetition.notification.service;

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

    /** Most messages sent in one run. */
    @WithDefault("50")
    int batchSize();
}
