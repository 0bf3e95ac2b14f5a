package org.openpetition.intake.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.openpetition.intake.Attachment;

@ApplicationScoped
public class AttachmentRepository implements PanacheRepositoryBase<Attachment, UUID> {

    public Uni<List<Attachment>> ofPetition(UUID petitionId) {
        return list("petitionId = ?1 order by uploadedAt", petitionId);
    }

    /** How many attachments the petition has. */
    public Uni<Long> countOfPetition(UUID petitionId) {
        return count("petitionId", petitionId);
    }

    public Uni<Attachment> findBySha256(UUID petitionId, String sha256) {
        return find("petitionId = ?1 and sha256 = ?2", petitionId, sha256).firstResult();
    }
}
