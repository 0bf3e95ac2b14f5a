package org.openpetition.supervision;

import java.time.LocalDate;

/**
 * Where the running limit of a case stands on a day (Beijing time): OVERDUE after its due day, WARNING from
 * {@code petition.supervision.warning-lead-days} before it up to the due day (the alert ladder's warning),
 * NORMAL before that. A case with no running limit has no state.
 */
public enum DueState {
    NORMAL, WARNING, OVERDUE;

    /** The state of a limit due on {@code due}, or null when none runs. */
    public static DueState of(LocalDate due, LocalDate today, int warningLeadDays) {
        if (due == null) {
            return null;
        }
        if (due.isBefore(today)) {
            return OVERDUE;
        }
        return due.isAfter(today.plusDays(warningLeadDays)) ? NORMAL : WARNING;
    }
}
