package org.openpetition.supervision;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** An alert issued on a limit (预警、超期、督办单、升级); at most one per case, limit, due day and alert. */
@Entity
@Table(name = "deadline_alert")
public class DeadlineAlert {

    @Id
    public UUID id;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    @Column(name = "due_kind", nullable = false)
    public String dueKind;

    @Column(nullable = false)
    public LocalDate due;

    @Column(nullable = false)
    public String alert;

    /** The day the alert fell due (the sweep may have run later). */
    @Column(name = "alert_day", nullable = false)
    public LocalDate alertDay;

    @Column(name = "department_code", nullable = false)
    public String departmentCode;

    @Column(nullable = false)
    public Instant at;
}
