package org.openpetition.intake;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.openpetition.contracts.CaseStatus;

/** A registered petition (信访事项): the aggregate of intake-service. Its id is the case id. */
@Entity
@Table(name = "petition")
public class Petition {

    @Id
    public UUID id;

    @Column(name = "tracking_code", nullable = false, unique = true)
    public String trackingCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Channel channel;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PetitionKind kind;

    @Column(name = "subject_category", nullable = false)
    public String subjectCategory;

    @Column(name = "locality_code", nullable = false)
    public String localityCode;

    @Column(name = "address_text")
    public String addressText;

    @Column(nullable = false)
    public String title;

    @Column(nullable = false, columnDefinition = "text")
    public String content;

    @Column(name = "event_date")
    public LocalDate eventDate;

    /** The division code of the body the petition was addressed or brought to (越级 is judged on it), or null. */
    @Column(name = "addressed_to_locality")
    public String addressedToLocality;

    /** Households the matter concerns, if the petitioner said (three or more: 领导包案). */
    public Integer households;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    /** The user who registered it: the petitioner online, or the clerk for a letter, visit or call. */
    @Column(name = "registered_by", nullable = false)
    public String registeredBy;

    @Column(name = "registered_by_role", nullable = false)
    public String registeredByRole;

    /** Where the case stands, in the platform's one vocabulary. */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CaseStatus status;

    /** For a repeat petition (重复访): the earlier case it is linked to. */
    @Column(name = "repeat_of")
    public UUID repeatOf;

    /** Five or more petitioners (集体访). */
    @Column(nullable = false)
    public boolean collective;

    /** For an accusation (检举控告): the accused unit's department code, if the directory knows it. */
    @Column(name = "accused_unit_code")
    public String accusedUnitCode;

    @Column(name = "accused_unit_name")
    public String accusedUnitName;

    @Column(name = "accused_official_name")
    public String accusedOfficialName;

    @Column(name = "accused_official_position")
    public String accusedOfficialPosition;

    /** The department the case is assigned to (case.assigned.v1): the head of its handler chain. */
    @Column(name = "assigned_department_code")
    public String assignedDepartmentCode;

    /** The competent locality routing chose (from case.assigned.v1), or null before assignment. */
    @Column(name = "competent_locality")
    public String competentLocality;

    /** 包案领导: the leader owning the case (from case.assigned.v1), or null. */
    @Column(name = "owning_leader_id")
    public String owningLeaderId;

    /** The supervising body (上级主管单位) of the assigned unit (from case.assigned.v1), or null. */
    @Column(name = "supervising_body")
    public String supervisingBody;

    /** The area (division code prefix) of the clerk who registered a letter, visit or call; null online. */
    @Column(name = "registering_locality")
    public String registeringLocality;

    @Column(name = "assigned_department_name")
    public String assignedDepartmentName;

    /** When the written reply was given (答复): the evaluation and review windows run from here. */
    @Column(name = "replied_at")
    public Instant repliedAt;

    /** When the review opinion was given (复查意见): the re-review window runs from here. */
    @Column(name = "reviewed_at")
    public Instant reviewedAt;

    /** When the case closed (replied, not accepted, withdrawn or final); null while it is open. */
    @Column(name = "closed_at")
    public Instant closedAt;

    /** The petitioner's evaluation of the reply: SATISFIED, BASICALLY_SATISFIED or DISSATISFIED. */
    public String evaluation;

    @Column(name = "evaluated_at")
    public Instant evaluatedAt;

    @Column(name = "review_requested_at")
    public Instant reviewRequestedAt;

    @Column(name = "re_review_requested_at")
    public Instant reReviewRequestedAt;

    /** The query secret (查询密码) given with the tracking code, encrypted. */
    @Column(name = "query_secret_encrypted")
    public String querySecretEncrypted;

    /** The query secret in clear, only on a petition being registered now (for its receipt). */
    @Transient
    public String querySecret;

    @OneToMany(mappedBy = "petition", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    public List<Petitioner> petitioners = new ArrayList<>();

    public boolean isAccusation() {
        return kind == PetitionKind.ACCUSATION;
    }

    /** Final (终结) or withdrawn: nothing more can happen. */
    public boolean isTerminal() {
        return status == CaseStatus.FINAL || status == CaseStatus.WITHDRAWN;
    }

    public void addPetitioner(Petitioner petitioner) {
        petitioner.petition = this;
        petitioner.position = petitioners.size();
        petitioners.add(petitioner);
    }
}
