package org.openpetition.notification.service;

import io.quarkus.qute.i18n.Localized;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openpetition.contracts.rules.BeijingTime;
import org.openpetition.contracts.taxonomy.DivisionNames;
import org.openpetition.contracts.taxonomy.SubjectCategories;
import org.openpetition.notification.config.NotifyConfig;

/**
 * What the notices' data is written with: times and dates in Beijing time, and the names of channels,
 * time limits, report figures, areas and subject categories, each in Chinese and in English (the
 * {@link NoticeMessages} bundle; the categories and divisions from the contracts' taxonomy). A code
 * without a name is shown as it is.
 */
@ApplicationScoped
public class NoticeWords {

    private static final SubjectCategories CATEGORIES = SubjectCategories.shipped();
    private static final DivisionNames DIVISIONS = DivisionNames.shipped();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(BeijingTime.ZONE);

    private final NoticeMessages zh;
    private final NoticeMessages en;
    private final String trackingUrl;

    public NoticeWords(NoticeMessages zh, @Localized("en") NoticeMessages en, NotifyConfig config) {
        this.zh = zh;
        this.en = en;
        this.trackingUrl = config.trackingUrl();
    }

    /** Where a petitioner follows the case. */
    public String trackingUrl() {
        return trackingUrl;
    }

    /** A moment, Beijing time ("2026-11-24 10:00"); empty if unknown. */
    public String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }

    /** The Beijing day of a moment. */
    public LocalDate day(Instant instant) {
        return instant.atZone(BeijingTime.ZONE).toLocalDate();
    }

    /** A date in Chinese; null for null. */
    public String dateZh(LocalDate date) {
        return date == null ? null : date(zh, date);
    }

    /** A date in English; null for null. */
    public String dateEn(LocalDate date) {
        return date == null ? null : date(en, date);
    }

    private static String date(NoticeMessages words, LocalDate date) {
        return words.date(date);
    }

    public String channelZh(String channel) {
        return channel(zh, channel);
    }

    public String channelEn(String channel) {
        return channel(en, channel);
    }

    private static String channel(NoticeMessages words, String channel) {
        if (channel == null) {
            return "";
        }
        return switch (channel) {
            case "ONLINE" -> words.channelOnline();
            case "LETTER" -> words.channelLetter();
            case "VISIT" -> words.channelVisit();
            case "PHONE" -> words.channelPhone();
            case "OPEN311" -> words.channelOpen311();
            case "TRANSFERRED" -> words.channelTransferred();
            default -> channel;
        };
    }

    /** The limit a deadline alert is about (ACCEPTANCE, REPLY, REVIEW, RE_REVIEW), in Chinese. */
    public String dueKindZh(String dueKind) {
        return dueKind(zh, dueKind);
    }

    public String dueKindEn(String dueKind) {
        return dueKind(en, dueKind);
    }

    private static String dueKind(NoticeMessages words, String dueKind) {
        if (dueKind == null) {
            return "";
        }
        return switch (dueKind) {
            case "ACCEPTANCE" -> words.dueAcceptance();
            case "REPLY" -> words.dueReply();
            case "REVIEW" -> words.dueReview();
            case "RE_REVIEW" -> words.dueReReview();
            case "ORDER" -> words.dueOrder();
            default -> dueKind;
        };
    }

    /** A daily report's figures in the report's order, each as "name: value", in Chinese. */
    public List<String> figuresZh(Map<String, Long> figures) {
        return figures(zh, figures);
    }

    public List<String> figuresEn(Map<String, Long> figures) {
        return figures(en, figures);
    }

    private static List<String> figures(NoticeMessages words, Map<String, Long> figures) {
        List<String> lines = new ArrayList<>();
        if (figures != null) {
            figures.forEach((name, value) -> lines.add(words.figureLine(figure(words, name), value == null ? 0 : value)));
        }
        return lines;
    }

    private static String figure(NoticeMessages words, String name) {
        return switch (name) {
            case "petitions" -> words.figurePetitions();
            case "repeat" -> words.figureRepeat();
            case "collective" -> words.figureCollective();
            case "skipLevel" -> words.figureSkipLevel();
            case "accepted" -> words.figureAccepted();
            case "notAccepted" -> words.figureNotAccepted();
            case "extended" -> words.figureExtended();
            case "replied" -> words.figureReplied();
            case "evaluated" -> words.figureEvaluated();
            case "reviewRequested" -> words.figureReviewRequested();
            case "warnings" -> words.figureWarnings();
            case "overdue" -> words.figureOverdue();
            case "supervisionOrders" -> words.figureSupervisionOrders();
            case "escalations" -> words.figureEscalations();
            case "openCases" -> words.figureOpenCases();
            case "overdueNow" -> words.figureOverdueNow();
            default -> name;
        };
    }

    /** The area a report or circular covers (四川省达州市达川区; 全国 for no prefix), in Chinese. */
    public String areaZh(String localityPrefix) {
        return area(zh, localityPrefix);
    }

    /** The area in English: the Chinese name with its division code (there are no English names). */
    public String areaEn(String localityPrefix) {
        return area(en, localityPrefix);
    }

    private static String area(NoticeMessages words, String localityPrefix) {
        if (localityPrefix == null || localityPrefix.isEmpty()) {
            return words.areaNationwide();
        }
        String name = DIVISIONS.fullName(localityPrefix);
        return name == null ? localityPrefix : words.areaNamed(name, localityPrefix);
    }

    public String categoryZh(String code) {
        return CATEGORIES.find(code).map(c -> c.chinese()).orElse(code);
    }

    public String categoryEn(String code) {
        return CATEGORIES.find(code).map(c -> c.english()).orElse(code);
    }
}
