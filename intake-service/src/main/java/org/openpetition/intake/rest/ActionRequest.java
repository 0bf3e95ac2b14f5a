package org.openpetition.intake.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.openpetition.contracts.event.PetitionerActionV1;
import org.openpetition.intake.PetitionerAction;
import org.openpetition.intake.service.PetitionerActions;

/** A petitioner's action on their case, as a signed-in petitioner or a clerk sends it. */
@Schema(name = "PetitionerActionRequest")
public record ActionRequest(
        @NotNull PetitionerAction action,
        @Schema(description = "Required with EVALUATE, not allowed otherwise")
        PetitionerActionV1.Evaluation evaluation,
        @Size(max = 2000) @Schema(description = "The petitioner's reason (review request, withdrawal)")
        String reason) {

    PetitionerActions.Request toRequest() {
        return new PetitionerActions.Request(action, evaluation, reason == null || reason.isBlank() ? null : reason.strip());
    }
}
