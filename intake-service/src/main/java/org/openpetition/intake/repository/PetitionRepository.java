package org.openpetition.intake.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.openpetition.intake.Petition;

@ApplicationScoped
public class PetitionRepository implements PanacheRepositoryBase<Petition, UUID> {

    public Uni<Petition> findByTrackingCode(String trackingCode) {
        return find("trackingCode", trackingCode).firstResult();
    }
}
