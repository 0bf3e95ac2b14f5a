package org.openpetition.intake.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import org.openpetition.contracts.taxonomy.SubjectCategories;

public class KnownSubjectCategoryValidator implements ConstraintValidator<KnownSubjectCategory, String> {

    @Override
    public boolean isValid(String code, ConstraintValidatorContext context) {
        return code == null || code.isBlank() || SubjectCategories.shipped().isActive(code); // blank: @NotBlank reports it
    }
}
