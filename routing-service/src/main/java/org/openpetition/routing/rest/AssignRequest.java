package org.openpetition.routing.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A dispatcher's assignment: reassignment, 交办 with a deadline, or resolving the queue. */
public record AssignRequest(
        @NotBlank(message = "必须填写承办单位 / the unit is required") @Schema(example = "511703-ZJJ") String departmentCode,
        @NotBlank(message = "必须说明理由 / a reason is required") @Size(max = 2000) String reason,
        @Schema(description = "交办: the last day for the acceptance decision; omitted: the jurisdiction's default limit")
        LocalDate acceptanceDue,
        @Schema(description = "包案领导: a leader of the directory; omitted: the case keeps its owning leader, if any")
        String owningLeaderId) {
}
