package org.openpetition.portal.view;

import io.quarkus.qute.TemplateExtension;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.openpetition.contracts.rules.BeijingTime;

/** How the pages print the services' figures: timestamps in Beijing time to the minute, rates, file sizes. */
@TemplateExtension
public final class Formats {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(BeijingTime.ZONE);

    private Formats() {
    }

    /** A rate (a fraction, 0.975) as a percentage with one decimal (97.5%). */
    static String percent(Object fraction) {
        if (!(fraction instanceof Number number)) {
            return "—";
        }
        return String.format(java.util.Locale.ROOT, "%.1f%%", number.doubleValue() * 100);
    }

    /** A size in bytes as people read it: 830 B, 12.4 KiB, 3.1 MiB. */
    static String fileSize(Object bytes) {
        if (!(bytes instanceof Number number)) {
            return "—";
        }
        double size = number.doubleValue();
        if (size < 1024) {
            return number.longValue() + " B";
        }
        return size < 1024 * 1024 ? String.format(java.util.Locale.ROOT, "%.1f KiB", size / 1024)
                : String.format(java.util.Locale.ROOT, "%.1f MiB", size / (1024 * 1024));
    }

    /** An ISO-8601 instant as the services send it (e.g. 2026-12-07T08:30:00Z), in Beijing time; as given if not one. */
    static String fmtInstant(Object iso) {
        if (iso == null) {
            return "";
        }
        try {
            return MINUTE.format(Instant.parse(iso.toString()));
        } catch (DateTimeParseException e) {
            return iso.toString();
        }
    }
}
