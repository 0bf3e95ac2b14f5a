package org.openpetition.intake.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What a petitioner enters to follow a case: the tracking code and the query secret of the receipt. */
public record TrackingQuery(@NotBlank @Size(max = 40) String trackingCode, @NotBlank @Size(max = 40) String querySecret) {
}
