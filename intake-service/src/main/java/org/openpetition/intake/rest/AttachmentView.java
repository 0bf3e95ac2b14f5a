package org.openpetition.intake.rest;

import java.time.Instant;
import java.util.UUID;
import org.openpetition.intake.Attachment;

/** An attachment's metadata. */
public record AttachmentView(UUID attachmentId, String fileName, String mediaType, long sizeBytes, String sha256,
                             Instant uploadedAt) {

    static AttachmentView of(Attachment a) {
        return new AttachmentView(a.id, a.fileName, a.mediaType, a.sizeBytes, a.sha256, a.uploadedAt);
    }
}
