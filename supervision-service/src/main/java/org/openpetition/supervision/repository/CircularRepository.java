package org.openpetition.supervision.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/** The table {@code circular}: the circulars of overdue units as they were issued (their body as JSON). */
@ApplicationScoped
public class CircularRepository {

    /**
     * Stores a circular in the caller's transaction unless one of the same area and period is stored (a
     * scheduled one, issued by another replica); true if this one was.
     */
    public Uni<Boolean> insert(UUID id, String localityPrefix, LocalDate from, LocalDate to, boolean scheduled,
                               String issuedBy, Instant issuedAt, String body) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        insert into circular (circular_id, locality_prefix, period_from, period_to, scheduled,
                                              issued_by, issued_at, body)
                        values (:id, :prefix, :from, :to, :scheduled, :by, :at, cast(cast(:body as text) as jsonb))
                        on conflict do nothing""")
                .setParameter("id", id).setParameter("prefix", localityPrefix)
                .setParameter("from", from).setParameter("to", to).setParameter("scheduled", scheduled)
                .setParameter("by", issuedBy).setParameter("at", issuedAt).setParameter("body", body)
                .executeUpdate()).map(n -> n == 1);
    }

    /** The body of a circular, or empty. */
    public Uni<Optional<String>> body(UUID circularId) {
        return Panache.withSession(() -> Panache.getSession().chain(session -> session.createNativeQuery(
                        "select cast(body as text) from circular where circular_id = :id", String.class)
                .setParameter("id", circularId).getResultList()))
                .map(rows -> rows.stream().findFirst());
    }
}
