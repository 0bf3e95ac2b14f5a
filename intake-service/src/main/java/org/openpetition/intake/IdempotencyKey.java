package org.openpetition.intake;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** The first result of a registration sent with an Idempotency-Key header, per user. */
@Entity
@Table(name = "idempotency_key")
public class IdempotencyKey {

    @EmbeddedId
    public Id id;

    /** SHA-256 of the request body: the same key with another body is refused. */
    @Column(name = "request_hash", nullable = false)
    public String requestHash;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Embeddable
    public record Id(@Column(name = "registered_by") String registeredBy, @Column(name = "key") String key)
            implements Serializable {
    }
}
