package org.openpetition.portal.session;

import io.quarkus.oidc.AuthorizationCodeTokens;
import io.quarkus.oidc.OidcRequestContext;
import io.quarkus.oidc.OidcTenantConfig;
import io.quarkus.oidc.TokenStateManager;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.security.SecureRandom;
import java.util.Base64;
import org.openpetition.portal.PortalConfig;

/**
 * Keeps the users' tokens on the server: the session cookie holds only a random session id (256 bits), and the
 * ID, access and refresh tokens stay in the portal's own PostgreSQL table ({@link SessionStore}), so no token
 * ever reaches the browser. Signing out deletes the row; a session ends at the latest after
 * {@code portal.session-max-age}.
 */
@ApplicationScoped
@Alternative
@Priority(1)
public class ServerSideTokens implements TokenStateManager {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final SessionStore store;
    private final PortalConfig config;

    public ServerSideTokens(SessionStore store, PortalConfig config) {
        this.store = store;
        this.config = config;
    }

    @Override
    public Uni<String> createTokenState(RoutingContext context, OidcTenantConfig oidc, AuthorizationCodeTokens tokens,
                                        OidcRequestContext<String> requestContext) {
        String sessionId = newSessionId();
        return store.save(sessionId, tokens, config.sessionMaxAge()).replaceWith(sessionId);
    }

    @Override
    public Uni<AuthorizationCodeTokens> getTokens(RoutingContext context, OidcTenantConfig oidc, String sessionId,
                                                  OidcRequestContext<AuthorizationCodeTokens> requestContext) {
        return store.find(sessionId);
    }

    @Override
    public Uni<Void> deleteTokens(RoutingContext context, OidcTenantConfig oidc, String sessionId,
                                  OidcRequestContext<Void> requestContext) {
        return store.delete(sessionId);
    }

    private static String newSessionId() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
