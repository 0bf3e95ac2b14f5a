package org.openpetition.supervision;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A supervision order (督办单) a supervisor issued on a case, and the department's answer. */
@Entity
@Table(name = "supervision_order")
public class SupervisionOrder {

    @Id
    public UUID id;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    /** The department the order is addressed to: the case's department when it was issued. */
    @Column(name = "department_code", nullable = false)
    public String departmentCode;

    @Column(name = "issued_by", nullable = false)
    public String issuedBy;

    @Column(name = "issued_at", nullable = false)
    public Instant issuedAt;

    /** Why the supervisor orders it (e.g. the petitioner came again, the reply missed the point). */
    @Column(nullable = false)
    public String reason;

    /** What the department is to do and report. */
    @Column(nullable = false)
    public String demand;

    /** The last day (Beijing time) for the department's answer. */
    @Column(name = "answer_due", nullable = false)
    public LocalDate answerDue;

    public String answer;

    @Column(name = "answered_by")
    public String answeredBy;

    @Column(name = "answered_at")
    public Instant answeredAt;

    /** When the unanswered order was escalated to the department's supervising body. */
    @Column(name = "escalated_at")
    public Instant escalatedAt;
}
