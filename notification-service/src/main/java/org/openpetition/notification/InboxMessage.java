package org.openpetition.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A message in the in-app inbox of a user (user:&lt;subject&gt;), a unit (unit:&lt;code&gt;) or a leader (leader:&lt;id&gt;). */
@Entity
@Table(name = "inbox_message")
public class InboxMessage {

    @Id
    public UUID id;

    @Column(name = "notification_id", nullable = false)
    public UUID notificationId;

    @Column(nullable = false)
    public String owner;

    @Column(name = "case_id")
    public UUID caseId;

    @Column(nullable = false)
    public String kind;

    @Column(nullable = false)
    public String subject;

    @Column(nullable = false, columnDefinition = "text")
    public String body;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "read_at")
    public Instant readAt;
}
