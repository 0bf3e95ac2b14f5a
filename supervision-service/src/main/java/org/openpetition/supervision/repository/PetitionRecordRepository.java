package org.openpetition.supervision.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneOffset;
import java.util.UUID;
import org.openpetition.contracts.event.PetitionSubmittedV1;

/**
 * The table {@code petition_record}: every registered petition, repeats included, for the counts of the
 * indicators (no personal data: locality, channel, kind, day of receipt and the repeat and collective marks).
 */
@ApplicationScoped
public class PetitionRecordRepository {

    /**
     * Keeps a petition (once: a repeat delivery is nothing), in the caller's transaction; if its case was
     * opened before (case.assigned.v1 overtook it), the case gets the petition's kind and accused unit.
     */
    public Uni<Void> insert(PetitionSubmittedV1 p) {
        String accusedUnit = p.accused() == null ? null : p.accused().unitCode();
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        insert into petition_record (petition_id, case_id, locality_code, channel, kind, received_at, repeat,
                                                     collective, accused_unit_code)
                        values (:id, :caseId, :locality, :channel, :kind, :received, :repeat, :collective, :accused)
                        on conflict do nothing""")
                .setParameter("id", p.caseId())
                .setParameter("caseId", p.repeatOfCaseId() != null ? p.repeatOfCaseId() : p.caseId())
                .setParameter("locality", p.localityCode())
                .setParameter("channel", p.channel())
                .setParameter("kind", p.kind())
                .setParameter("received", p.receivedAt().atOffset(ZoneOffset.UTC))
                .setParameter("repeat", p.repeatOfCaseId() != null)
                .setParameter("collective", p.collective())
                .setParameter("accused", accusedUnit)
                .executeUpdate()
                .chain(() -> p.repeatOfCaseId() != null ? Uni.createFrom().item(0) : session.createNativeQuery("""
                                update supervised_case set kind = :kind, accused_unit_code = :accused
                                where case_id = :id and kind is null""")
                        .setParameter("kind", p.kind())
                        .setParameter("accused", accusedUnit)
                        .setParameter("id", p.caseId())
                        .executeUpdate())).replaceWithVoid();
    }

    /** The petition that opened a case: its kind and accused unit code ({@code [kind, accused]}), or null if not recorded. */
    public Uni<String[]> opening(UUID caseId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "select kind, accused_unit_code from petition_record where petition_id = :id", Object[].class)
                .setParameter("id", caseId).getResultList())
                .map(rows -> rows.isEmpty() ? null : new String[]{(String) rows.get(0)[0], (String) rows.get(0)[1]});
    }
}
