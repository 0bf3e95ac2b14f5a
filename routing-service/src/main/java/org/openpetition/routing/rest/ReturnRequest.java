package org.openpetition.routing.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** 退回: why the case is not the unit's to handle. */
public record ReturnRequest(
        @NotBlank(message = "必须说明退回理由 / a reason is required") @Size(max = 2000) String reason) {
}
