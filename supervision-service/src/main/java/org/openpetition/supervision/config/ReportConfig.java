package org.openpetition.supervision.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;

/** Reports (petition.reports.*): the daily report (日报). */
@ConfigMapping(prefix = "petition.reports")
public interface ReportConfig {

    /** When the daily reports of the day before are produced (Quartz-style cron, in the deadline zone). */
    @WithDefault("0 30 0 * * ?")
    String dailyCron();

    /** The localities (division codes) that get a daily report; "-" is the whole country. */
    @WithDefault("-")
    List<String> dailyLocalities();

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
