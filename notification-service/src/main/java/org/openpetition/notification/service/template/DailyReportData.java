package org.openpetition.notification.service.template;

import java.util.List;
import org.openpetition.contracts.event.DailyReportV1;
import org.openpetition.notification.service.NoticeWords;

/** DAILY_REPORT: a locality's day, figure by figure, in Chinese and in English. */
public record DailyReportData(String dayZh, String dayEn, String areaCode, String areaZh, String areaEn, boolean zero,
                              String producedAt, List<String> happenedZh, List<String> happenedEn,
                              List<String> standingZh, List<String> standingEn) implements NoticeData {

    public static DailyReportData of(DailyReportV1 r, NoticeWords words) {
        return new DailyReportData(words.dateZh(r.day()), words.dateEn(r.day()), CircularData.areaCode(r.localityPrefix()),
                words.areaZh(r.localityPrefix()), words.areaEn(r.localityPrefix()), r.zeroReport(),
                words.time(r.producedAt()), words.figuresZh(r.happened()), words.figuresEn(r.happened()),
                words.figuresZh(r.standing()), words.figuresEn(r.standing()));
    }
}
