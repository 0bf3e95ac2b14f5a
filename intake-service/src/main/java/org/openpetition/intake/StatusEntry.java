package org.openpetition.intake;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One step of a petition's status timeline, as the petitioner may see it: no personal data. */
@Entity
@Table(name = "petition_status")
public class StatusEntry {

    @Id
    public UUID id;

    @Column(name = "petition_id", nullable = false)
    public UUID petitionId;

    @Column(nullable = false)
    public Instant at;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PetitionStatus status;

    /** The body concerned, e.g. the department the case was assigned to. */
    @Column(name = "body_name")
    public String bodyName;

    /** What the petitioner may read with the step: the reason for non-acceptance or an extension, an evaluation. */
    public String note;

    public static StatusEntry of(UUID petitionId, Instant at, PetitionStatus status, String bodyName) {
        return of(petitionId, at, status, bodyName, null);
    }

    public static StatusEntry of(UUID petitionId, Instant at, PetitionStatus status, String bodyName, String note) {
        StatusEntry entry = new StatusEntry();
        entry.id = UUID.randomUUID();
        entry.petitionId = petitionId;
        entry.at = at;
        entry.status = status;
        entry.bodyName = bodyName;
        entry.note = note;
        return entry;
    }
}
