package org.openpetition.intake;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.openpetition.contracts.event.PetitionerActionV1;

/** One step of a petition's timeline, as the petitioner may see it: no personal data. */
@Entity
@Table(name = "petition_status")
public class StatusEntry {

    @Id
    public UUID id;

    @Column(name = "petition_id", nullable = false)
    public UUID petitionId;

    @Column(nullable = false)
    public Instant at;

    /** What happened. */
    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false)
    public TimelineStep step;

    /** The body concerned, e.g. the department the case was assigned to. */
    @Column(name = "body_name")
    public String bodyName;

    /**
     * What the petitioner may read with the step, as the body gave it: the reason for non-acceptance or an
     * extension, the guidance of a diversion (Chinese).
     */
    public String note;

    /** {@link #note} as a whole English text, where the body gave one. */
    @Column(name = "note_en")
    public String noteEn;

    /** The petitioner's evaluation, on an EVALUATED step (its label comes from the message bundle). */
    @Enumerated(EnumType.STRING)
    public PetitionerActionV1.Evaluation evaluation;

    public static StatusEntry of(UUID petitionId, Instant at, TimelineStep step, String bodyName) {
        return of(petitionId, at, step, bodyName, null, null);
    }

    public static StatusEntry of(UUID petitionId, Instant at, TimelineStep step, String bodyName, String note, String noteEn) {
        StatusEntry entry = new StatusEntry();
        entry.id = UUID.randomUUID();
        entry.petitionId = petitionId;
        entry.at = at;
        entry.step = step;
        entry.bodyName = bodyName;
        entry.note = note;
        entry.noteEn = noteEn;
        return entry;
    }
}
