package org.openpetition.intake;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A registered petition (信访事项): the aggregate of intake-service. Its id is the case id. */
@Entity
@Table(name = "petition")
public class Petition {

    @Id
    public UUID id;

    @Column(name = "tracking_code", nullable = false, unique = true)
    public String trackingCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Channel channel;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PetitionKind kind;

    @Column(name = "subject_category", nullable = false)
    public String subjectCategory;

    @Column(name = "locality_code", nullable = false)
    public String localityCode;

    @Column(name = "address_text")
    public String addressText;

    @Column(nullable = false)
    public String title;

    @Column(nullable = false, columnDefinition = "text")
    public String content;

    @Column(name = "event_date")
    public LocalDate eventDate;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    /** The user who registered it: the petitioner online, or the clerk for a letter, visit or call. */
    @Column(name = "registered_by", nullable = false)
    public String registeredBy;

    @Column(name = "registered_by_role", nullable = false)
    public String registeredByRole;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PetitionStatus status;

    /** For a repeat petition (重复访): the earlier case it is linked to. */
    @Column(name = "repeat_of")
    public UUID repeatOf;

    /** Five or more petitioners (集体访). */
    @Column(nullable = false)
    public boolean collective;

    /** The query secret (查询密码) given with the tracking code, encrypted. */
    @Column(name = "query_secret_encrypted")
    public String querySecretEncrypted;

    /** The query secret in clear, only on a petition being registered now (for its receipt). */
    @Transient
    public String querySecret;

    @OneToMany(mappedBy = "petition", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    public List<Petitioner> petitioners = new ArrayList<>();

    public void addPetitioner(Petitioner petitioner) {
        petitioner.petition = this;
        petitioner.position = petitioners.size();
        petitioners.add(petitioner);
    }
}
