package org.openpetition.platform.security;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collections;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * A person who registers an account on the portal (Keycloak self-registration) gets the realm's default
 * roles only, like every account an operator creates. Such an account signed in through the portal's own
 * client (the token's {@code azp}, {@code petition.security.petitioner-client}) is a petitioner (信访人):
 * it gets the {@link Roles#CITIZEN} role and nothing else. A token of any other client, or of an account
 * holding any platform role, is left as it is, so staff never become petitioners and a token with only
 * the default roles obtained elsewhere still grants nothing.
 */
@ApplicationScoped
public class SelfRegisteredPetitioners implements SecurityIdentityAugmentor {

    private final String petitionerClient;

    public SelfRegisteredPetitioners(
            @ConfigProperty(name = "petition.security.petitioner-client", defaultValue = "petition-portal-web")
            String petitionerClient) {
        this.petitionerClient = petitionerClient;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        return Uni.createFrom().item(() -> petitioner(identity) ? withCitizen(identity) : identity);
    }

    boolean petitioner(SecurityIdentity identity) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return false;
        }
        return petitionerClient.equals(token.getClaim("azp"))
                && Collections.disjoint(identity.getRoles(), Roles.ALL);
    }

    private static SecurityIdentity withCitizen(SecurityIdentity identity) {
        return QuarkusSecurityIdentity.builder(identity).addRole(Roles.CITIZEN).build();
    }
}
