package org.openpetition.notification.service.template;

import org.openpetition.contracts.event.CaseDivertedV1;
import org.openpetition.notification.service.NoticeWords;

/**
 * DIVERTED: the legal channel the petition belongs to and the guidance, in Chinese and in English. The
 * English guidance is the event's {@code guidanceEn}; an older event has none and wrote both languages
 * into {@code guidance} ("中文 / English"), which is then split.
 */
public record DiversionData(String trackingCode, String trackingUrl, String guidanceZh, String guidanceEn,
                            String legalChannel, String receivedAt, String decidedAt) implements NoticeData {

    private static final String OLD_SEPARATOR = " / ";

    public static DiversionData of(CaseDivertedV1 d, NoticeWords words) {
        String zh = d.guidance() == null ? "" : d.guidance().trim();
        String en = d.guidanceEn();
        if (en == null) {
            String[] both = zh.split(OLD_SEPARATOR, 2);
            zh = both[0].trim();
            en = both.length > 1 ? both[1].trim() : zh;
        }
        return new DiversionData(d.trackingCode(), words.trackingUrl(), zh, en.trim(), d.legalChannel(),
                words.time(d.receivedAt()), words.time(d.divertedAt()));
    }
}
