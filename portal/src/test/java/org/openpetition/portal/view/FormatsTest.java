package org.openpetition.portal.view;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The figures as the pages print them. */
class FormatsTest {

    @Test
    void instantsAreInBeijingTimeToTheMinute() {
        assertEquals("2026-12-07 16:30", Formats.fmtInstant("2026-12-07T08:30:59Z"));
        assertEquals("not a time", Formats.fmtInstant("not a time"));
    }

    @Test
    void ratesArePercentagesAndSizesReadable() {
        assertEquals("97.5%", Formats.percent(0.975));
        assertEquals("—", Formats.percent(null));
        assertEquals("830 B", Formats.fileSize(830));
        assertEquals("12.4 KiB", Formats.fileSize(12_700L));
        assertEquals("3.0 MiB", Formats.fileSize(3 * 1024 * 1024));
    }
}
