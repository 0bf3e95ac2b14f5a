package org.openpetition.intake.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The petitioner's windows after a reply (DOMAIN.md), in calendar days from the step they follow.
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
}
