package org.openpetition.notification.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.openpetition.contracts.event.CaseAssignedV1;
import org.openpetition.contracts.event.CaseDeadlineV1;
import org.openpetition.contracts.event.CaseDivertedV1;
import org.openpetition.contracts.event.CaseLifecycleV1;
import org.openpetition.contracts.event.CaseReturnedV1;
import org.openpetition.contracts.event.CircularV1;
import org.openpetition.contracts.event.DailyReportV1;
import org.openpetition.contracts.event.PetitionerContactV1;
import org.openpetition.contracts.event.UnitContact;
import org.openpetition.notification.MessageKind;
import org.openpetition.notification.config.NotifyConfig;
import org.openpetition.notification.service.template.AssignmentData;
import org.openpetition.notification.service.template.CircularData;
import org.openpetition.notification.service.template.DailyReportData;
import org.openpetition.notification.service.template.DeadlineData;
import org.openpetition.notification.service.template.DiversionData;
import org.openpetition.notification.service.template.NoticeData;
import org.openpetition.notification.service.template.ReceiptData;
import org.openpetition.notification.service.template.ReturnData;
import org.openpetition.notification.service.template.StepData;
import org.openpetition.platform.rules.Limits;
import org.openpetition.platform.rules.TimeLimits;

/**
 * Which notices an event owes, and to whom (the message kind's audience, with the department or the units
 * the event names). Steps and alerts nobody has to hear of (a hearing, a withdrawal, a later version's
 * value) owe nothing. The petitioner's window after a reply or a review opinion is the one the event
 * carries (the jurisdiction's, computed by supervision); an older event without it gets the default
 * windows of {@link TimeLimits}.
 */
@ApplicationScoped
public class NoticeRules {

    private final NoticeWords words;
    private final Limits defaultLimits;
    private final Set<String> selfServiceChannels;

    public NoticeRules(NoticeWords words, NotifyConfig config, TimeLimits timeLimits) {
        this.words = words;
        this.defaultLimits = timeLimits.forLocality(null);
        this.selfServiceChannels = config.selfServiceChannels();
    }

    /** The notices of a decoded event (see {@link EventDecoder}); none for null. */
    public List<Notice> notices(ReceivedEvent e, Object event) {
        if (event instanceof PetitionerContactV1 c) {
            // a receipt for what the petitioner submitted by themselves answers it at once
            boolean atOnce = c.channel() != null && selfServiceChannels.contains(c.channel());
            return List.of(new Notice(e.id(), e.caseId(), MessageKind.RECEIPT, ReceiptData.of(c, words), null, null,
                    e.time(), atOnce));
        }
        if (event instanceof CaseAssignedV1 a) {
            UnitContact department = new UnitContact(a.departmentCode(), a.departmentName(), a.departmentEmail());
            AssignmentData data = AssignmentData.of(a, words);
            List<Notice> notices = new ArrayList<>();
            notices.add(notice(e, MessageKind.CASE_ASSIGNED, data, department));
            if (a.skipLevel()) {
                notices.add(notice(e, MessageKind.REFERRED, data, department));
            }
            return notices;
        }
        if (event instanceof CaseDivertedV1 d) {
            return List.of(notice(e, MessageKind.DIVERTED, DiversionData.of(d, words), null));
        }
        if (event instanceof CaseReturnedV1 r) {
            return List.of(notice(e, MessageKind.CASE_RETURNED, ReturnData.of(r, words),
                    new UnitContact(r.departmentCode(), r.departmentName(), null)));
        }
        if (event instanceof CaseLifecycleV1 l) {
            return step(e, l);
        }
        if (event instanceof CaseDeadlineV1 d) {
            return deadline(e, d);
        }
        if (event instanceof CircularV1 c) {
            return List.of(new Notice(e.id(), null, MessageKind.CIRCULAR, CircularData.of(c, words), null, named(c),
                    e.time()));
        }
        if (event instanceof DailyReportV1 r) {
            return List.of(new Notice(e.id(), null, MessageKind.DAILY_REPORT, DailyReportData.of(r, words), null,
                    r.recipients(), e.time()));
        }
        return List.of();
    }

    private List<Notice> step(ReceivedEvent e, CaseLifecycleV1 l) {
        return switch (l.step()) {
            case ACCEPTED -> List.of(notice(e, MessageKind.ACCEPTED, StepData.of(l, null, words), null));
            case NOT_ACCEPTED -> List.of(notice(e, MessageKind.NOT_ACCEPTED, StepData.of(l, null, words), null));
            case EXTENDED -> List.of(notice(e, MessageKind.EXTENDED, StepData.of(l, null, words), null));
            case REPLIED -> {
                LocalDate windowEnd = l.windowLastDay() != null ? l.windowLastDay()
                        : defaultLimits.lastDayToRequestReview(l.at());
                StepData data = StepData.of(l, windowEnd, words);
                yield List.of(notice(e, MessageKind.REPLIED, data, null),
                        notice(e, MessageKind.EVALUATION_INVITATION, data, null));
            }
            case REVIEWED -> {
                LocalDate windowEnd = l.windowLastDay() != null ? l.windowLastDay()
                        : defaultLimits.lastDayToRequestReReview(l.at());
                yield List.of(notice(e, MessageKind.REVIEW_OPINION, StepData.of(l, windowEnd, words), null));
            }
            case RE_REVIEWED -> List.of(notice(e, MessageKind.RE_REVIEW_OPINION, StepData.of(l, null, words), null));
            default -> List.of();
        };
    }

    private List<Notice> deadline(ReceivedEvent e, CaseDeadlineV1 d) {
        MessageKind kind = switch (d.alert()) {
            case WARNING -> MessageKind.DEADLINE_WARNING;
            case OVERDUE -> MessageKind.OVERDUE;
            case SUPERVISION_ORDER -> MessageKind.SUPERVISION_ORDER;
            case ESCALATED_TO_SUPERVISING_BODY -> MessageKind.ESCALATION_TO_SUPERVISING_BODY;
            case ESCALATED_TO_LEADER -> MessageKind.ESCALATION_TO_LEADER;
            default -> null;
        };
        return kind == null ? List.of()
                : List.of(notice(e, kind, DeadlineData.of(d, words), new UnitContact(d.departmentCode(), d.departmentName(), null)));
    }

    /** The units a circular names: each line's department and supervising body. */
    private static List<UnitContact> named(CircularV1 c) {
        List<UnitContact> named = new ArrayList<>();
        for (CircularV1.Line line : c.lines() == null ? List.<CircularV1.Line>of() : c.lines()) {
            if (line.department() != null) {
                named.add(line.department());
            }
            if (line.supervisingBody() != null) {
                named.add(line.supervisingBody());
            }
        }
        return named;
    }

    private static Notice notice(ReceivedEvent e, MessageKind kind, NoticeData data, UnitContact department) {
        return new Notice(e.id(), e.caseId(), kind, data, department, null, e.time());
    }
}
