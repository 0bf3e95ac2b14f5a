package org.openpetition.intake;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** The bytes of an attachment, stored in the service's database with the petition (backed up with it). */
@Entity
@Table(name = "attachment_content")
public class AttachmentContent {

    /** The attachment's id. */
    @Id
    public UUID id;

    @Column(nullable = false)
    public byte[] content;
}
