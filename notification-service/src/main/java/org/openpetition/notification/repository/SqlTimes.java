package org.openpetition.notification.repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Moments as the reactive SQL client binds them (timestamptz, UTC). */
final class SqlTimes {

    private SqlTimes() {
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
