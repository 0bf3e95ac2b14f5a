package org.openpetition.routing.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.openpetition.routing.Department;

@ApplicationScoped
public class DepartmentRepository implements PanacheRepositoryBase<Department, String> {

    /** Departments at any of the localities whose remit covers the category. */
    public Uni<List<Department>> competentFor(List<String> localityCodes, String subjectCategory) {
        return find("select distinct d from Department d join d.remit category "
                + "where d.localityCode in ?1 and category = ?2", localityCodes, subjectCategory).list();
    }
}
