package org.openpetition.supervision.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/**
 * The table {@code early_withdrawal}: petitions withdrawn before their case reached supervision (the
 * withdrawal can overtake the assignment), so that the case, when it is assigned, opens closed, without a clock.
 */
@ApplicationScoped
public class EarlyWithdrawalRepository {

    public Uni<Void> remember(UUID caseId, Instant at) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "insert into early_withdrawal (case_id, at) values (:caseId, :at) on conflict do nothing")
                .setParameter("caseId", caseId).setParameter("at", at).executeUpdate()).replaceWithVoid();
    }

    public Uni<Boolean> contains(UUID caseId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "select count(*) from early_withdrawal where case_id = :caseId", Long.class)
                .setParameter("caseId", caseId).getSingleResult()).map(n -> n > 0);
    }
}
