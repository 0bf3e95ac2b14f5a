package org.openpetition.notification.service;

import org.openpetition.contracts.rules.BeijingTime;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.openpetition.notification.Channel;
import org.openpetition.notification.MessageKind;
import org.openpetition.notification.config.NotifyConfig;

/**
 * Turns a notice for one recipient into its messages, one per channel the recipient has an address
 * for, asked for and did not turn off. The subject is in the recipient's language; the body of an email
 * or inbox message carries the whole text in both languages, the recipient's first; an SMS carries the
 * recipient's language only, and a non-urgent SMS waits for the end of the quiet
 * hours (the recipient's own, else the configured ones). Urgent are the configured kinds and a notice
 * that must go at once (a receipt for what the petitioner just submitted), while its event is recent.
 */
@ApplicationScoped
public class MessageComposer {

    static final String SEPARATOR = "\n\n——\n\n";

    private final NoticeTemplates templates;
    private final NotifyConfig config;
    private final Set<String> urgentKinds;

    public MessageComposer(NoticeTemplates templates, NotifyConfig config) {
        this.templates = templates;
        this.config = config;
        this.urgentKinds = config.urgentKinds().orElse(Set.of());
    }

    public List<NewMessage> compose(Notice notice, Recipient recipient, Preference preference, Instant now) {
        Set<Channel> channels = EnumSet.copyOf(recipient.wanted());
        if (preference != null) {
            channels.retainAll(preference.channels());
        }
        String language = preference != null && preference.language() != null ? preference.language() : recipient.language();
        String other = "en".equals(language) ? "zh" : "en";
        String phone = recipient.phone() != null ? recipient.phone() : preference == null ? null : preference.phone();
        boolean urgent = urgentKinds.contains(notice.kind().name()) || notice.atOnce()
                && (notice.eventTime() == null || !now.isAfter(notice.eventTime().plus(config.selfServiceReceiptWithin())));
        MessageKind kind = notice.kind();
        List<NewMessage> messages = new ArrayList<>(3);
        String subject = null;
        String body = null;
        for (Channel channel : channels) {
            String address = switch (channel) {
                case EMAIL -> recipient.email();
                case SMS -> phone;
                case INBOX -> recipient.inboxOwner();
            };
            if (address == null || address.isBlank()) {
                continue;
            }
            Instant sendAt = now;
            String messageSubject;
            String messageBody;
            if (channel == Channel.SMS) {
                messageSubject = render(notice, "subject", language, recipient);
                messageBody = config.smsSignature() + render(notice, "sms", language, recipient);
                if (!urgent) {
                    LocalTime start = preference != null && preference.quietStart() != null ? preference.quietStart() : config.quietStart();
                    LocalTime end = preference != null && preference.quietEnd() != null ? preference.quietEnd() : config.quietEnd();
                    sendAt = QuietHours.sendAt(now, start, end, BeijingTime.ZONE);
                }
            } else {
                if (subject == null) {
                    subject = render(notice, "subject", language, recipient);
                    body = render(notice, "body", language, recipient) + SEPARATOR + render(notice, "body", other, recipient) + "\n";
                }
                messageSubject = subject;
                messageBody = body;
            }
            messages.add(new NewMessage(UUID.randomUUID(), notice.eventId(), notice.caseId(), kind, channel, recipient.key(),
                    address, messageSubject, messageBody, language, urgent, sendAt, notice.eventTime()));
        }
        return messages;
    }

    private String render(Notice notice, String part, String language, Recipient recipient) {
        return templates.render(notice.kind(), part, language, notice.data(), recipient.name());
    }
}
