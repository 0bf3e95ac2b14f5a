package org.openpetition.supervision;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One step of a case as it happened: the audit trail (who, what, when, why). */
@Entity
@Table(name = "case_step")
public class CaseStep {

    @Id
    public UUID id;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    /** A case.lifecycle.v1 step name, e.g. ACCEPTED. */
    @Column(nullable = false)
    public String step;

    @Column(nullable = false)
    public Instant at;

    /** The user or system that took the step (a handler, a supervisor, "petitioner"). */
    @Column(nullable = false)
    public String actor;

    @Column(name = "department_code")
    public String departmentCode;

    public String reason;

    /** The written reply or opinion. */
    public String text;
}
