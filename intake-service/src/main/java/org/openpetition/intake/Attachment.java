package org.openpetition.intake;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A file attached to a petition (附件): its metadata. The bytes are in {@link AttachmentContent}. */
@Entity
@Table(name = "attachment")
public class Attachment {

    @Id
    public UUID id;

    @Column(name = "petition_id", nullable = false)
    public UUID petitionId;

    @Column(name = "file_name", nullable = false)
    public String fileName;

    /** The media type, checked against the file's content. */
    @Column(name = "media_type", nullable = false)
    public String mediaType;

    @Column(name = "size_bytes", nullable = false)
    public long sizeBytes;

    /** SHA-256 of the content, hex: proves the file is the one received. */
    @Column(nullable = false)
    public String sha256;

    @Column(name = "uploaded_by", nullable = false)
    public String uploadedBy;

    @Column(name = "uploaded_at", nullable = false)
    public Instant uploadedAt;
}
