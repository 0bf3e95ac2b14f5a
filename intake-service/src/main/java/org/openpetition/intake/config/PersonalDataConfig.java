package org.openpetition.intake.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/**
 * Keys that protect petitioners' identity numbers and the query secrets. No key has a default: a deployment
 * supplies them (a Kubernetes Secret); the local run and the tests use development keys from devinfra.
 * Rotation: a new key under a new id becomes the encryption key, the old one moves to the retired keys
 * (still read), the re-encryption job rewrites every value under the new key, then the old key goes.
 */
@ConfigMapping(prefix = "petition.personal-data")
public interface PersonalDataConfig {

    /** AES-256 key, Base64 (32 bytes): values are encrypted with it (AES-GCM). */
    String encryptionKey();

    /** The id stored with every value encrypted under {@link #encryptionKey()} (letters, digits, '-'). */
    @WithDefault("1")
    String encryptionKeyId();

    /** Earlier keys still read during a rotation: {@code id:base64,id:base64}. */
    Optional<String> retiredEncryptionKeys();

    /** HMAC-SHA256 key, Base64 (at least 32 bytes): identity numbers are matched by this keyed hash. */
    String matchingKey();
}
