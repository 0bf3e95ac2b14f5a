package org.openpetition.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One message to one recipient on one channel, caused by one event: the aggregate of
 * notification-service, and its delivery log. (event, kind, recipient, channel) is unique, so a
 * redelivered event never produces a second message.
 */
@Entity
@Table(name = "notification")
public class Notification {

    @Id
    public UUID id;

    @Column(name = "event_id", nullable = false)
    public String eventId;

    /** The case; null for a circular. */
    @Column(name = "case_id")
    public UUID caseId;

    @Column(nullable = false)
    public String kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Channel channel;

    /** The address on the channel: an email address, a phone number, or an inbox owner. */
    @Column(nullable = false)
    public String recipient;

    /** Who it is for: user:&lt;subject&gt;, petitioner:&lt;case&gt;/&lt;n&gt;, unit:&lt;code&gt; or leader:&lt;id&gt;. */
    @Column(name = "recipient_key", nullable = false)
    public String recipientKey;

    @Column(nullable = false)
    public String language;

    /** Urgent messages are sent in quiet hours too. */
    @Column(nullable = false)
    public boolean urgent;

    @Column(nullable = false)
    public String subject;

    @Column(nullable = false, columnDefinition = "text")
    public String body;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "last_error", columnDefinition = "text")
    public String lastError;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;

    @Column(name = "sent_at")
    public Instant sentAt;

    /** When the event that caused it happened. */
    @Column(name = "event_time")
    public Instant eventTime;

    /** Is the recipient a petitioner (personal data: the address is masked in the log)? */
    public boolean toPetitioner() {
        return recipientKey.startsWith("petitioner:") || recipientKey.startsWith("user:");
    }

    public enum Status {
        /** Waiting to be sent (or to be retried, or for the end of the quiet hours). */
        QUEUED,
        /** Claimed by a replica that is sending it now. */
        SENDING,
        /** Accepted by the channel (the SMTP server or the SMS gateway took it; the inbox holds it). */
        SENT,
        /** Given up: the attempts ran out or the channel refused it for good; dead-lettered. */
        FAILED,
        /** A crash interrupted the sending: it may or may not have gone out, so it is not resent by itself. */
        UNCERTAIN,
        /** Not sent: the recipient had reached the channel's daily limit (petition.delivery-limits); final. */
        LIMITED
    }
}
