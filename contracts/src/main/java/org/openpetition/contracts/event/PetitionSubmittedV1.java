package org.openpetition.contracts.event;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A petition was registered (登记) and is waiting to be routed. Topic petition.submitted.v1,
 * key = caseId.
 *
 * <p>Carries no personal data of the petitioner (name, identity number, phone, address): case
 * topics are read by departmental systems, and personal data is shown only to the handler chain
 * through the services' APIs.
 *
 * @param caseId          the case this petition opened; the record key
 * @param trackingCode    the code the petitioner uses to follow the case
 * @param channel         ONLINE, LETTER, VISIT, PHONE, OPEN311 or TRANSFERRED
 * @param kind            SOLUTION_REQUEST, SUGGESTION, ACCUSATION or ENQUIRY
 * @param subjectCategory subject category code from the taxonomy, e.g. "URBAN_HOUSING"
 * @param localityCode    administrative division code where the matter arose (6, 9 or 12 digits)
 * @param title           short title of the matter
 * @param content         the matter as the petitioner described it
 * @param eventDate       when the events happened, if known
 * @param petitionerCount number of petitioners (5 or more: collective petition, 集体访)
 * @param receivedAt      when the petition was received; the limits run from here
 * @param repeatOfCaseId  for a repeat petition (重复访: same petitioner, same matter, while the earlier
 *                        case is open or recent), the earlier case it is linked to; else null. A repeat
 *                        does not open a new case.
 * @param collective      five or more petitioners (集体访)
 * @param accused         for an accusation (检举控告): the unit or official accused, else null. Routing
 *                        sends it to the discipline inspection body, never to the accused unit
 *                        or any unit under it (the directory's supervising chains).
 * @param addressedToLocality the division code of the body the petitioner went to or wrote to (2, 4, 6,
 *                        9 or 12 digits), if known, else null. Routing flags a petition addressed more
 *                        than one level above the competent level as skip-level (越级) and refers it down.
 * @param households      the number of households the matter involves, if known, else null; three or
 *                        more: the case is owned by a leader (领导包案)
 */
public record PetitionSubmittedV1(
        UUID caseId,
        String trackingCode,
        String channel,
        String kind,
        String subjectCategory,
        String localityCode,
        String title,
        String content,
        LocalDate eventDate,
        int petitionerCount,
        Instant receivedAt,
        UUID repeatOfCaseId,
        boolean collective,
        Accused accused,
        String addressedToLocality,
        Integer households) {

    /**
     * The party an accusation is made against. Whistleblower material: never shown to this party.
     *
     * @param unitCode         the accused unit's department code in the directory, if known (e.g. "511703-ZJJ")
     * @param unitName         the accused unit as the petitioner named it
     * @param officialName     the accused official, if named
     * @param officialPosition the official's position, if given
     */
    public record Accused(String unitCode, String unitName, String officialName, String officialPosition) {
    }
}
