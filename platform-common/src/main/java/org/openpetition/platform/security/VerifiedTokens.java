package org.openpetition.platform.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.quarkus.oidc.runtime.OidcIdentityProvider;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Verifies each bearer token once: the identity Quarkus OIDC built from a token (signature, issuer,
 * expiry checked; roles and claims read) is kept, keyed by the exact token text, until the token
 * expires and at most {@code petition.security.token-cache.max-age}, so the next requests with the
 * same token skip the RSA signature check and the JWT's repeated decoding (about a third of intake's
 * CPU per registration). A token that differs in any character is a different key and is verified
 * in full; a token that fails verification is never kept.
 *
 * <p>What it does not change: a token stays valid until its expiry in any case (JWTs are not
 * revoked), and Quarkus OIDC keeps the realm's keys it fetched until a token names an unknown key,
 * so a key withdrawn from the realm was trusted until then (or until restart) before this cache as well.
 *
 * <p>It runs before Quarkus OIDC's own provider (higher priority) and calls it on a miss.
 */
@ApplicationScoped
public class VerifiedTokens implements IdentityProvider<TokenAuthenticationRequest> {

    /** Above Quarkus OIDC's provider, which has the default priority. */
    private static final int PRIORITY = 2_000;
    private static final String ROUTING_CONTEXT = RoutingContext.class.getName();
    private static final String REQUEST_CONTEXT = AuthenticationRequestContext.class.getName();

    private final OidcIdentityProvider oidc;
    private final TokenCacheConfig config;
    private final Cache<String, Kept> verified;

    public VerifiedTokens(OidcIdentityProvider oidc, TokenCacheConfig config, MeterRegistry registry) {
        this.oidc = oidc;
        this.config = config;
        this.verified = Caffeine.newBuilder()
                .maximumSize(config.maxSize())
                .expireAfter(new UntilTokenExpires())
                .recordStats()
                .build();
        // /q/metrics: cache_gets_total{cache="verified-tokens",result="hit"|"miss"}, cache_size, cache_evictions_total
        CaffeineCacheMetrics.monitor(registry, verified, "verified-tokens");
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public int priority() {
        return PRIORITY;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        if (!config.enabled()) {
            return Uni.createFrom().nullItem(); // Quarkus OIDC's provider, next in line, verifies it
        }
        String token = request.getToken().getToken();
        Kept kept = verified.getIfPresent(token);
        if (kept != null) {
            return Uni.createFrom().item(forRequest(kept.identity(), HttpSecurityUtils.getRoutingContextAttribute(request)));
        }
        return oidc.authenticate(request, context).invoke(identity -> keep(token, identity));
    }

    /** Tokens answered from the cache since start. */
    public long hits() {
        return verified.stats().hitCount();
    }

    /** Tokens verified in full since start (while the cache is on). */
    public long misses() {
        return verified.stats().missCount();
    }

    private void keep(String token, SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return;
        }
        long expiresAt = jwt.getClaim("exp") instanceof Number exp ? exp.longValue() : 0;
        Duration keep = TokenLifetime.keep(expiresAt, Instant.now(), config.maxAge());
        if (!keep.isZero()) {
            // the request's own objects stay with the request, not in the cache
            verified.put(token, new Kept(QuarkusSecurityIdentity.builder(identity)
                    .addAttribute(ROUTING_CONTEXT, null)
                    .addAttribute(REQUEST_CONTEXT, null)
                    .build(), keep));
        }
    }

    /** The kept identity with this request's routing context, as Quarkus OIDC attaches it. */
    private static SecurityIdentity forRequest(SecurityIdentity kept, RoutingContext routing) {
        if (routing == null) {
            return kept;
        }
        return QuarkusSecurityIdentity.builder(kept)
                .addAttribute(ROUTING_CONTEXT, routing)
                .addAttribute(REQUEST_CONTEXT, routing.get(REQUEST_CONTEXT))
                .build();
    }

    private record Kept(SecurityIdentity identity, Duration keep) {
    }

    private static final class UntilTokenExpires implements Expiry<String, Kept> {

        @Override
        public long expireAfterCreate(String token, Kept kept, long now) {
            return kept.keep().toNanos();
        }

        @Override
        public long expireAfterUpdate(String token, Kept kept, long now, long current) {
            return kept.keep().toNanos();
        }

        @Override
        public long expireAfterRead(String token, Kept kept, long now, long current) {
            return current;
        }
    }
}
