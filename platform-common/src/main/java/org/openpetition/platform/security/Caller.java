package org.openpetition.platform.security;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who is calling, as far as access is concerned: the platform roles the token holds (any other role,
 * such as Keycloak's {@code default-roles-<realm>}, {@code offline_access} or {@code uma_authorization},
 * is dropped here, so it can never widen access) and the claims that bound them.
 *
 * @param user       the principal's name (preferred_username), as the services record actors
 * @param subject    the token subject (the account id), or null
 * @param roles      the platform roles held ({@link Roles}), nothing else
 * @param department the {@code department} claim (a unit's directory code), or null
 * @param area       the area of the {@code locality} claim, or null when the claim is missing or invalid
 * @param leaderId   the {@code leader_id} claim (a leader's directory id), or null
 */
public record Caller(String user, String subject, Set<String> roles, String department, Jurisdiction area,
                     String leaderId) {

    public Caller {
        roles = roles == null ? Set.of() : roles.stream().filter(Roles.ALL::contains).collect(Collectors.toUnmodifiableSet());
        department = blankToNull(department);
        leaderId = blankToNull(leaderId);
    }

    public boolean has(String role) {
        return roles.contains(role);
    }

    /** Whether the caller holds the role and its {@code locality} claim covers the division. */
    public boolean hasIn(String role, String divisionCode) {
        return has(role) && area != null && area.covers(divisionCode);
    }

    /** Whether the caller holds the role and its {@code department} claim names the unit. */
    public boolean hasFor(String role, String departmentCode) {
        return has(role) && department != null && department.equals(departmentCode);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
