package org.openpetition.routing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** 退回: a unit returned a case assigned to it by mistake, with its reason (stored through CaseReturnRepository). */
@Entity
@Table(name = "case_return")
public class CaseReturn {

    @Id
    public UUID id;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    @Column(name = "department_code", nullable = false)
    public String departmentCode;

    @Column(nullable = false, columnDefinition = "text")
    public String reason;

    /** The user who returned it (token subject / username). */
    @Column(name = "returned_by", nullable = false)
    public String returnedBy;

    @Column(name = "returned_at", nullable = false)
    public Instant returnedAt;

    public static CaseReturn of(UUID caseId, String departmentCode, String reason, String returnedBy) {
        CaseReturn r = new CaseReturn();
        r.id = UUID.randomUUID();
        r.caseId = caseId;
        r.departmentCode = departmentCode;
        r.reason = reason;
        r.returnedBy = returnedBy;
        r.returnedAt = Instant.now();
        return r;
    }
}
