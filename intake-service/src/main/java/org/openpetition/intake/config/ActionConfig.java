package org.openpetition.intake.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.ZoneId;

/**
 * The petitioner's windows after a reply (DOMAIN.md), in calendar days counted from the day after the
 * step they follow; the last day counts whole.
 * Per jurisdiction, like every limit: set them through the environment of the deployment.
 */
@ConfigMapping(prefix = "petition.actions")
public interface ActionConfig {

    /** Days after the reply within which the petitioner may evaluate it (满意度评价). */
    @WithDefault("30")
    int evaluationWindowDays();

    /** Days after the reply within which the petitioner may request review (复查). */
    @WithDefault("30")
    int reviewWindowDays();

    /** Days after the review opinion within which the petitioner may request re-review (复核). */
    @WithDefault("30")
    int reReviewWindowDays();

    /** The time zone whose dates count. */
    @WithDefault("Asia/Shanghai")
    ZoneId zone();
}
