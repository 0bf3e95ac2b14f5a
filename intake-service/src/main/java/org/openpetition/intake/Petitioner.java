package org.openpetition.intake;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.util.UUID;

/** One petitioner (信访人) of a petition. Personal data: never logged, never put on a topic. */
@Entity
@Table(name = "petitioner")
public class Petitioner {

    @Id
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "petition_id")
    public Petition petition;

    @Column(nullable = false)
    public int position;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PetitionerType type;

    @Column(nullable = false)
    public String name;

    /** The identity number as entered; never stored in clear (see PersonalDataProtection). */
    @Transient
    public String idNumber;

    /** AES-GCM ciphertext of the identity number, Base64. */
    @Column(name = "id_number_encrypted")
    public String idNumberEncrypted;

    /** Keyed hash (HMAC-SHA256) of the identity number, for finding the same petitioner again. */
    @Column(name = "id_number_hash")
    public String idNumberHash;

    /** The masked identity number every API response shows, e.g. 5117**********1238. */
    @Column(name = "id_number_masked")
    public String idNumberMasked;

    public String phone;

    public String address;

    /** Where notices of the case may be sent; shown masked outside the handler chain, like the phone. */
    public String email;

    /** One of the (at most five) representatives of a visit. */
    @Column(nullable = false)
    public boolean representative;

    /** The phone without separators, for matching; null if none. */
    public String normalizedPhone() {
        return phone == null ? null : phone.replace("-", "");
    }

    @Override
    public String toString() {
        return "Petitioner[" + id + "]";
    }
}
