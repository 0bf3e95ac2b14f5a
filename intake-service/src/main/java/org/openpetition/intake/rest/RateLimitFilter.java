package org.openpetition.intake.rest;

import static org.openpetition.platform.security.Roles.CITIZEN;
import static org.openpetition.platform.security.Roles.CLERK;
import static org.openpetition.platform.security.Roles.OPEN311_CLIENT;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;
import org.openpetition.intake.config.RateLimitConfig;
import org.openpetition.intake.rest.open311.Open311Resource;
import org.openpetition.intake.service.RateLimits;
import org.openpetition.intake.service.RateLimits.Limit;

/**
 * Applies the rate limits (petition.rate-limit.*) before the endpoint runs, so that a refused request
 * stores nothing: registration per account and per client address, with the citizen's or the clerk's
 * limits (a clerk counts as a clerk); public tracking per client address; Open311 submissions per client.
 * Requests without the role the endpoint needs are not counted (they are refused with 401/403 anyway).
 * The client address is the connection's peer, or the X-Forwarded-For/Forwarded address when
 * {@code quarkus.http.proxy.proxy-address-forwarding} trusts the proxy it came through
 * (docs/operations.md, Rate limits). One statement per counted request.
 */
public class RateLimitFilter {

    static final String DETAIL = "请求过于频繁，请稍后再试 / Too many requests; try again later";

    private final RateLimits limits;
    private final RateLimitConfig config;
    private final SecurityIdentity identity;

    public RateLimitFilter(RateLimits limits, RateLimitConfig config, SecurityIdentity identity) {
        this.limits = limits;
        this.config = config;
        this.identity = identity;
    }

    @ServerRequestFilter
    public Uni<Void> limit(SimpleResourceInfo resource, HttpServerRequest request) {
        if (!config.enabled() || resource == null || resource.getResourceClass() == null) {
            return Uni.createFrom().voidItem();
        }
        Class<?> type = resource.getResourceClass();
        String method = resource.getMethodName();
        if (type == PetitionResource.class && "submit".equals(method)) {
            return registration(request);
        }
        if (type == TrackingResource.class) {
            var tracking = config.tracking();
            return limits.check(List.of(new Limit("tracking", "address", address(request), tracking.perAddress())),
                    tracking.window(), DETAIL);
        }
        if (type == Open311Resource.class && "create".equals(method) && identity.hasRole(OPEN311_CLIENT)) {
            var open311 = config.open311();
            return limits.check(List.of(new Limit("open311", "client", identity.getPrincipal().getName(), open311.perClient())),
                    open311.window(), DETAIL);
        }
        return Uni.createFrom().voidItem();
    }

    private Uni<Void> registration(HttpServerRequest request) {
        if (identity.isAnonymous()) {
            return Uni.createFrom().voidItem();
        }
        String account = identity.getPrincipal() instanceof JsonWebToken token && token.getSubject() != null
                ? token.getSubject() : identity.getPrincipal().getName();
        if (identity.hasRole(CLERK)) {
            var clerk = config.clerkRegistration();
            return limits.check(List.of(new Limit("register-clerk", "account", account, clerk.perAccount()),
                    new Limit("register-clerk", "address", address(request), clerk.perAddress())), clerk.window(), DETAIL);
        }
        if (identity.hasRole(CITIZEN)) {
            var citizen = config.citizenRegistration();
            return limits.check(List.of(new Limit("register-citizen", "account", account, citizen.perAccount()),
                    new Limit("register-citizen", "address", address(request), citizen.perAddress())), citizen.window(), DETAIL);
        }
        return Uni.createFrom().voidItem();
    }

    /** The client's address: the peer, or the forwarded address of a trusted proxy (Quarkus replaces it). */
    private static String address(HttpServerRequest request) {
        SocketAddress remote = request.remoteAddress();
        return remote == null ? null : remote.hostAddress();
    }
}
