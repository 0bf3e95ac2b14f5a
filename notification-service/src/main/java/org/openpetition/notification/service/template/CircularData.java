package org.openpetition.notification.service.template;

import java.util.List;
import org.openpetition.contracts.event.CircularV1;
import org.openpetition.notification.service.NoticeWords;

/** CIRCULAR: the overdue units of a period and an area, worst first. */
public record CircularData(String fromZh, String toZh, String fromEn, String toEn, String areaCode, String areaZh,
                           String areaEn, String issuedAt, List<CircularV1.Line> lines) implements NoticeData {

    public static CircularData of(CircularV1 c, NoticeWords words) {
        return new CircularData(words.dateZh(c.from()), words.dateZh(c.to()), words.dateEn(c.from()), words.dateEn(c.to()),
                areaCode(c.localityPrefix()), words.areaZh(c.localityPrefix()), words.areaEn(c.localityPrefix()),
                words.time(c.issuedAt()), c.lines() == null ? List.of() : c.lines());
    }

    /** The division code of an area, null for the whole country. */
    static String areaCode(String localityPrefix) {
        return localityPrefix == null || localityPrefix.isEmpty() ? null : localityPrefix;
    }
}
