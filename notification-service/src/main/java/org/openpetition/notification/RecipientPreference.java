package org.openpetition.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalTime;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A recipient's choices: channels, language, quiet hours, and (units, leaders) a mobile number for SMS. */
@Entity
@Table(name = "recipient_preference")
public class RecipientPreference {

    @Id
    @Column(name = "recipient_key")
    public String recipientKey;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public String[] channels;

    @Column(nullable = false)
    public String language;

    @Column(name = "quiet_start")
    public LocalTime quietStart;

    @Column(name = "quiet_end")
    public LocalTime quietEnd;

    public String phone;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;
}
