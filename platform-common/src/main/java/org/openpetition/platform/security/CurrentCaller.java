package org.openpetition.platform.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The request's {@link Caller}, built once from the verified token. */
@RequestScoped
public class CurrentCaller {

    private final SecurityIdentity identity;
    private final JsonWebToken token;
    private Caller caller;

    public CurrentCaller(SecurityIdentity identity, JsonWebToken token) {
        this.identity = identity;
        this.token = token;
    }

    public Caller get() {
        if (caller == null) {
            caller = identity.isAnonymous()
                    ? new Caller(null, null, Set.of(), null, null, null)
                    : new Caller(identity.getPrincipal().getName(), token.getSubject(), identity.getRoles(),
                            claim("department"), Jurisdiction.ofClaim(claim("locality")), claim("leader_id"));
        }
        return caller;
    }

    private String claim(String name) {
        Object value = token.getClaim(name);
        return value instanceof String s ? s : null;
    }
}
