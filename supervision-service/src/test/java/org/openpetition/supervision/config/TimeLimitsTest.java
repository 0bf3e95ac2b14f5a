package org.openpetition.supervision.config;

import static org.junit.jupiter.api.Assertions.*;

import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.common.MapBackedConfigSource;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openpetition.supervision.calendar.DayUnit;

/** Limits per jurisdiction: the longest matching division code prefix wins; the rest are the defaults. */
class TimeLimitsTest {

    @Test
    void theMostSpecificJurisdictionWins() {
        TimeLimits limits = new TimeLimits(config(Map.of(
                "petition.deadlines.jurisdictions.\"41\".day-unit", "WORKING",
                "petition.deadlines.jurisdictions.\"4116\".handling-days", "45",
                "petition.deadlines.jurisdictions.\"411625\".acceptance-days", "10")));
        assertEquals(new TimeLimits.Limits(10, 45, 30, 30, 30, DayUnit.WORKING), limits.forLocality("411625"));
        assertEquals(new TimeLimits.Limits(15, 45, 30, 30, 30, DayUnit.WORKING), limits.forLocality("411602"));
        assertEquals(new TimeLimits.Limits(15, 60, 30, 30, 30, DayUnit.WORKING), limits.forLocality("410102"));
        assertEquals(new TimeLimits.Limits(15, 60, 30, 30, 30, DayUnit.CALENDAR), limits.forLocality("511703"));
    }

    @Test
    void aKeyThatIsNotADivisionPrefixIsRefused() {
        assertThrows(IllegalStateException.class, () -> new TimeLimits(config(Map.of(
                "petition.deadlines.jurisdictions.\"henan\".handling-days", "45"))));
    }

    private static DeadlineConfig config(Map<String, String> properties) {
        SmallRyeConfig config = new SmallRyeConfigBuilder().withMapping(DeadlineConfig.class)
                .withSources(new MapBackedConfigSource("test", properties) {
                }).build();
        return config.getConfigMapping(DeadlineConfig.class);
    }
}
