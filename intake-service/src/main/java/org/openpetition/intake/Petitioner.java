package org.openpetition.intake;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
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

    @Column(nullable = false)
    public String name;

    public String phone;

    public String address;

    @Override
    public String toString() {
        return "Petitioner[" + id + "]";
    }
}
