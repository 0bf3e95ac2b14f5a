package org.openpetition.intake.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import org.openpetition.intake.PetitionKind;
import org.openpetition.intake.rest.SubmitPetitionRequest;

public class AccusedWhenAccusationValidator implements ConstraintValidator<AccusedWhenAccusation, SubmitPetitionRequest> {

    @Override
    public boolean isValid(SubmitPetitionRequest request, ConstraintValidatorContext context) {
        if (request == null || request.kind() == null) {
            return true;
        }
        boolean accusation = request.kind() == PetitionKind.ACCUSATION;
        if (accusation && (request.accused() == null || !request.accused().namesSomeone())) {
            return violation(context, "{petition.accused.required}");
        }
        if (!accusation && request.accused() != null) {
            return violation(context, "{petition.accused.onlyForAccusation}");
        }
        return true;
    }

    private static boolean violation(ConstraintValidatorContext context, String template) {
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(template).addPropertyNode("accused").addConstraintViolation();
        return false;
    }
}
