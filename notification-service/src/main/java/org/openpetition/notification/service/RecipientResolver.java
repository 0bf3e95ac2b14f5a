package org.openpetition.notification.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.openpetition.contracts.event.PetitionerContactV1;
import org.openpetition.contracts.event.UnitContact;
import org.openpetition.notification.Channel;

/**
 * Resolves a notice's audience to recipients, from the event itself and what the case's earlier events
 * said (its assignment: department, supervising body, owning leader from routing's directory; its
 * petitioners' contacts from intake). Nothing is hard-coded. An empty result means the source of the
 * recipients has not arrived yet: the notice waits for it.
 */
@ApplicationScoped
public class RecipientResolver {

    private static final Set<Channel> ALL = EnumSet.allOf(Channel.class);

    public Optional<List<Recipient>> resolve(Notice notice, CaseRecipients known) {
        return switch (notice.kind().audience()) {
            case PETITIONER -> petitioners(notice, known);
            case DEPARTMENT -> department(notice, known);
            case SUPERVISING_BODY -> assignment(known).map(a -> a.supervisingBody() == null ? List.of() : List.of(unit(a.supervisingBody())));
            case OWNING_LEADER -> assignment(known).map(a -> a.leader() == null ? List.of()
                    : List.of(new Recipient("leader:" + a.leader().id(), a.leader().name(), "zh", a.leader().email(), null,
                    "leader:" + a.leader().id(), ALL)));
            case NAMED_UNITS -> Optional.of(named(notice.addressees()));
        };
    }

    private Optional<List<Recipient>> petitioners(Notice notice, CaseRecipients known) {
        if (known == null || known.petitioners() == null) {
            return Optional.empty();
        }
        CaseRecipients.Petitioners p = known.petitioners();
        Set<Channel> wanted = wanted(p.notifyBy());
        List<Recipient> recipients = new ArrayList<>();
        List<PetitionerContactV1.Contact> contacts = p.contacts() == null ? List.of() : p.contacts();
        for (int i = 0; i < contacts.size(); i++) {
            PetitionerContactV1.Contact c = contacts.get(i);
            boolean account = i == 0 && p.userId() != null;
            String key = account ? "user:" + p.userId() : "petitioner:" + notice.caseId() + "/" + i;
            recipients.add(new Recipient(key, c.name(), p.language() == null ? "zh" : p.language(), c.email(), c.phone(),
                    account ? key : null, wanted));
        }
        if (contacts.isEmpty() && p.userId() != null) {
            recipients.add(new Recipient("user:" + p.userId(), null, p.language() == null ? "zh" : p.language(), null, null,
                    "user:" + p.userId(), wanted));
        }
        return Optional.of(recipients);
    }

    /** The department the event names; its email from the event or else from the case's assignment. */
    private Optional<List<Recipient>> department(Notice notice, CaseRecipients known) {
        UnitContact named = notice.department();
        if (named.email() != null) {
            return Optional.of(List.of(unit(named)));
        }
        Optional<CaseRecipients.Assignment> assignment = assignment(known);
        if (assignment.isEmpty()) {
            return Optional.empty();
        }
        UnitContact assigned = assignment.get().department();
        String email = assigned != null && named.code().equals(assigned.code()) ? assigned.email() : null;
        return Optional.of(List.of(unit(new UnitContact(named.code(), named.name(), email))));
    }

    private static Optional<CaseRecipients.Assignment> assignment(CaseRecipients known) {
        return known == null || known.assignment() == null ? Optional.empty() : Optional.of(known.assignment());
    }

    /** Each named unit once (a unit may be named twice: listed in a circular and a supervising body there too). */
    private static List<Recipient> named(List<UnitContact> addressees) {
        Map<String, Recipient> units = new LinkedHashMap<>();
        for (UnitContact unit : addressees == null ? List.<UnitContact>of() : addressees) {
            units.putIfAbsent(unit.code(), unit(unit));
        }
        return List.copyOf(units.values());
    }

    static Recipient unit(UnitContact unit) {
        return new Recipient("unit:" + unit.code(), unit.name(), "zh", unit.email(), null, "unit:" + unit.code(), ALL);
    }

    private static Set<Channel> wanted(List<String> notifyBy) {
        if (notifyBy == null || notifyBy.isEmpty()) {
            return ALL;
        }
        Set<Channel> channels = EnumSet.noneOf(Channel.class);
        for (String channel : notifyBy) {
            try {
                channels.add(Channel.valueOf(channel));
            } catch (IllegalArgumentException unknown) {
                // a channel this version does not know: ignored
            }
        }
        return channels.isEmpty() ? ALL : channels;
    }
}
