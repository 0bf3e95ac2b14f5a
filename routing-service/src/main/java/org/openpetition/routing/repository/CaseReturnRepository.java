package org.openpetition.routing.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.openpetition.routing.CaseReturn;

/** 退回: the returns of cases, the only reader and writer of case_return. */
@ApplicationScoped
public class CaseReturnRepository implements PanacheRepositoryBase<CaseReturn, UUID> {

    /** Every return of the case. */
    public Uni<List<CaseReturn>> ofCase(UUID caseId) {
        return list("caseId", caseId);
    }

    /** The units that returned the case. */
    public Uni<Set<String>> returnedBy(UUID caseId) {
        return ofCase(caseId).map(returns -> returns.stream().map(r -> r.departmentCode).collect(Collectors.toSet()));
    }
}
