package org.openpetition.intake.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.openpetition.intake.AttachmentContent;

@ApplicationScoped
public class AttachmentContentRepository implements PanacheRepositoryBase<AttachmentContent, UUID> {
}
