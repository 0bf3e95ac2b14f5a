package org.openpetition.contracts.rules;

import java.time.ZoneId;

/**
 * The time zone whose dates count everywhere on the platform: the official calendar's days, the time
 * limits and windows, the year in a tracking code, quiet hours and the times printed in notices (北京时间).
 */
public final class BeijingTime {

    /** The zone id, for annotations that need a constant (a scheduler's time zone). */
    public static final String ZONE_ID = "Asia/Shanghai";

    public static final ZoneId ZONE = ZoneId.of(ZONE_ID);

    private BeijingTime() {
    }
}
