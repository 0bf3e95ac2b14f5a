package org.openpetition.intake.validation;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A petitioner's identity number fits its type: a person's resident identity card number (GB 11643)
 * or an organisation's unified social credit code (GB 32100), check character included. Reported on
 * the field "idNumber".
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ValidIdentityValidator.class)
public @interface ValidIdentity {

    String message() default "{petition.idNumber.invalid}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
