package org.openpetition.intake.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.openpetition.intake.Petition;
import org.openpetition.intake.Petitioner;

@ApplicationScoped
public class PetitionRepository implements PanacheRepositoryBase<Petition, UUID> {

    public Uni<Petition> findByTrackingCode(String trackingCode) {
        return find("trackingCode", trackingCode).firstResult();
    }

    /** The petition's petitioners, loaded in the current session. */
    public Uni<List<Petitioner>> petitioners(Petition petition) {
        return getSession().chain(session -> session.fetch(petition.petitioners));
    }

    /** Petitions a client registered, by tracking code. */
    public Uni<List<Petition>> findByTrackingCodes(String registeredBy, Collection<String> trackingCodes) {
        return list("registeredBy = ?1 and trackingCode in ?2 order by receivedAt", registeredBy, trackingCodes);
    }

    /** Petitions a client registered in a period, newest first. */
    public Uni<List<Petition>> findRegisteredBy(String registeredBy, Instant from, Instant to, int limit) {
        return find("registeredBy = ?1 and receivedAt >= ?2 and receivedAt < ?3 order by receivedAt desc",
                registeredBy, from, to).range(0, limit - 1).list();
    }
}
