package org.openpetition.supervision.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The circular of overdue units (petition.circular.*), issued as supervision.circular.v1 on a schedule for
 * the localities of the daily reports ({@code petition.reports.daily-localities}).
 */
@ConfigMapping(prefix = "petition.circular")
public interface CircularConfig {

    /** When the circular of the previous days is issued (Quartz-style cron, in the deadline zone): Mondays 08:00. */
    @WithDefault("0 0 8 ? * MON")
    String cron();

    /** The days a scheduled circular covers, ending the day before it is issued. */
    @WithDefault("7")
    int periodDays();

    /** False to issue no circular in this process on schedule (they can still be issued through the API). */
    @WithDefault("true")
    boolean enabled();
}
