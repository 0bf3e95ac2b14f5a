package org.openpetition.platform.problem;

import java.util.List;

/** A request that passed the declared constraints but breaks a rule of the service: 400, fields named. */
public class FieldException extends RuntimeException {

    private final List<Problem.FieldError> errors;

    public FieldException(List<Problem.FieldError> errors) {
        super(errors.size() + " 项不符合要求 / field(s) are not valid");
        this.errors = List.copyOf(errors);
    }

    /** One field and why it is not valid. */
    public static FieldException of(String field, String reason) {
        return new FieldException(List.of(new Problem.FieldError(field, reason)));
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
