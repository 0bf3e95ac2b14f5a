package org.openpetition.supervision.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The bodies of the case actions. */
public final class CaseActionRequests {

    private CaseActionRequests() {
    }

    /** Not accepting a case: the reason the petitioner is told (and, for a legal matter, the channel to use). */
    @Schema(name = "NotAcceptRequest")
    public record NotAccept(@NotBlank @Size(max = 2000) String reason) {
    }

    /** 延期: once, at most 30 days by default, with the reason the petitioner is told. */
    @Schema(name = "ExtensionRequest")
    public record Extension(@NotNull Integer days, @NotBlank @Size(max = 2000) String reason) {
    }

    /** 答复意见书, 复查意见 or 复核意见: the written text. */
    @Schema(name = "WrittenTextRequest")
    public record Written(@NotBlank @Size(min = 10, max = 50000) String text) {
    }
}
