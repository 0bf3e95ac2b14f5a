package org.openpetition.contracts.event;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * How to reach the petitioners of a newly registered petition, for the notices they are owed
 * (登记回执、受理告知、答复……). Topic petitioner.contact.v1, key = caseId. Producer: intake-service, in
 * the registration's transaction, right after petition.submitted.v1. <b>Personal data</b>: only
 * notification-service may read this topic (the Kafka ACLs enforce it); it is never logged.
 *
 * @param caseId       the case
 * @param trackingCode the tracking code (查询码)
 * @param querySecret  the query secret (查询密码) that goes with it, for the registration receipt; the
 *                     petitioner needs both to follow the case
 * @param channel      how the petition came in (ONLINE, LETTER, VISIT, PHONE, OPEN311, TRANSFERRED)
 * @param receivedAt   receipt
 * @param language     the language the petitioner reads first: "zh" (default) or "en"
 * @param userId       the petitioner's account (the token's subject) when they submitted online
 *                     themselves, else null: their in-app inbox
 * @param notifyBy     the channels the petitioner asked for (SMS, EMAIL, INBOX); null or empty: every
 *                     channel for which a contact is given
 * @param contacts     who is told: the first petitioner, or a collective petition's representatives
 *                     (at most five); each with the phone and/or email they gave
 */
public record PetitionerContactV1(
        UUID caseId,
        String trackingCode,
        String querySecret,
        String channel,
        Instant receivedAt,
        String language,
        String userId,
        List<String> notifyBy,
        List<Contact> contacts) {

    /**
     * One person to tell.
     *
     * @param name  how to address them (a person's or an organisation's name)
     * @param phone a mainland mobile number, digits only, or null
     * @param email an email address, or null
     */
    public record Contact(String name, String phone, String email) {
    }
}
