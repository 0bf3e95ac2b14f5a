package org.openpetition.routing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
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

    /**
     * Why, as one whole Chinese text: the reasons in the order they were given, joined with ；
     * ({@link org.openpetition.routing.words.Words}).
     */
    @Column(nullable = false, columnDefinition = "text")
    public String reason;

    /**
     * Why, as one whole English text: the same reasons, joined with "; ". Both texts are rendered from the
     * message bundle when the decision is made and stored as read (V8); a decision stored before has none (null).
     */
    @Column(name = "reason_en", columnDefinition = "text")
    public String reasonEn;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @Column(name = "decided_at", nullable = false)
    public Instant decidedAt;

    /** For a repeat petition: the earlier case. */
    @Column(name = "repeat_of_case_id")
    public UUID repeatOfCaseId;

    /** SOLUTION_REQUEST, SUGGESTION, ACCUSATION or ENQUIRY (from the petition). */
    @Column
    public String kind;

    /** For an accusation: the accused unit's code, as found in the directory (by code or name); null if not found. */
    @Column(name = "accused_unit_code")
    public String accusedUnitCode;

    /** For an accusation: the accused official's leader id, as found in the directory; null if not found. */
    @Column(name = "accused_leader_id")
    public String accusedLeaderId;

    /** The division of the body the petitioner addressed, if known. */
    @Column(name = "addressed_to_locality")
    public String addressedToLocality;

    @Column(nullable = false)
    public boolean collective;

    @Column
    public Integer households;

    /** 越级: addressed above the competent level; referred down. */
    @Column(name = "skip_level", nullable = false)
    public boolean skipLevel;

    /** 包案领导: the leader owning the case. */
    @Column(name = "owning_leader_id")
    public String owningLeaderId;

    /** 交办: the dispatcher's deadline for the acceptance decision. */
    @Column(name = "acceptance_due")
    public LocalDate acceptanceDue;

    /** RULES or DISPATCHER. */
    @Column(name = "decided_by", nullable = false)
    public String decidedBy = DECIDED_BY_RULES;

    /** For a diverted petition: the legal channel. */
    @Column(name = "legal_channel")
    public String legalChannel;

    /** 退回: how many times departments returned the case. */
    @Column(name = "return_count", nullable = false)
    public int returnCount;

    @Version
    public int version;

    public static final String DECIDED_BY_RULES = "RULES";
    public static final String DECIDED_BY_DISPATCHER = "DISPATCHER";

    /** Stores why, in both languages. */
    public void explain(org.openpetition.routing.words.Words why) {
        reason = why.zh();
        reasonEn = why.en();
    }

    /** What the rules look at, as stored with the decision. */
    public org.openpetition.routing.service.PetitionFacts facts() {
        return org.openpetition.routing.service.PetitionFacts.of(this);
    }

    public enum Outcome {
        /** Assigned to a department (转送/交办). */
        ASSIGNED,
        /** No rule could decide: waits in the dispatcher's queue. */
        DISPATCHER_QUEUE,
        /** A repeat petition (重复访): linked to the earlier case, which keeps its department. */
        LINKED_TO_EARLIER_CASE,
        /** 诉访分离: a matter for a legal channel; not accepted as a petition, the petitioner is told the channel. */
        DIVERTED
    }
}
