package org.openpetition.notification.service;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.openpetition.notification.InboxMessage;
import org.openpetition.notification.repository.InboxRepository;

/** The in-app inboxes a caller reads (their own, their unit's, a leader's): pages, read marks, live arrivals. */
@ApplicationScoped
public class Inboxes {

    /** How many of the inboxes' messages are unread, and the newest messages. */
    public record Page(long unread, List<InboxMessage> messages) {
    }

    private final InboxRepository inbox;
    private final InboxStream stream;

    public Inboxes(InboxRepository inbox, InboxStream stream) {
        this.inbox = inbox;
        this.stream = stream;
    }

    public Uni<Page> page(Set<String> owners, boolean unreadOnly, int limit) {
        return inbox.unread(owners).chain(unread -> inbox.newest(owners, unreadOnly, limit)
                .map(messages -> new Page(unread, messages)));
    }

    /** Marks a message of these inboxes read (once); false if none of them has it. */
    public Uni<Boolean> markRead(UUID id, Set<String> owners) {
        return inbox.findById(id).map(m -> {
            if (m == null || !owners.contains(m.owner)) {
                return false;
            }
            if (m.readAt == null) {
                m.readAt = Instant.now();
            }
            return true;
        });
    }

    /** The messages that arrive in these inboxes from now on. */
    public Multi<InboxMessage> live(Set<String> owners) {
        return stream.arrivalsFor(owners)
                .onItem().transformToUniAndConcatenate(arrival -> inbox.load(arrival.id()))
                .filter(m -> m != null);
    }
}
