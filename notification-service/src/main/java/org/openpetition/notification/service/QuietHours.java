package org.openpetition.notification.service;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Quiet hours for SMS (no non-urgent text at night): a message due inside them is sent when they end.
 * The hours may span midnight (21:00 to 08:00) or not (12:00 to 14:00); equal start and end mean none.
 */
public final class QuietHours {

    private QuietHours() {
    }

    /** When a message that is due {@code now} may be sent. */
    public static Instant sendAt(Instant now, LocalTime start, LocalTime end, ZoneId zone) {
        if (start == null || end == null || start.equals(end)) {
            return now;
        }
        ZonedDateTime local = now.atZone(zone);
        LocalTime t = local.toLocalTime();
        boolean spansMidnight = start.isAfter(end);
        boolean quiet = spansMidnight ? !t.isBefore(start) || t.isBefore(end) : !t.isBefore(start) && t.isBefore(end);
        if (!quiet) {
            return now;
        }
        LocalDateTime endToday = LocalDateTime.of(local.toLocalDate(), end);
        LocalDateTime until = spansMidnight && !t.isBefore(start) ? endToday.plusDays(1) : endToday;
        return until.atZone(zone).toInstant();
    }
}
