package org.openpetition.platform.security;

import static org.junit.jupiter.api.Assertions.*;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import java.security.Principal;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

/**
 * An account with the realm's default roles only, signed in through the portal's client, is a petitioner;
 * nothing else changes. Plain objects: a built identity and a token of the claims given.
 */
class SelfRegisteredPetitionersTest {

    private static final String PORTAL = "petition-portal-web";
    private static final Set<String> DEFAULT_ROLES = Set.of("default-roles-petition", "offline_access", "uma_authorization");

    private final SelfRegisteredPetitioners augmentor = new SelfRegisteredPetitioners(PORTAL);

    @Test
    void aPortalTokenWithTheDefaultRolesOnlyIsACitizen() {
        SecurityIdentity augmented = augment(identity(token("new-petitioner", Map.of("azp", PORTAL)), DEFAULT_ROLES));
        assertTrue(augmented.hasRole(Roles.CITIZEN), augmented.getRoles().toString());
        assertEquals(Set.of(Roles.CITIZEN), Set.copyOf(new Caller(null, null, augmented.getRoles(), null, null, null).roles()),
                "citizen and nothing else of the platform");
        assertEquals("new-petitioner", augmented.getPrincipal().getName());
        assertTrue(augmented.getRoles().containsAll(DEFAULT_ROLES), "the token's own roles stay");
    }

    @Test
    void aPortalTokenWithoutAnyRoleIsACitizen() {
        SecurityIdentity augmented = augment(identity(token("bare", Map.of("azp", PORTAL)), Set.of()));
        assertEquals(Set.of(Roles.CITIZEN), augmented.getRoles());
    }

    @Test
    void aTokenOfAnotherClientIsLeftAsItIs() {
        for (String client : new String[] {"petition-portal", "petition-services", "petition-portal-web-evil", ""}) {
            SecurityIdentity identity = identity(token("someone", Map.of("azp", client)), DEFAULT_ROLES);
            SecurityIdentity augmented = augment(identity);
            assertFalse(augmented.hasRole(Roles.CITIZEN), client);
            assertEquals(DEFAULT_ROLES, augmented.getRoles(), client);
        }
        SecurityIdentity noAzp = augment(identity(token("someone", Map.of()), DEFAULT_ROLES));
        assertEquals(DEFAULT_ROLES, noAzp.getRoles());
    }

    @Test
    void anAccountWithAPlatformRoleIsLeftAsItIs() {
        for (String role : Roles.ALL) {
            Set<String> roles = new java.util.HashSet<>(DEFAULT_ROLES);
            roles.add(role);
            SecurityIdentity augmented = augment(identity(token("staff", Map.of("azp", PORTAL)), roles));
            assertEquals(roles, augmented.getRoles(), role);
        }
    }

    @Test
    void anAnonymousCallerIsLeftAsItIs() {
        SecurityIdentity anonymous = QuarkusSecurityIdentity.builder().setAnonymous(true).build();
        SecurityIdentity augmented = augment(anonymous);
        assertTrue(augmented.isAnonymous());
        assertEquals(Set.of(), augmented.getRoles());
    }

    @Test
    void aPrincipalThatIsNotATokenIsLeftAsItIs() {
        Principal plain = () -> "basic-user";
        SecurityIdentity augmented = augment(identity(plain, DEFAULT_ROLES));
        assertEquals(DEFAULT_ROLES, augmented.getRoles());
    }

    @Test
    void theClientIsConfigured() {
        SecurityIdentity identity = identity(token("p", Map.of("azp", "other-portal")), DEFAULT_ROLES);
        assertTrue(new SelfRegisteredPetitioners("other-portal").augment(identity, null).await().indefinitely()
                .hasRole(Roles.CITIZEN));
        assertFalse(augment(identity).hasRole(Roles.CITIZEN));
    }

    private SecurityIdentity augment(SecurityIdentity identity) {
        return augmentor.augment(identity, null).await().indefinitely();
    }

    private static SecurityIdentity identity(Principal principal, Set<String> roles) {
        return QuarkusSecurityIdentity.builder().setPrincipal(principal).addRoles(roles).build();
    }

    /** A verified token as Quarkus OIDC gives it: the name and the claims. */
    private static JsonWebToken token(String name, Map<String, Object> claims) {
        return new JsonWebToken() {
            @Override
            public String getName() {
                return name;
            }

            @Override
            public Set<String> getClaimNames() {
                return claims.keySet();
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T> T getClaim(String claimName) {
                return (T) claims.get(claimName);
            }
        };
    }
}
