package org.openpetition.platform.inbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * The idempotent-consumer memory: the ids of the events this service has applied. {@link #applyOnce}
 * applies an event in one transaction with the mark that it was applied; a redelivered event finds
 * its id already there and changes nothing, and if the transaction rolls back the mark goes with it.
 */
@ApplicationScoped
public class ProcessedEvents {

    private static final Logger LOG = Logger.getLogger(ProcessedEvents.class);

    /** Runs {@code work} in a new transaction, unless this consumer has applied the event already. */
    public Uni<Void> applyOnce(String consumer, String eventId, Supplier<Uni<?>> work) {
        return Panache.withTransaction(() -> firstDelivery(consumer, eventId).chain(first -> {
            if (!first) {
                LOG.debugf("%s: event %s applied before; skipped", consumer, eventId);
                return Uni.createFrom().voidItem();
            }
            return work.get().replaceWithVoid();
        }));
    }

    /** True if this consumer sees the event for the first time (and records it); inside a transaction. */
    Uni<Boolean> firstDelivery(String consumer, String eventId) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("insert into processed_event (consumer, event_id, processed_at) "
                        + "values (:consumer, :eventId, now()) on conflict do nothing")
                .setParameter("consumer", consumer)
                .setParameter("eventId", eventId)
                .executeUpdate())
                .map(inserted -> inserted == 1);
    }
}
