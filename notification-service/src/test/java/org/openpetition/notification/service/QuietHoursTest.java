package org.openpetition.notification.service;

import org.openpetition.contracts.rules.BeijingTime;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class QuietHoursTest {

    private static final ZoneId BEIJING = BeijingTime.ZONE;
    private static final LocalTime NINE_PM = LocalTime.of(21, 0);
    private static final LocalTime EIGHT_AM = LocalTime.of(8, 0);

    @Test
    void aTextAtNightWaitsForTheMorning() {
        // 23:30 Beijing on 23 November -> 08:00 on 24 November
        assertEquals(Instant.parse("2026-11-24T00:00:00Z"),
                QuietHours.sendAt(Instant.parse("2026-11-23T15:30:00Z"), NINE_PM, EIGHT_AM, BEIJING));
        // 06:00 Beijing -> 08:00 the same day
        assertEquals(Instant.parse("2026-11-24T00:00:00Z"),
                QuietHours.sendAt(Instant.parse("2026-11-23T22:00:00Z"), NINE_PM, EIGHT_AM, BEIJING));
    }

    @Test
    void aTextInTheDayGoesNowAndEqualBoundsMeanNoQuietHours() {
        Instant noon = Instant.parse("2026-11-24T04:00:00Z");
        assertEquals(noon, QuietHours.sendAt(noon, NINE_PM, EIGHT_AM, BEIJING));
        assertEquals(Instant.parse("2026-11-24T00:00:00Z"), QuietHours.sendAt(Instant.parse("2026-11-24T00:00:00Z"), NINE_PM, EIGHT_AM, BEIJING),
                "the end itself is not quiet");
        Instant night = Instant.parse("2026-11-23T15:30:00Z");
        assertEquals(night, QuietHours.sendAt(night, LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, BEIJING));
    }

    @Test
    void quietHoursWithinADay() {
        LocalTime start = LocalTime.of(12, 0);
        LocalTime end = LocalTime.of(14, 0);
        assertEquals(Instant.parse("2026-11-24T06:00:00Z"), QuietHours.sendAt(Instant.parse("2026-11-24T04:30:00Z"), start, end, BEIJING));
        assertEquals(Instant.parse("2026-11-24T07:00:00Z"), QuietHours.sendAt(Instant.parse("2026-11-24T07:00:00Z"), start, end, BEIJING));
    }
}
