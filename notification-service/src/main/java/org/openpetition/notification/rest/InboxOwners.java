package org.openpetition.notification.rest;

import jakarta.enterprise.context.RequestScoped;
import java.util.LinkedHashSet;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The inboxes the caller may read, from the token: their own (user:&lt;subject&gt;), their unit's
 * (unit:&lt;department claim&gt;) and, for a leader, the leader's (leader:&lt;leader_id claim&gt;).
 */
@RequestScoped
public class InboxOwners {

    private final JsonWebToken token;

    public InboxOwners(JsonWebToken token) {
        this.token = token;
    }

    public Set<String> all() {
        Set<String> owners = new LinkedHashSet<>();
        owners.add("user:" + token.getSubject());
        String department = token.getClaim("department");
        if (department != null && !department.isBlank()) {
            owners.add("unit:" + department);
        }
        String leader = token.getClaim("leader_id");
        if (leader != null && !leader.isBlank()) {
            owners.add("leader:" + leader);
        }
        return owners;
    }
}
