package org.openpetition.notification.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.openpetition.contracts.event.CaseAssignedV1;
import org.openpetition.contracts.event.PetitionerContactV1;
import org.openpetition.contracts.event.UnitContact;

/**
 * Who may be told about a case, as the events said: from case.assigned.v1 (the department, its
 * supervising body, the owning leader) and from petitioner.contact.v1 (the petitioners). Either part
 * is null until its event arrived.
 */
public record CaseRecipients(UUID caseId, String trackingCode, Assignment assignment, Petitioners petitioners) {

    /** The latest assignment of the case. */
    public record Assignment(UnitContact department, UnitContact supervisingBody, CaseAssignedV1.OwningLeader leader,
                             Instant assignedAt) {
    }

    /** The petitioners' contacts: personal data. */
    public record Petitioners(List<PetitionerContactV1.Contact> contacts, String userId, String language,
                              List<String> notifyBy) {
    }
}
