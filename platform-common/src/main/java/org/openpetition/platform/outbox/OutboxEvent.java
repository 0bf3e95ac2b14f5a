package org.openpetition.platform.outbox;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * An event waiting to be published, written in the same transaction as the state change it
 * reports. {@link OutboxRelay} publishes rows in {@code seq} order and stamps {@code publishedAt}.
 */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent extends PanacheEntityBase {

    /** Publication order. */
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long seq;

    /** The CloudEvents id; consumers deduplicate on it. */
    @Column(name = "event_id", nullable = false, unique = true)
    public UUID eventId;

    @Column(nullable = false)
    public String topic;

    /** The record key: the case id. */
    @Column(name = "record_key", nullable = false)
    public String recordKey;

    /** The CloudEvents type, e.g. org.openpetition.petition.submitted.v1. */
    @Column(name = "event_type", nullable = false)
    public String eventType;

    /** The event data as JSON. */
    @Column(nullable = false, columnDefinition = "text")
    public String payload;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(name = "published_at")
    public Instant publishedAt;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "last_error", columnDefinition = "text")
    public String lastError;
}
