package org.openpetition.intake.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.UUID;
import org.openpetition.intake.StatusEntry;

@ApplicationScoped
public class StatusEntryRepository implements PanacheRepositoryBase<StatusEntry, UUID> {

    public Uni<List<StatusEntry>> timeline(UUID petitionId) {
        return list("petitionId", Sort.by("at").and("id"), petitionId);
    }

    /** When each of the petitions last changed. */
    public Uni<Map<UUID, Instant>> lastChanged(Collection<UUID> petitionIds) {
        if (petitionIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return getSession().chain(session -> session.createSelectionQuery(
                        "select petitionId, max(at) from StatusEntry where petitionId in (:ids) group by petitionId",
                        Object[].class)
                .setParameter("ids", petitionIds)
                .getResultList())
                .map(rows -> rows.stream().collect(Collectors.toMap(r -> (UUID) r[0], r -> (Instant) r[1])));
    }
}
