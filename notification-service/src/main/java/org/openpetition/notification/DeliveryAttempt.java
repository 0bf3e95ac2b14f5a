package org.openpetition.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** One attempt to deliver a message: the delivery log's detail. */
@Entity
@Table(name = "delivery_attempt")
public class DeliveryAttempt {

    @EmbeddedId
    public Id id;

    @Column(nullable = false)
    public Instant at;

    /** SENT or FAILED. */
    @Column(nullable = false)
    public String outcome;

    public String error;

    @Embeddable
    public record Id(@Column(name = "notification_id") UUID notificationId, @Column(name = "attempt") int attempt)
            implements Serializable {
    }
}
