package org.openpetition.intake.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.openpetition.intake.PersonalDataRead;
import org.openpetition.platform.security.Caller;
import org.openpetition.platform.security.Jurisdiction;

/** The audit trail of reads of personal data in clear. */
@ApplicationScoped
public class PersonalDataReadRepository implements PanacheRepositoryBase<PersonalDataRead, UUID> {

    /** Records that the caller read the case's personal data, in its own transaction. */
    public Uni<Void> record(UUID caseId, Caller reader, String what) {
        return Panache.withTransaction(() -> persist(PersonalDataRead.of(caseId, reader.user(),
                String.join(",", reader.roles().stream().sorted().toList()), what))).replaceWithVoid();
    }

    /** The reads of cases in the area (their competent locality, or the petition's before routing), newest first. */
    public Uni<List<PersonalDataRead>> inArea(Jurisdiction area, UUID caseId, int limit) {
        String query = "select r from PersonalDataRead r, Petition p where p.id = r.caseId"
                + " and coalesce(p.competentLocality, p.localityCode) like ?1" + (caseId == null ? "" : " and r.caseId = ?2")
                + " order by r.at desc";
        return (caseId == null ? find(query, area.likePattern()) : find(query, area.likePattern(), caseId))
                .page(0, limit).list();
    }
}
