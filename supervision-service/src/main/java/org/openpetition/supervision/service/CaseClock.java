package org.openpetition.supervision.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.openpetition.supervision.SupervisedCase;
import org.openpetition.supervision.SupervisedCase.DueKind;
import org.openpetition.contracts.rules.BeijingTime;
import org.openpetition.contracts.rules.DayUnit;
import org.openpetition.supervision.calendar.DeadlineCalculator;
import org.openpetition.platform.rules.Limits;
import org.openpetition.platform.rules.TimeLimits;

/** Sets the limits of a case on the official calendar, with the limits of its jurisdiction. */
@ApplicationScoped
public class CaseClock {

    private final DeadlineCalculator deadlines;
    private final TimeLimits limits;
    private final ZoneId zone;
    private final AlertLadder ladder;

    public CaseClock(DeadlineCalculator deadlines, TimeLimits limits, AlertLadder ladder) {
        this.deadlines = deadlines;
        this.limits = limits;
        this.zone = BeijingTime.ZONE;
        this.ladder = ladder;
    }

    /** A hearing started: no alert falls due until it ends. */
    public void startHearing(SupervisedCase c, Instant at) {
        c.hearingStartedAt = at;
        ladder.schedule(c);
    }

    public LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, zone);
    }

    /** The end of the due day: the instant a limit runs out. */
    public Instant endOf(LocalDate due) {
        return due == null ? null : due.plusDays(1).atStartOfDay(zone).toInstant();
    }

    public Limits limitsOf(SupervisedCase c) {
        return limits.forLocality(c.localityCode);
    }

    /** 受理期限 from the assignment, or the day the dispatcher set (交办 with a deadline). */
    public void startAcceptance(SupervisedCase c, Instant assignedAt, LocalDate setByDispatcher) {
        Limits l = limitsOf(c);
        c.acceptanceDue = setByDispatcher != null ? setByDispatcher
                : deadlines.due(day(assignedAt), l.acceptanceDays(), l.dayUnit());
        c.dueOn(c.acceptanceDue, DueKind.ACCEPTANCE);
        ladder.schedule(c);
    }

    /** 办理期限 from the acceptance. */
    public void startHandling(SupervisedCase c, Instant acceptedAt) {
        Limits l = limitsOf(c);
        c.replyDue = deadlines.due(day(acceptedAt), l.handlingDays(), l.dayUnit());
        c.dueOn(c.replyDue, DueKind.REPLY);
        ladder.schedule(c);
    }

    /** 延期: the handling limit grows by {@code days} counted from its end. */
    public void extend(SupervisedCase c, int days) {
        c.replyDue = deadlines.due(c.replyDue, days, limitsOf(c).dayUnit());
        c.extendedDays = days;
        c.dueOn(c.replyDue, DueKind.REPLY);
        ladder.schedule(c);
    }

    /** 答复: the reply opens the petitioner's window to evaluate it and request review (the case's jurisdiction's). */
    public void replied(SupervisedCase c, Instant repliedAt) {
        c.repliedAt = repliedAt;
        c.evaluationWindowLastDay = limitsOf(c).lastDayToRequestReview(repliedAt);
    }

    /** 复查 or 复核 opinion due from the request. */
    public void startReview(SupervisedCase c, Instant requestedAt, DueKind kind) {
        Limits l = limitsOf(c);
        int days = kind == DueKind.REVIEW ? l.reviewDays() : l.reReviewDays();
        c.dueOn(deadlines.due(day(requestedAt), days, l.dayUnit()), kind);
        ladder.schedule(c);
    }

    /**
     * A hearing ended: its days (start and end day included; in working days only the working days) do
     * not count, so the running limit moves on by as many days. Returns the days added.
     */
    public int endHearing(SupervisedCase c, Instant endedAt) {
        DayUnit unit = limitsOf(c).dayUnit();
        int days = deadlines.countDays(day(c.hearingStartedAt), day(endedAt), unit);
        c.hearingStartedAt = null;
        c.hearingDays += days;
        if (c.due != null) {
            LocalDate moved = days == 0 ? c.due : deadlines.due(c.due, days, unit);
            if (c.dueKind == DueKind.REPLY) {
                c.replyDue = moved;
            }
            c.dueOn(moved, c.dueKind);
        }
        ladder.schedule(c);
        return days;
    }
}
