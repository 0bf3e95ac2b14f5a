package org.openpetition.contracts.event;

import java.time.Instant;
import java.util.UUID;

/**
 * 诉访分离: the petition belongs to a legal channel (litigation, arbitration, administrative
 * reconsideration) or a court or procuratorate is handling it, so it is not accepted as a petition and
 * no department is assigned. Topic case.diverted.v1, key = caseId. The petitioner must be told the
 * guidance.
 *
 * @param caseId          the case
 * @param trackingCode    the petitioner's tracking code
 * @param localityCode    the division code where the matter arose
 * @param subjectCategory the subject category that placed it in the legal channel, e.g. "ARBITRATION"
 * @param legalChannel    LITIGATION, ARBITRATION, ADMINISTRATIVE_RECONSIDERATION or JUDICIAL_PROCEEDINGS
 * @param guidance        what the petitioner should do, a whole Chinese text (older producers wrote
 *                        "中文 / English" here and no {@code guidanceEn})
 * @param reason          why routing diverted it, a whole Chinese text
 * @param receivedAt      when the petition was received
 * @param divertedAt      when routing decided
 * @param guidanceEn      {@code guidance} as a whole English text; null from older producers
 * @param reasonEn        {@code reason} as a whole English text; null from older producers
 */
public record CaseDivertedV1(
        UUID caseId,
        String trackingCode,
        String localityCode,
        String subjectCategory,
        String legalChannel,
        String guidance,
        String reason,
        Instant receivedAt,
        Instant divertedAt,
        String guidanceEn,
        String reasonEn) {

    /** An event without the English texts (as older producers wrote it). */
    public CaseDivertedV1(UUID caseId, String trackingCode, String localityCode, String subjectCategory,
                          String legalChannel, String guidance, String reason, Instant receivedAt, Instant divertedAt) {
        this(caseId, trackingCode, localityCode, subjectCategory, legalChannel, guidance, reason, receivedAt, divertedAt,
                null, null);
    }
}
