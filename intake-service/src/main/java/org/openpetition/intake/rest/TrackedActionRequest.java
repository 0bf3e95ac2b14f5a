package org.openpetition.intake.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.openpetition.contracts.event.PetitionerActionV1;
import org.openpetition.intake.PetitionerAction;
import org.openpetition.intake.service.PetitionerActions;

/** A petitioner's action, proven by the receipt's tracking code and query secret instead of an account. */
@Schema(name = "TrackedActionRequest")
public record TrackedActionRequest(
        @NotBlank @Size(max = 40) String trackingCode,
        @NotBlank @Size(max = 40) String querySecret,
        @NotNull PetitionerAction action,
        @Schema(description = "Required with EVALUATE, not allowed otherwise")
        PetitionerActionV1.Evaluation evaluation,
        @Size(max = 2000) String reason) {

    PetitionerActions.Request toRequest() {
        return new ActionRequest(action, evaluation, reason).toRequest();
    }
}
