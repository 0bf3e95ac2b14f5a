package org.openpetition.intake.rest;

import static org.openpetition.platform.security.Roles.ADMIN;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.openpetition.intake.service.KeyRotation;

/** Operations on the personal-data keys: the re-encryption run of a key rotation. */
@Path("/api/admin/personal-data")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Administration", description = "Personal-data key rotation")
@SecurityRequirement(name = "bearer")
public class PersonalDataAdminResource {

    private final KeyRotation rotation;

    public PersonalDataAdminResource(KeyRotation rotation) {
        this.rotation = rotation;
    }

    @POST
    @Path("re-encryption")
    @RolesAllowed(ADMIN)
    @Operation(summary = "Re-encrypts every identity number and query secret not yet under the current key",
            description = "Step two of a key rotation (docs/kubernetes.md): the new key is petition.personal-data.encryption-key"
                    + " under a new encryption-key-id, the old one is in retired-encryption-keys. Rewrites in batches, each"
                    + " its own transaction, computing identity numbers' matching hashes again with the current matching key;"
                    + " answers with the counts once none is left. Safe to repeat. Afterwards the retired key can go.")
    public Uni<KeyRotation.Outcome> reEncrypt() {
        return rotation.reEncryptAll();
    }
}
