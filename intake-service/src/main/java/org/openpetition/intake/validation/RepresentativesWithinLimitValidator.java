package org.openpetition.intake.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.Objects;
import org.openpetition.intake.Channel;
import org.openpetition.intake.rest.SubmitPetitionRequest;

public class RepresentativesWithinLimitValidator
        implements ConstraintValidator<RepresentativesWithinLimit, SubmitPetitionRequest> {

    private int max;

    @Override
    public void initialize(RepresentativesWithinLimit constraint) {
        max = constraint.max();
    }

    @Override
    public boolean isValid(SubmitPetitionRequest request, ConstraintValidatorContext context) {
        if (request == null || request.channel() != Channel.VISIT || request.petitioners() == null) {
            return true;
        }
        long representatives = request.petitioners().stream().filter(Objects::nonNull)
                .filter(p -> Boolean.TRUE.equals(p.representative())).count();
        if (representatives <= max) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                .addPropertyNode("petitioners").addConstraintViolation();
        return false;
    }
}
