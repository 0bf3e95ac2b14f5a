package org.openpetition.supervision.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneOffset;
import org.openpetition.contracts.event.PetitionSubmittedV1;

/**
 * The table {@code petition_record}: every registered petition, repeats included, for the counts of the
 * indicators (no personal data: locality, channel, kind, day of receipt and the repeat and collective marks).
 */
@ApplicationScoped
public class PetitionRecordRepository {

    /** Keeps a petition (once: a repeat delivery is nothing), in the caller's transaction. */
    public Uni<Void> insert(PetitionSubmittedV1 p) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        insert into petition_record (petition_id, case_id, locality_code, channel, kind, received_at, repeat, collective)
                        values (:id, :caseId, :locality, :channel, :kind, :received, :repeat, :collective)
                        on conflict do nothing""")
                .setParameter("id", p.caseId())
                .setParameter("caseId", p.repeatOfCaseId() != null ? p.repeatOfCaseId() : p.caseId())
                .setParameter("locality", p.localityCode())
                .setParameter("channel", p.channel())
                .setParameter("kind", p.kind())
                .setParameter("received", p.receivedAt().atOffset(ZoneOffset.UTC))
                .setParameter("repeat", p.repeatOfCaseId() != null)
                .setParameter("collective", p.collective())
                .executeUpdate()).replaceWithVoid();
    }
}
