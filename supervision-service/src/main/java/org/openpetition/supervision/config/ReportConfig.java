package org.openpetition.supervision.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reports (petition.reports.*): the daily report (日报). */
@ConfigMapping(prefix = "petition.reports")
public interface ReportConfig {

    /** When the daily reports of the day before are produced (Quartz-style cron, in the deadline zone). */
    @WithDefault("0 30 0 * * ?")
    String dailyCron();

    /** The localities (division codes) that get a daily report; "-" is the whole country. */
    @WithDefault("-")
    List<String> dailyLocalities();

    /**
     * Who receives each locality's daily report, by locality as written in daily-localities ("-" for the
     * whole country): usually the petition office of that level (信访局), e.g.
     * {@code petition.reports.daily-recipients."5117".code=5117-XFJ}, {@code .name=达州市信访局},
     * {@code .email=...}. A report without recipients is still produced and published (supervision.daily-report.v1).
     */
    Map<String, Recipient> dailyRecipients();

    /** A unit that receives a daily report. */
    interface Recipient {

        /** The unit's code in the directory, e.g. 5117-XFJ. */
        String code();

        /** The unit's name, as the report is addressed. */
        String name();

        /** Where the unit receives email; without it the report reaches the unit's inbox only. */
        Optional<String> email();
    }

    /** False to produce no daily report in this process on schedule (they are still produced on request). */
    @WithDefault("true")
    boolean dailyEnabled();

    /** False to run no indicator roll-up in this process on schedule. */
    @WithDefault("true")
    boolean rollupEnabled();

    /** Days rolled up by the first roll-up (the longest period a report compares: two years). */
    @WithDefault("740")
    int rollupInitialDays();

    /** Days rolled up again each night: a figure can still change within them. */
    @WithDefault("35")
    int rollupRedoDays();
}
