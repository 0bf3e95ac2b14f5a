package org.openpetition.intake.service;

import java.util.List;
import java.util.regex.Pattern;
import org.openpetition.contracts.event.PetitionerContactV1;
import org.openpetition.intake.Petition;
import org.openpetition.intake.Petitioner;

/**
 * Builds petitioner.contact.v1 for a petition being registered: who is told about the case (the first
 * petitioner, or a collective petition's representatives, at most five; without marked representatives,
 * its first five petitioners), how to reach them and how they want to be told. Personal data: the
 * event goes only to notification-service and is never logged.
 */
public final class PetitionerContacts {

    /** Most people told about one petition: a collective petition's representatives (docs/domain.md). */
    static final int MAX_CONTACTS = 5;
    private static final Pattern MOBILE = Pattern.compile("1\\d{10}");

    private PetitionerContacts() {
    }

    /** Call after the petition was prepared (ids, tracking code, query secret, receipt, collective set). */
    public static PetitionerContactV1 of(Petition petition, ContactPreferences preferences) {
        return new PetitionerContactV1(petition.id, petition.trackingCode, petition.querySecret, petition.channel.name(),
                petition.receivedAt, preferences.language(), preferences.userId(), preferences.notifyBy(),
                told(petition).stream().map(PetitionerContacts::contact).toList());
    }

    static List<Petitioner> told(Petition petition) {
        if (!petition.collective) {
            return petition.petitioners.subList(0, 1);
        }
        List<Petitioner> representatives = petition.petitioners.stream().filter(p -> p.representative)
                .limit(MAX_CONTACTS).toList();
        return representatives.isEmpty() ? petition.petitioners.stream().limit(MAX_CONTACTS).toList() : representatives;
    }

    private static PetitionerContactV1.Contact contact(Petitioner petitioner) {
        return new PetitionerContactV1.Contact(petitioner.name, mobile(petitioner.normalizedPhone()), petitioner.email);
    }

    /** The contract carries a mainland mobile number (digits only), which can take a text message; not a landline. */
    static String mobile(String digits) {
        return digits != null && MOBILE.matcher(digits).matches() ? digits : null;
    }
}
