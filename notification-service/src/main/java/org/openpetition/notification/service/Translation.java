package org.openpetition.notification.service;

import java.util.List;
import org.openpetition.contracts.event.CaseAssignedV1;
import org.openpetition.contracts.event.PetitionerContactV1;

/**
 * What one event means here: the notices it owes, and what it tells about the case's recipients
 * (an assignment or the petitioners' contacts), each possibly null.
 */
public record Translation(ReceivedEvent event, List<Notice> notices, CaseAssignedV1 assigned,
                          PetitionerContactV1 contact) {
}
