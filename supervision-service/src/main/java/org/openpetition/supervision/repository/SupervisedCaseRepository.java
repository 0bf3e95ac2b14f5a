package org.openpetition.supervision.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.openpetition.supervision.SupervisedCase;

@ApplicationScoped
public class SupervisedCaseRepository implements PanacheRepositoryBase<SupervisedCase, UUID> {
}
