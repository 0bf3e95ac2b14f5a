package org.openpetition.supervision.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.openpetition.supervision.calendar.DayUnit;

/**
 * Time limits (DOMAIN.md, 信访工作条例). Defaults are the regulation's; a jurisdiction overrides any
 * of them under {@code petition.deadlines.jurisdictions."<division code prefix>".*}, e.g.
 * {@code petition.deadlines.jurisdictions."51".day-unit=WORKING} for a province (2 digits), a city (4)
 * or a county (6). Settings cascade: a county inherits its city's and province's, the most specific wins.
 */
@ConfigMapping(prefix = "petition.deadlines")
public interface DeadlineConfig {

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

    /**
     * 复查申请期限: days from the reply within which the petitioner may evaluate and request review (the
     * evaluation window of the participation indicator). Intake enforces it for the petitioner
     * ({@code petition.actions.*}); keep the two equal.
     */
    @WithDefault("30")
    int reviewRequestDays();

    /** 复核: days for the re-review opinion, from the re-review request (hearing time excluded). */
    @WithDefault("30")
    int reReviewDays();

    /** How days are counted. */
    @WithDefault("CALENDAR")
    DayUnit dayUnit();

    /** The time zone whose dates count. */
    @WithDefault("Asia/Shanghai")
    ZoneId zone();

    /** Overrides per jurisdiction, keyed by division code prefix. */
    Map<String, Overrides> jurisdictions();

    /** Any limit a jurisdiction sets differently. */
    interface Overrides {
        OptionalInt acceptanceDays();

        OptionalInt handlingDays();

        OptionalInt maxExtensionDays();

        OptionalInt reviewDays();

        OptionalInt reReviewDays();

        Optional<DayUnit> dayUnit();
    }
}
