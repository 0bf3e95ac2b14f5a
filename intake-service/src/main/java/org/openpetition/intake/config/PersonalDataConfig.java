package org.openpetition.intake.config;

import io.smallrye.config.ConfigMapping;

/**
 * Keys that protect petitioners' identity numbers. No defaults: a deployment must supply them (a
 * Kubernetes Secret); the local run and the tests use development keys from devinfra.
 */
@ConfigMapping(prefix = "petition.personal-data")
public interface PersonalDataConfig {

    /** AES-256 key, Base64 (32 bytes): identity numbers are stored encrypted with it (AES-GCM). */
    String encryptionKey();

    /** HMAC-SHA256 key, Base64 (at least 32 bytes): identity numbers are matched by this keyed hash. */
    String matchingKey();
}
