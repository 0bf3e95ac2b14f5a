package org.openpetition.platform.rules;

import static org.junit.jupiter.api.Assertions.*;

import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.common.MapBackedConfigSource;
import java.util.Map;
import org.junit.jupiter.api.Test;
import java.time.Instant;
import java.time.LocalDate;
import org.openpetition.contracts.rules.DayUnit;

/** Limits per jurisdiction: the longest matching division code prefix wins; the rest are the defaults. */
class TimeLimitsTest {

    @Test
    void theMostSpecificJurisdictionWins() {
        TimeLimits limits = new TimeLimits(config(Map.of(
                "petition.deadlines.jurisdictions.\"41\".day-unit", "WORKING",
                "petition.deadlines.jurisdictions.\"4116\".handling-days", "45",
                "petition.deadlines.jurisdictions.\"411625\".acceptance-days", "10")));
        assertEquals(new Limits(10, 45, 30, 30, 30, 30, 30, DayUnit.WORKING), limits.forLocality("411625"));
        assertEquals(new Limits(15, 45, 30, 30, 30, 30, 30, DayUnit.WORKING), limits.forLocality("411602"));
        assertEquals(new Limits(15, 60, 30, 30, 30, 30, 30, DayUnit.WORKING), limits.forLocality("410102"));
        assertEquals(new Limits(15, 60, 30, 30, 30, 30, 30, DayUnit.CALENDAR), limits.forLocality("511703"));
    }

    @Test
    void aJurisdictionSetsThePetitionersWindows() {
        TimeLimits limits = new TimeLimits(config(Map.of(
                "petition.deadlines.jurisdictions.\"5117\".review-request-days", "20",
                "petition.deadlines.jurisdictions.\"511703\".re-review-request-days", "15")));
        Limits dazhou = limits.forLocality("511703");
        assertEquals(20, dazhou.reviewRequestDays());
        assertEquals(15, dazhou.reReviewRequestDays());
        assertEquals(30, limits.forLocality("450326").reviewRequestDays());
        // A reply at 23:30 Beijing time on 1 March (15:30 UTC): the window counts from 2 March, the last day whole.
        Instant replied = Instant.parse("2026-03-01T15:30:00Z");
        assertEquals(LocalDate.of(2026, 3, 21), dazhou.lastDayToRequestReview(replied));
        assertEquals(LocalDate.of(2026, 3, 16), dazhou.lastDayToRequestReReview(replied));
    }

    @Test
    void aKeyThatIsNotADivisionPrefixIsRefused() {
        assertThrows(IllegalStateException.class, () -> new TimeLimits(config(Map.of(
                "petition.deadlines.jurisdictions.\"henan\".handling-days", "45"))));
    }

    private static TimeLimitConfig config(Map<String, String> properties) {
        SmallRyeConfig config = new SmallRyeConfigBuilder().withMapping(TimeLimitConfig.class)
                .withSources(new MapBackedConfigSource("test", properties) {
                }).build();
        return config.getConfigMapping(TimeLimitConfig.class);
    }
}
