package org.openpetition.platform.inbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
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
        return applyOnceEach(consumer, List.of(eventId), first -> first.isEmpty() ? Uni.createFrom().voidItem() : work.get());
    }

    /**
     * Runs {@code work} in one new transaction with the ids, among {@code eventIds}, of the events this
     * consumer sees for the first time (their marks are recorded in the same transaction); the others were
     * applied before and are left out. For a batch consumer: one transaction for a whole poll.
     */
    public Uni<Void> applyOnceEach(String consumer, List<String> eventIds, Function<Set<String>, Uni<?>> work) {
        if (eventIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session
                        .createNativeQuery(markFirst(":consumer", ":ids"), String.class)
                        .setParameter("consumer", consumer)
                        .setParameter("ids", eventIds.toArray(String[]::new))
                        .getResultList())
                .chain(first -> {
                    if (first.size() < eventIds.size()) {
                        LOG.debugf("%s: %d of %d events applied before; skipped", consumer, eventIds.size() - first.size(),
                                eventIds.size());
                    }
                    return work.apply(Set.copyOf(first)).replaceWithVoid();
                }));
    }

    /**
     * The mark of {@link #applyOnceEach} for a consumer that writes a poll on the reactive client's connection
     * itself, inside its own transaction: returns the ids among {@code eventIds} seen for the first time.
     */
    public static Uni<Set<String>> markFirst(SqlConnection conn, String consumer, List<String> eventIds) {
        if (eventIds.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        return conn.preparedQuery(markFirst("$1", "$2")).execute(Tuple.of(consumer, eventIds.toArray(String[]::new)))
                .map(rows -> {
                    Set<String> first = new HashSet<>();
                    rows.forEach(row -> first.add(row.getString(0)));
                    return first;
                });
    }

    /**
     * The statement that marks a poll's events, with the placeholders of the consumer and of the ids (one array,
     * bound whole), for Hibernate or for the reactive client: it returns the ids marked now.
     */
    private static String markFirst(String consumer, String ids) {
        return "insert into processed_event (consumer, event_id, processed_at) select distinct cast(" + consumer
                + " as text), e, now() from unnest(cast(" + ids + " as text[])) e on conflict do nothing returning event_id";
    }
}
