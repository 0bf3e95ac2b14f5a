package org.openpetition.intake.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.openpetition.intake.Channel;
import org.openpetition.intake.PetitionKind;

/** A petition as submitted online by the petitioner or registered by a clerk. */
@Schema(name = "SubmitPetition", description = "A new petition (信访事项)")
public record SubmitPetitionRequest(
        @Schema(description = "How it arrived; a petitioner's own submission is always ONLINE")
        Channel channel,
        @NotNull
        PetitionKind kind,
        @NotBlank
        @Pattern(regexp = "[A-Z][A-Z_]{1,39}", message = "must be a subject category code such as URBAN_HOUSING")
        @Schema(example = "URBAN_HOUSING")
        String subjectCategory,
        @NotBlank
        @Pattern(regexp = "\\d{6}(\\d{3}(\\d{3})?)?", message = "must be an administrative division code of 6, 9 or 12 digits")
        @Schema(description = "行政区划代码 where the matter arose", example = "511703")
        String localityCode,
        @Size(max = 500)
        String addressText,
        @NotBlank
        @Size(max = 200)
        String title,
        @NotBlank
        @Size(min = 10, max = 20000)
        String content,
        @PastOrPresent
        LocalDate eventDate,
        @NotEmpty
        @Size(max = 1000)
        List<@NotNull @Valid PetitionerInput> petitioners) {

    /** One petitioner. */
    @Schema(name = "Petitioner")
    public record PetitionerInput(
            @NotBlank @Size(max = 100) String name,
            @Pattern(regexp = "1\\d{10}|0\\d{2,3}-?\\d{7,8}", message = "must be a mobile number (11 digits) or a landline with area code")
            String phone,
            @Size(max = 500) String address) {
    }
}
