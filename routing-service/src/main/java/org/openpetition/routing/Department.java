package org.openpetition.routing;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.util.HashSet;
import java.util.Set;

/** A department of a locality in the jurisdiction directory, with its remit (职责范围). */
@Entity
@Table(name = "department")
public class Department {

    /** e.g. "511703-ZJJ": the locality code and a short department key. */
    @Id
    public String code;

    @Column(nullable = false)
    public String name;

    /** The administrative division the department belongs to (2, 4, 6, 9 or 12 digits). */
    @Column(name = "locality_code", nullable = false)
    public String localityCode;

    /** Where the department receives case notices. */
    @Column(nullable = false)
    public String email;

    /** The subject categories the department is competent for (谁主管、谁负责). */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "department_remit", joinColumns = @JoinColumn(name = "department_code"))
    @Column(name = "subject_category")
    public Set<String> remit = new HashSet<>();
}
