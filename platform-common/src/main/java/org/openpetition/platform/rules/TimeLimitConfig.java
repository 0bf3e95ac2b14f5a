package org.openpetition.platform.rules;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.openpetition.contracts.rules.DayUnit;

/**
 * Time limits and the petitioner's windows (信访工作条例; docs/domain.md), the one configuration every
 * service reads. Defaults are the regulation's; a jurisdiction overrides any of them under
 * {@code petition.deadlines.jurisdictions."<division code prefix>".*}, e.g.
 * {@code petition.deadlines.jurisdictions."51".day-unit=WORKING} for a province (2 digits), a city (4) or a
 * county (6). Settings cascade: a county inherits its city's and province's, the most specific wins.
 * {@link TimeLimits} resolves them for a locality.
 */
@ConfigMapping(prefix = "petition.deadlines")
public interface TimeLimitConfig {

    /** 受理: days to decide acceptance, from receipt of the assigned matter. */
    @WithDefault("15")
    int acceptanceDays();

    /** 办理: days to handle and reply in writing, from acceptance. */
    @WithDefault("60")
    int handlingDays();

    /** 延期: at most this many days, once, added to the handling limit. */
    @WithDefault("30")
    int maxExtensionDays();

    /** 复查: days for the review opinion, from the review request. */
    @WithDefault("30")
    int reviewDays();

    /** 复核: days for the re-review opinion, from the re-review request (hearing time excluded). */
    @WithDefault("30")
    int reReviewDays();

    /**
     * 复查申请期限: calendar days after the reply within which the petitioner may evaluate it and request
     * review; also the evaluation window of the participation indicator.
     */
    @WithDefault("30")
    int reviewRequestDays();

    /** 复核申请期限: calendar days after the review opinion within which the petitioner may request re-review. */
    @WithDefault("30")
    int reReviewRequestDays();

    /** How the days of the limits (not the petitioner's windows) are counted. */
    @WithDefault("CALENDAR")
    DayUnit dayUnit();

    /** Overrides per jurisdiction, keyed by division code prefix. */
    Map<String, Overrides> jurisdictions();

    /** Any limit or window a jurisdiction sets differently. */
    interface Overrides {
        OptionalInt acceptanceDays();

        OptionalInt handlingDays();

        OptionalInt maxExtensionDays();

        OptionalInt reviewDays();

        OptionalInt reReviewDays();

        OptionalInt reviewRequestDays();

        OptionalInt reReviewRequestDays();

        Optional<DayUnit> dayUnit();
    }
}
