package org.openpetition.supervision.i18n;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * What supervision writes for people to read: the reasons of the steps it records, the errors it answers
 * with. Each text is whole in one language: {@code messages/msg_zh.properties} (the default) and
 * {@code messages/msg_en.properties}. {@link Languages} picks the texts of a language.
 */
@MessageBundle(value = "msg", locale = "zh")
public interface Texts {

    // the reasons of the steps supervision takes itself

    @Message
    String finalReason();

    @Message
    String hearingDaysNotCounted(int days);

    // what the state of a case does not allow (409)

    @Message
    String acceptNeedsAssigned(String status);

    @Message
    String notAcceptNeedsAssigned(String status);

    @Message
    String extendNeedsAccepted(String status);

    @Message
    String extendedOnlyOnce();

    @Message
    String extensionDays(int max);

    @Message
    String hearingNeedsRunningLimit(String status);

    @Message
    String hearingAlreadyRunning();

    @Message
    String hearingAfterDue(String due);

    @Message
    String noHearingRunning();

    @Message
    String endHearingFirst();

    @Message
    String replyNeedsAccepted(String status);

    @Message
    String reviewOpinionNeedsUnderReview(String status);

    @Message
    String reReviewOpinionNeedsUnderReReview(String status);

    @Message
    String caseClosedForGood();

    @Message
    String notReviewingBodyTitle();

    @Message
    String notReviewingBodyNoDepartment(String bodyName, String bodyCode);

    @Message
    String notReviewingBodyOtherDepartment(String bodyName, String bodyCode, String department);

    // what a request names wrongly (400, per field)

    @Message
    String notADate();

    @Message
    String dayInFuture();

    @Message
    String fromAfterTo();

    @Message
    String toAfterToday();

    @Message
    String circularTooLong(int max);

    @Message
    String periodTooLong(int max);

    @Message
    String divisionCode();

    @Message
    String notOneOf(String value, String allowed);

    @Message
    String yearRange();

    // what a holiday calendar loaded by an administrator gets wrong

    @Message
    String calendarNotAnObject();

    @Message
    String calendarUnknownField();

    @Message
    String calendarNotDatesToNames();

    @Message
    String calendarNotADate(int year);

    @Message
    String calendarDayNotNearYear(int year);

    @Message
    String calendarDayNeedsName();

    @Message
    String calendarMakeUpDayNotWeekend();

    @Message
    String calendarMakeUpDayAlsoHoliday();

    @Message
    String calendarYearHasHolidays();
}
