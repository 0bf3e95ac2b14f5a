package org.openpetition.platform.rules;

import java.time.Instant;
import java.time.LocalDate;
import org.openpetition.contracts.rules.BeijingTime;
import org.openpetition.contracts.rules.DayUnit;

/**
 * The time limits and windows of one jurisdiction ({@link TimeLimits#forLocality}).
 *
 * @param acceptanceDays      受理: days to decide acceptance
 * @param handlingDays        办理: days to reply in writing, from acceptance
 * @param maxExtensionDays    延期: the longest single extension
 * @param reviewDays          复查: days for the review opinion
 * @param reReviewDays        复核: days for the re-review opinion
 * @param reviewRequestDays   the petitioner's window to evaluate and request review, after the reply
 * @param reReviewRequestDays the petitioner's window to request re-review, after the review opinion
 * @param dayUnit             how the days of the limits count
 */
public record Limits(int acceptanceDays, int handlingDays, int maxExtensionDays, int reviewDays, int reReviewDays,
                     int reviewRequestDays, int reReviewRequestDays, DayUnit dayUnit) {

    /**
     * The last day of a petitioner's window of {@code days} calendar days opened by a step at {@code from}:
     * counted from the next day (Beijing time); the last day counts whole.
     */
    public static LocalDate lastDayOfWindow(Instant from, int days) {
        return LocalDate.ofInstant(from, BeijingTime.ZONE).plusDays(days);
    }

    /** The last day on which the petitioner may evaluate the reply given at {@code repliedAt} or request review. */
    public LocalDate lastDayToRequestReview(Instant repliedAt) {
        return lastDayOfWindow(repliedAt, reviewRequestDays);
    }

    /** The last day on which the petitioner may request re-review of the opinion given at {@code reviewedAt}. */
    public LocalDate lastDayToRequestReReview(Instant reviewedAt) {
        return lastDayOfWindow(reviewedAt, reReviewRequestDays);
    }
}
