package org.openpetition.supervision.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The alert ladder of a running limit and the sweep that climbs it. Days are calendar days. */
@ConfigMapping(prefix = "petition.supervision")
public interface SupervisionConfig {

    /** 临期预警: days before the due day on which the handler is warned. */
    @WithDefault("3")
    int warningLeadDays();

    /** 督办单: days after the first overdue day on which the supervision order goes to the department. */
    @WithDefault("2")
    int supervisionOrderAfterDays();

    /** Days after the first overdue day on which the case is escalated to the supervising body. */
    @WithDefault("5")
    int escalateAfterDays();

    /** Days after the first overdue day on which the case is escalated to its owning leader. */
    @WithDefault("10")
    int leaderAfterDays();

    /** How often the sweep runs (read by the scheduler, e.g. "60s"). */
    @WithDefault("60s")
    String sweepEvery();

    /** How long after start-up the first sweep runs. */
    @WithDefault("10s")
    String sweepDelay();

    /** Cases handled per sweep transaction. */
    @WithDefault("1000")
    int batchSize();

    /** False to run no sweep in this process (another replica or a test drives it). */
    @WithDefault("true")
    boolean sweepEnabled();
}
