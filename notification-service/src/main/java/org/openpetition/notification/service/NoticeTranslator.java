package org.openpetition.notification.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.openpetition.contracts.event.CaseAssignedV1;
import org.openpetition.contracts.event.PetitionerContactV1;

/**
 * What one event means here: the event decoded ({@link EventDecoder}), the notices it owes
 * ({@link NoticeRules}) and what it tells about the case's recipients (an assignment, the petitioners'
 * contacts).
 */
@ApplicationScoped
public class NoticeTranslator {

    private final EventDecoder decoder;
    private final NoticeRules rules;

    public NoticeTranslator(EventDecoder decoder, NoticeRules rules) {
        this.decoder = decoder;
        this.rules = rules;
    }

    public Translation translate(ReceivedEvent e) {
        Object event = decoder.decode(e);
        return new Translation(e, rules.notices(e, event),
                event instanceof CaseAssignedV1 a ? a : null,
                event instanceof PetitionerContactV1 c ? c : null);
    }
}
