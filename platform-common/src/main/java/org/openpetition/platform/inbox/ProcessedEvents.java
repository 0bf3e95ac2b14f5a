package org.openpetition.platform.inbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The idempotent-consumer memory: the ids of the events this service has applied. Call
 * {@link #firstDelivery} inside the transaction that applies the event; a redelivered event finds
 * its id already there and is skipped, and if the transaction rolls back the id goes with it.
 */
@ApplicationScoped
public class ProcessedEvents {

    /** True if this consumer sees the event for the first time (and records it). */
    public Uni<Boolean> firstDelivery(String consumer, String eventId) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("insert into processed_event (consumer, event_id, processed_at) "
                        + "values (:consumer, :eventId, now()) on conflict do nothing")
                .setParameter("consumer", consumer)
                .setParameter("eventId", eventId)
                .executeUpdate())
                .map(inserted -> inserted == 1);
    }
}
