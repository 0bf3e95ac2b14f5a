package org.openpetition.intake.validation;

import org.openpetition.contracts.rules.BeijingTime;
import org.openpetition.contracts.rules.IdentityNumbers;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.time.LocalDate;
import org.openpetition.intake.PetitionerType;
import org.openpetition.intake.rest.SubmitPetitionRequest.PetitionerInput;

public class ValidIdentityValidator implements ConstraintValidator<ValidIdentity, PetitionerInput> {


    @Override
    public boolean isValid(PetitionerInput petitioner, ConstraintValidatorContext context) {
        if (petitioner == null || petitioner.idNumber() == null) {
            return true; // optional: an anonymous caller or a letter without one is still registered
        }
        boolean organisation = petitioner.type() == PetitionerType.LEGAL_PERSON;
        boolean valid = organisation ? IdentityNumbers.isUnifiedSocialCreditCode(petitioner.idNumber())
                : IdentityNumbers.isResidentIdNumber(petitioner.idNumber(), LocalDate.now(BeijingTime.ZONE));
        if (!valid) {
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(organisation ? "{petition.creditCode.invalid}"
                            : "{petition.idNumber.invalid}")
                    .addPropertyNode("idNumber")
                    .addConstraintViolation();
        }
        return valid;
    }
}
