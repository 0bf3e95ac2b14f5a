package org.openpetition.supervision;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A case on the clock: the aggregate of supervision-service. */
@Entity
@Table(name = "supervised_case")
public class SupervisedCase {

    @Id
    @Column(name = "case_id")
    public UUID caseId;

    @Column(name = "tracking_code", nullable = false)
    public String trackingCode;

    @Column(name = "department_code", nullable = false)
    public String departmentCode;

    @Column(name = "locality_code", nullable = false)
    public String localityCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CaseStatus status;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @Column(name = "assigned_at", nullable = false)
    public Instant assignedAt;

    /** 受理期限: the last day on which the department must decide acceptance. */
    @Column(name = "acceptance_due", nullable = false)
    public LocalDate acceptanceDue;

    public enum CaseStatus {
        /** Assigned; the department must decide acceptance by {@code acceptanceDue}. */
        AWAITING_ACCEPTANCE
    }
}
