package org.openpetition.routing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Who must handle a case and why: the aggregate of routing-service. */
@Entity
@Table(name = "routing_decision")
public class RoutingDecision {

    @Id
    @Column(name = "case_id")
    public UUID caseId;

    @Column(name = "tracking_code", nullable = false)
    public String trackingCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Outcome outcome;

    @Column(name = "department_code")
    public String departmentCode;

    /** The petition's own locality. */
    @Column(name = "petition_locality_code", nullable = false)
    public String petitionLocalityCode;

    /** The competent locality: the petition's or an ancestor, where the department sits. */
    @Column(name = "competent_locality_code")
    public String competentLocalityCode;

    @Column(name = "subject_category", nullable = false)
    public String subjectCategory;

    /** Why, in words a person can read. */
    @Column(nullable = false, columnDefinition = "text")
    public String reason;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @Column(name = "decided_at", nullable = false)
    public Instant decidedAt;

    /** For a repeat petition: the earlier case. */
    @Column(name = "repeat_of_case_id")
    public UUID repeatOfCaseId;

    public enum Outcome {
        /** Assigned to a department (转送/交办). */
        ASSIGNED,
        /** No rule could decide: waits in the dispatcher's queue. */
        DISPATCHER_QUEUE,
        /** A repeat petition (重复访): linked to the earlier case, which keeps its department. */
        LINKED_TO_EARLIER_CASE
    }
}
