package org.openpetition.intake;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One read of a petitioner's personal data in clear: who read what of which case, when (never the data). */
@Entity
@Table(name = "personal_data_read")
public class PersonalDataRead {

    /** What was read. */
    public static final String PETITION = "PETITION";
    public static final String ATTACHMENT = "ATTACHMENT";

    @Id
    public UUID id;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    /** The user name of the reader. */
    @Column(name = "read_by", nullable = false)
    public String readBy;

    /** The reader's platform roles, comma-separated. */
    @Column(nullable = false)
    public String roles;

    @Column(nullable = false)
    public String what;

    @Column(nullable = false)
    public Instant at;

    public static PersonalDataRead of(UUID caseId, String readBy, String roles, String what) {
        PersonalDataRead r = new PersonalDataRead();
        r.id = UUID.randomUUID();
        r.caseId = caseId;
        r.readBy = readBy;
        r.roles = roles;
        r.what = what;
        r.at = Instant.now();
        return r;
    }
}
