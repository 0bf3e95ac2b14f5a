package org.openpetition.intake.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.openpetition.intake.StatusEntry;

@ApplicationScoped
public class StatusEntryRepository implements PanacheRepositoryBase<StatusEntry, UUID> {

    public Uni<List<StatusEntry>> timeline(UUID petitionId) {
        return list("petitionId", Sort.by("at").and("id"), petitionId);
    }
}
