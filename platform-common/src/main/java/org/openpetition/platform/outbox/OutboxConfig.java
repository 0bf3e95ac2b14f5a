package org.openpetition.platform.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the transactional outbox. */
@ConfigMapping(prefix = "petition.outbox")
public interface OutboxConfig {

    /** The CloudEvents source of this service's events, e.g. "/intake-service". */
    String source();

    /**
     * Whether this instance relays the outbox. Off, events are still written and wait until an
     * instance with the relay on publishes them (maintenance; the crash test uses it to hold events
     * between commit and publish).
     */
    @WithDefault("true")
    boolean relayEnabled();

    /** Most events published in one relay run. */
    @WithDefault("500")
    int batchSize();

    /** How long a send may wait for the broker's metadata (the broker being down). */
    @WithDefault("5s")
    Duration maxBlock();

    /** How long the producer waits for one request to the broker. */
    @WithDefault("4s")
    Duration requestTimeout();

    /** How long the producer tries to deliver a record before reporting a failure. */
    @WithDefault("10s")
    Duration deliveryTimeout();

    /**
     * How long a published event stays in the outbox (for an operator looking into what was sent)
     * before housekeeping deletes it. Unpublished events are never deleted.
     */
    @WithDefault("7d")
    Duration keepPublished();

    /**
     * How long the mark of an applied event is kept (idempotent consumers). Longer than the topics
     * keep their records (30 days in deploy/k8s), so that no record still on a topic can be applied twice.
     */
    @WithDefault("45d")
    Duration keepProcessed();
}
