package org.openpetition.intake.service;

import io.vertx.pgclient.PgException;

/** Recognises a unique-constraint violation (SQLSTATE 23505) however the driver wraps it. */
final class UniqueViolations {

    private UniqueViolations() {
    }

    static boolean isUniqueViolation(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof PgException pg && "23505".equals(pg.getSqlState())) {
                return true;
            }
            if (t instanceof org.hibernate.exception.ConstraintViolationException) {
                return true;
            }
        }
        return false;
    }
}
