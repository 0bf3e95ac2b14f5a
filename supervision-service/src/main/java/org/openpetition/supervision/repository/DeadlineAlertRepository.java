package org.openpetition.supervision.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.openpetition.supervision.DeadlineAlert;

@ApplicationScoped
public class DeadlineAlertRepository implements PanacheRepositoryBase<DeadlineAlert, UUID> {

    public Uni<List<DeadlineAlert>> ofCase(UUID caseId) {
        return list("caseId", Sort.by("alertDay").and("at"), caseId);
    }
}
