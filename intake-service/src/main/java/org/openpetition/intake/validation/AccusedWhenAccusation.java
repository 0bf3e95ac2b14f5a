package org.openpetition.intake.validation;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An accusation (检举控告) names the unit or official accused, so that routing can keep the case away
 * from them; any other kind of petition names no one. Reported on "accused".
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = AccusedWhenAccusationValidator.class)
public @interface AccusedWhenAccusation {

    String message() default "{petition.accused.required}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
