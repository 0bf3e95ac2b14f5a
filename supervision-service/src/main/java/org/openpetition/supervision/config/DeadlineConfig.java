package org.openpetition.supervision.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.ZoneId;
import org.openpetition.supervision.calendar.DayUnit;

/**
 * Time limits (DOMAIN.md, 信访工作条例). Defaults are the regulation's; a jurisdiction overrides
 * them in its deployment configuration.
 */
@ConfigMapping(prefix = "petition.deadlines")
public interface DeadlineConfig {

    /** 受理: days for the competent body to decide acceptance, from receipt of the assigned matter. */
    @WithDefault("15")
    int acceptanceDays();

    /** How days are counted. */
    @WithDefault("CALENDAR")
    DayUnit dayUnit();

    /** The time zone whose dates count. */
    @WithDefault("Asia/Shanghai")
    ZoneId zone();
}
