package org.openpetition.platform.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the transactional outbox. */
@ConfigMapping(prefix = "petition.outbox")
public interface OutboxConfig {

    /** The CloudEvents source of this service's events, e.g. "/intake-service". */
    String source();

    /** Most events published in one relay run. */
    @WithDefault("200")
    int batchSize();
}
