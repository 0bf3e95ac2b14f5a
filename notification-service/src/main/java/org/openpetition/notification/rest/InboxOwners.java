package org.openpetition.notification.rest;

import static org.openpetition.platform.security.Roles.*;

import jakarta.enterprise.context.RequestScoped;
import java.util.LinkedHashSet;
import java.util.Set;
import org.openpetition.platform.security.Caller;
import org.openpetition.platform.security.CurrentCaller;

/**
 * The inboxes the caller may read (docs/security.md): their own (user:&lt;subject&gt;); their unit's
 * (unit:&lt;department claim&gt;) for a handler or a supervisor of that unit; the leader's
 * (leader:&lt;leader_id claim&gt;) for a leader. A claim without the role that uses it opens nothing.
 */
@RequestScoped
public class InboxOwners {

    private final CurrentCaller caller;

    public InboxOwners(CurrentCaller caller) {
        this.caller = caller;
    }

    public Set<String> all() {
        Caller who = caller.get();
        Set<String> owners = new LinkedHashSet<>();
        if (who.subject() != null) {
            owners.add("user:" + who.subject());
        }
        if (who.department() != null && (who.has(HANDLER) || who.has(SUPERVISOR))) {
            owners.add("unit:" + who.department());
        }
        if (who.leaderId() != null && who.has(LEADER)) {
            owners.add("leader:" + who.leaderId());
        }
        return owners;
    }
}
