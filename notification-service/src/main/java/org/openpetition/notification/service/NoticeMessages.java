package org.openpetition.notification.service;

import io.quarkus.qute.i18n.Message;
import java.time.LocalDate;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words the notices put into their templates: channel, limit and figure names, the area of a report
 * and the date as people read it. The Chinese texts are in {@code messages/msg_zh.properties}, the English
 * ones in {@code messages/msg_en.properties}; each a whole text in one language.
 */
@MessageBundle(value = "msg", locale = "zh")
public interface NoticeMessages {

    /** A date: 2026年11月24日 in Chinese, 2026-11-24 in English. */
    @Message
    String date(LocalDate date);

    @Message
    String areaNationwide();

    /** A named area: the name, in English with the division code (there are no English names). */
    @Message
    String areaNamed(String name, String code);

    @Message
    String channelOnline();

    @Message
    String channelLetter();

    @Message
    String channelVisit();

    @Message
    String channelPhone();

    @Message
    String channelOpen311();

    @Message
    String channelTransferred();

    @Message
    String dueAcceptance();

    @Message
    String dueReply();

    @Message
    String dueReview();

    @Message
    String dueReReview();

    @Message
    String dueOrder();

    @Message
    String figurePetitions();

    @Message
    String figureRepeat();

    @Message
    String figureCollective();

    @Message
    String figureSkipLevel();

    @Message
    String figureAccepted();

    @Message
    String figureNotAccepted();

    @Message
    String figureExtended();

    @Message
    String figureReplied();

    @Message
    String figureEvaluated();

    @Message
    String figureReviewRequested();

    @Message
    String figureWarnings();

    @Message
    String figureOverdue();

    @Message
    String figureSupervisionOrders();

    @Message
    String figureEscalations();

    @Message
    String figureOpenCases();

    @Message
    String figureOverdueNow();

    /** One figure of a daily report: its name and value. */
    @Message
    String figureLine(String name, long value);
}
