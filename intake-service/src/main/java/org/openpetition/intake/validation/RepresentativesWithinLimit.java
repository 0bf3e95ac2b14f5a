package org.openpetition.intake.validation;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A visit (来访) is made by at most five representatives (信访工作条例). Reported on "petitioners". */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = RepresentativesWithinLimitValidator.class)
public @interface RepresentativesWithinLimit {

    int max() default 5;

    String message() default "{petition.representatives.tooMany}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
