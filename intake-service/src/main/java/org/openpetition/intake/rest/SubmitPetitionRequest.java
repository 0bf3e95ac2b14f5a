package org.openpetition.intake.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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
import org.openpetition.intake.NotifyChannel;
import org.openpetition.intake.PetitionKind;
import org.openpetition.intake.PetitionerType;
import org.openpetition.intake.validation.AccusedWhenAccusation;
import org.openpetition.intake.validation.KnownSubjectCategory;
import org.openpetition.intake.validation.RepresentativesWithinLimit;
import org.openpetition.intake.validation.ValidIdentity;

/** A petition as submitted online by the petitioner or registered by a clerk. */
@Schema(name = "SubmitPetition", description = "A new petition (信访事项)")
@RepresentativesWithinLimit
@AccusedWhenAccusation
public record SubmitPetitionRequest(
        @Schema(description = "How it arrived; a petitioner's own submission is always ONLINE")
        Channel channel,
        @NotNull
        PetitionKind kind,
        @NotBlank
        @KnownSubjectCategory
        @Schema(description = "An active code of the subject category taxonomy (GET /api/subject-categories)",
                example = "URBAN_HOUSING")
        String subjectCategory,
        @NotBlank
        @Pattern(regexp = "\\d{6}(\\d{3}(\\d{3})?)?", message = "{petition.localityCode.format}")
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
        List<@NotNull @Valid PetitionerInput> petitioners,
        @Valid
        @Schema(description = "For kind ACCUSATION (检举控告) only, and then required: the unit or official accused")
        AccusedInput accused,
        @Pattern(regexp = "\\d{2}|\\d{4}|\\d{6}(\\d{3}(\\d{3})?)?",
                message = "须为行政区划代码（2、4、6、9 或 12 位数字）/ must be a division code of 2, 4, 6, 9 or 12 digits")
        @Schema(description = "The division code of the body the petition was addressed or brought to (e.g. 510000: a "
                + "visit to the provincial petition office); routing flags a petition addressed above the competent level "
                + "as skip-level (越级). Leave empty when it came to the competent locality's own office.", example = "510000")
        String addressedToLocality,
        @Min(value = 1, message = "至少为 1 / at least 1")
        @Max(value = 100000, message = "至多为 100000 / at most 100000")
        @Schema(description = "Households the matter concerns; three or more get an owning leader (领导包案)", example = "3")
        Integer households,
        @Pattern(regexp = "zh|en", message = "{petition.language.format}")
        @Schema(description = "The language the petitioner reads first, for the notices they are sent: zh (default) or en",
                enumeration = {"zh", "en"}, defaultValue = "zh", example = "zh")
        String language,
        @Size(max = 3)
        @Schema(description = "How the petitioner wants to be told about the case: SMS (to the phone given), EMAIL (to the "
                + "email given), INBOX (the account of a petitioner submitting online). Empty: every channel with a contact")
        List<@NotNull NotifyChannel> notifyBy) {

    /** The unit or official an accusation is made against: the case never goes to them. */
    @Schema(name = "Accused")
    public record AccusedInput(
            @Pattern(regexp = "\\d{2,12}-[A-Z][A-Z0-9]{1,19}", message = "{petition.accused.unitCode.format}")
            @Schema(description = "The accused unit's department code in the directory, if known", example = "511703-ZJJ")
            String unitCode,
            @Size(max = 200) @Schema(description = "The accused unit as the petitioner names it") String unitName,
            @Size(max = 100) String officialName,
            @Size(max = 100) String officialPosition) {

        public boolean namesSomeone() {
            return notBlank(unitCode) || notBlank(unitName) || notBlank(officialName);
        }

        private static boolean notBlank(String s) {
            return s != null && !s.isBlank();
        }
    }

    /** One petitioner: a person or an organisation. */
    @Schema(name = "Petitioner")
    @ValidIdentity
    public record PetitionerInput(
            @Schema(description = "PERSON (default) or LEGAL_PERSON")
            PetitionerType type,
            @NotBlank @Size(max = 100) String name,
            @Schema(description = "Resident identity card number (GB 11643) of a person, or unified social credit code "
                    + "(GB 32100) of an organisation; stored encrypted, shown masked")
            String idNumber,
            @Pattern(regexp = "1\\d{10}|0\\d{2,3}-?\\d{7,8}", message = "{petition.phone.format}")
            String phone,
            @Size(max = 500) String address,
            @Schema(description = "For a visit: one of the (at most five) representatives; of a collective petition, "
                    + "the representatives are the ones told about the case")
            Boolean representative,
            @Size(max = 254)
            @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+", message = "{petition.email.format}")
            @Schema(description = "Where notices of the case may be sent; shown masked outside the handler chain",
                    example = "zhang.san@example.com")
            String email) {

        public PetitionerType typeOrDefault() {
            return type == null ? PetitionerType.PERSON : type;
        }
    }
}
