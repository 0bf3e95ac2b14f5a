package org.openpetition.intake.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Set;

/** Limits on attachments. The HTTP body limit (quarkus.http.limits.max-body-size) must allow max-bytes. */
@ConfigMapping(prefix = "petition.attachments")
public interface AttachmentConfig {

    /** Largest file, in bytes (default 20 MiB). */
    @WithDefault("20971520")
    long maxBytes();

    /** Most files per petition. */
    @WithDefault("10")
    int maxPerPetition();

    /** Media types accepted; the content must match the type. */
    @WithDefault("application/pdf,image/jpeg,image/png,audio/mpeg,video/mp4,text/plain,"
            + "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
    Set<String> mediaTypes();
}
