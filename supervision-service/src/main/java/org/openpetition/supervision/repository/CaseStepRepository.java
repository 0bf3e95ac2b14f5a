package org.openpetition.supervision.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.openpetition.supervision.CaseStep;

@ApplicationScoped
public class CaseStepRepository implements PanacheRepositoryBase<CaseStep, UUID> {

    public Uni<List<CaseStep>> history(UUID caseId) {
        return list("caseId", Sort.by("at").and("id"), caseId);
    }
}
