package org.openpetition.routing.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.openpetition.routing.RoutingDecision;
import org.openpetition.routing.words.Words;

/**
 * A routing decision as the API shows it.
 *
 * @param reason    why, one whole Chinese text (the reasons joined with ；)
 * @param reasons   the reasons, each a whole Chinese text
 * @param reasonEn  why, one whole English text; null for a decision made before English texts were stored
 * @param reasonsEn the reasons, each a whole English text; null like {@code reasonEn}
 */
public record AssignmentView(UUID caseId, String trackingCode, String outcome, String departmentCode,
                             String petitionLocalityCode, String competentLocalityCode, String subjectCategory,
                             String reason, UUID repeatOfCaseId, Instant receivedAt, Instant decidedAt,
                             String decidedBy, boolean skipLevel, String owningLeaderId, LocalDate acceptanceDue,
                             String legalChannel, int returnCount, List<String> reasons, String reasonEn,
                             List<String> reasonsEn) {

    static AssignmentView of(RoutingDecision d) {
        return new AssignmentView(d.caseId, d.trackingCode, d.outcome.name(), d.departmentCode, d.petitionLocalityCode,
                d.competentLocalityCode, d.subjectCategory, d.reason, d.repeatOfCaseId, d.receivedAt, d.decidedAt,
                d.decidedBy, d.skipLevel, d.owningLeaderId, d.acceptanceDue, d.legalChannel, d.returnCount,
                Words.zhReasons(d.reason), d.reasonEn, Words.enReasons(d.reasonEn));
    }
}
