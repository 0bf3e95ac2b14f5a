package org.openpetition.platform.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the cache of verified bearer tokens ({@link VerifiedTokens}). */
@ConfigMapping(prefix = "petition.security.token-cache")
public interface TokenCacheConfig {

    /** Off, every request's token is verified by Quarkus OIDC as if there were no cache. */
    @WithDefault("true")
    boolean enabled();

    /** Most tokens kept; beyond it the least used go first. */
    @WithDefault("10000")
    long maxSize();

    /** Longest a verified token is kept, however long it is still valid. */
    @WithDefault("60s")
    Duration maxAge();
}
