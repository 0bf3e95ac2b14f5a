package org.openpetition.intake.validation;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** An active code of the shared subject category taxonomy (contracts: taxonomy/subject-categories.csv). */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = KnownSubjectCategoryValidator.class)
public @interface KnownSubjectCategory {

    String message() default "{petition.subjectCategory.unknown}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
