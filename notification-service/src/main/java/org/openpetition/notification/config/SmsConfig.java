package org.openpetition.notification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * The SMS gateway (petition.sms.*): an HTTP endpoint that takes {@code POST {to, text, reference}} with a
 * bearer key and answers 2xx when it accepted the text. The reference (the message id, also sent as
 * Idempotency-Key) lets the gateway drop a repeat.
 */
@ConfigMapping(prefix = "petition.sms")
public interface SmsConfig {

    /** The gateway's URL; without it SMS messages fail with "no SMS gateway configured". */
    Optional<String> url();

    /** The gateway's API key (a secret: from the environment or a secret store). */
    Optional<String> apiKey();

    @WithDefault("10s")
    Duration timeout();
}
