package org.openpetition.notification.service;

import org.openpetition.contracts.rules.BeijingTime;
import org.openpetition.platform.rules.Limits;
import org.openpetition.platform.rules.TimeLimits;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.openpetition.contracts.CloudEvent;
import org.openpetition.contracts.event.CaseAssignedV1;
import org.openpetition.contracts.event.CaseDeadlineV1;
import org.openpetition.contracts.event.CaseDivertedV1;
import org.openpetition.contracts.event.CaseLifecycleV1;
import org.openpetition.contracts.event.CaseReturnedV1;
import org.openpetition.contracts.event.CircularV1;
import org.openpetition.contracts.event.DailyReportV1;
import org.openpetition.contracts.event.PetitionerContactV1;
import org.openpetition.contracts.event.UnitContact;
import org.openpetition.contracts.taxonomy.DivisionNames;
import org.openpetition.contracts.taxonomy.SubjectCategories;
import org.openpetition.notification.MessageKind;
import org.openpetition.notification.config.NotifyConfig;
import org.openpetition.platform.inbox.IncomingEvent;

/**
 * Reads an event and says which notices it owes (who hears what) and what it tells about the case's
 * recipients. Steps and alerts nobody has to hear of (a hearing, a withdrawal) owe nothing; event types
 * it does not know are skipped, as the contracts ask of consumers.
 */
@ApplicationScoped
public class NoticeTranslator {

    private static final SubjectCategories CATEGORIES = SubjectCategories.shipped();
    private static final DivisionNames DIVISIONS = DivisionNames.shipped();

    private final ObjectMapper json;
    private final ZoneId zone;
    /** The daily report's figures: name in Chinese, in English. */
    private static final Map<String, String[]> FIGURES = Map.ofEntries(
            Map.entry("petitions", new String[] {"登记信访事项", "petitions registered"}),
            Map.entry("repeat", new String[] {"其中重复信访", "of which repeat"}),
            Map.entry("collective", new String[] {"其中集体访", "of which collective"}),
            Map.entry("skipLevel", new String[] {"其中越级访", "of which skip-level"}),
            Map.entry("accepted", new String[] {"受理", "accepted"}),
            Map.entry("notAccepted", new String[] {"不予受理", "not accepted"}),
            Map.entry("extended", new String[] {"延期", "extended"}),
            Map.entry("replied", new String[] {"答复（含复查、复核意见）", "replied (review opinions included)"}),
            Map.entry("evaluated", new String[] {"评价", "evaluated"}),
            Map.entry("reviewRequested", new String[] {"申请复查、复核", "review requested"}),
            Map.entry("warnings", new String[] {"临期预警", "deadline warnings"}),
            Map.entry("overdue", new String[] {"新增超期", "newly overdue"}),
            Map.entry("supervisionOrders", new String[] {"督办单", "supervision orders"}),
            Map.entry("escalations", new String[] {"上报", "escalations"}),
            Map.entry("openCases", new String[] {"在办信访事项", "cases open"}),
            Map.entry("overdueNow", new String[] {"其中超期", "of which overdue"}));

    private final DateTimeFormatter time;
    private final Limits defaultLimits;
    private final String trackingUrl;
    private final Set<String> selfServiceChannels;

    public NoticeTranslator(ObjectMapper json, NotifyConfig config, TimeLimits timeLimits) {
        this.json = json;
        this.zone = BeijingTime.ZONE;
        this.time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(zone);
        this.defaultLimits = timeLimits.forLocality(null);
        this.trackingUrl = config.trackingUrl();
        this.selfServiceChannels = config.selfServiceChannels();
    }

    public Translation translate(ReceivedEvent e) {
        IncomingEvent event = new IncomingEvent(e.id(), e.type(), String.valueOf(e.caseId()), e.data());
        return switch (e.type()) {
            case CloudEvent.TYPE_PETITIONER_CONTACT_V1 -> contact(e, event.data(json, PetitionerContactV1.class));
            case CloudEvent.TYPE_CASE_ASSIGNED_V1 -> assigned(e, event.data(json, CaseAssignedV1.class));
            case CloudEvent.TYPE_CASE_DIVERTED_V1 -> new Translation(e, List.of(diverted(e, event.data(json, CaseDivertedV1.class))), null, null);
            case CloudEvent.TYPE_CASE_RETURNED_V1 -> new Translation(e, List.of(returned(e, event.data(json, CaseReturnedV1.class))), null, null);
            case CloudEvent.TYPE_CASE_LIFECYCLE_V1 -> new Translation(e, lifecycle(e, event.data(json, CaseLifecycleV1.class)), null, null);
            case CloudEvent.TYPE_CASE_DEADLINE_V1 -> new Translation(e, deadline(e, event.data(json, CaseDeadlineV1.class)), null, null);
            case CloudEvent.TYPE_SUPERVISION_CIRCULAR_V1 -> new Translation(e, List.of(circular(e, event.data(json, CircularV1.class))), null, null);
            case CloudEvent.TYPE_SUPERVISION_DAILY_REPORT_V1 -> new Translation(e, List.of(dailyReport(e, event.data(json, DailyReportV1.class))), null, null);
            default -> new Translation(e, List.of(), null, null);
        };
    }

    private Translation contact(ReceivedEvent e, PetitionerContactV1 c) {
        Map<String, Object> data = base(c.trackingCode());
        data.put("querySecret", c.querySecret());
        data.put("receivedAt", format(c.receivedAt()));
        data.put("channelZh", channelZh(c.channel()));
        data.put("channelEn", c.channel() == null ? "" : c.channel().toLowerCase(Locale.ROOT).replace('_', ' '));
        boolean atOnce = c.channel() != null && selfServiceChannels.contains(c.channel());
        Notice receipt = new Notice(e.id(), e.caseId(), MessageKind.RECEIPT, data, null, null, e.time(), atOnce);
        return new Translation(e, List.of(receipt), null, c);
    }

    private Translation assigned(ReceivedEvent e, CaseAssignedV1 a) {
        UnitContact department = new UnitContact(a.departmentCode(), a.departmentName(), a.departmentEmail());
        Map<String, Object> data = base(a.trackingCode());
        data.put("departmentName", a.departmentName());
        data.put("receivedAt", format(a.receivedAt()));
        data.put("assignedAt", format(a.assignedAt()));
        data.put("reason", a.reason());
        data.put("localityCode", a.localityCode());
        category(data, a.subjectCategory());
        data.put("acceptanceDueZh", a.acceptanceDue() == null ? null : dateZh(a.acceptanceDue()));
        data.put("acceptanceDueEn", a.acceptanceDue() == null ? null : a.acceptanceDue().toString());
        data.put("leaderName", a.owningLeader() == null ? null : a.owningLeader().name());
        List<Notice> notices = new ArrayList<>();
        notices.add(notice(e, MessageKind.CASE_ASSIGNED, data, department));
        if (a.skipLevel()) {
            notices.add(notice(e, MessageKind.REFERRED, data, department));
        }
        return new Translation(e, notices, a, null);
    }

    private Notice diverted(ReceivedEvent e, CaseDivertedV1 d) {
        Map<String, Object> data = base(d.trackingCode());
        String[] guidance = d.guidance() == null ? new String[]{""} : d.guidance().split(" / ", 2);
        data.put("guidanceZh", guidance[0].trim());
        data.put("guidanceEn", guidance.length > 1 ? guidance[1].trim() : guidance[0].trim());
        data.put("legalChannel", d.legalChannel());
        data.put("receivedAt", format(d.receivedAt()));
        data.put("decidedAt", format(d.divertedAt()));
        return notice(e, MessageKind.DIVERTED, data, null);
    }

    private Notice returned(ReceivedEvent e, CaseReturnedV1 r) {
        Map<String, Object> data = base(r.trackingCode());
        data.put("departmentName", r.departmentName());
        data.put("reason", r.reason());
        data.put("returnedAt", format(r.returnedAt()));
        data.put("returnCount", r.returnCount());
        data.put("maxReturns", r.maxReturns());
        data.put("toDispatcher", "DISPATCHER_QUEUE".equals(r.next()));
        return notice(e, MessageKind.CASE_RETURNED, data, new UnitContact(r.departmentCode(), r.departmentName(), null));
    }

    private List<Notice> lifecycle(ReceivedEvent e, CaseLifecycleV1 l) {
        Map<String, Object> data = base(l.trackingCode());
        data.put("departmentName", l.departmentName());
        data.put("at", format(l.at()));
        data.put("reason", l.reason());
        data.put("text", l.text());
        data.put("dueZh", l.dueAt() == null ? null : dateZh(l.dueAt()));
        data.put("dueEn", l.dueAt() == null ? null : date(l.dueAt()).toString());
        return switch (l.step()) {
            case ACCEPTED -> List.of(notice(e, MessageKind.ACCEPTED, data, null));
            case NOT_ACCEPTED -> List.of(notice(e, MessageKind.NOT_ACCEPTED, data, null));
            case EXTENDED -> List.of(notice(e, MessageKind.EXTENDED, data, null));
            case REPLIED -> {
                LocalDate windowEnd = l.windowLastDay() != null ? l.windowLastDay()
                        : defaultLimits.lastDayToRequestReview(l.at());
                data.put("windowZh", dateZh(windowEnd));
                data.put("windowEn", windowEnd.toString());
                yield List.of(notice(e, MessageKind.REPLIED, data, null), notice(e, MessageKind.EVALUATION_INVITATION, data, null));
            }
            case REVIEWED -> {
                LocalDate windowEnd = l.windowLastDay() != null ? l.windowLastDay()
                        : defaultLimits.lastDayToRequestReReview(l.at());
                data.put("windowZh", dateZh(windowEnd));
                data.put("windowEn", windowEnd.toString());
                yield List.of(notice(e, MessageKind.REVIEW_OPINION, data, null));
            }
            case RE_REVIEWED -> List.of(notice(e, MessageKind.RE_REVIEW_OPINION, data, null));
            default -> List.of();
        };
    }

    private List<Notice> deadline(ReceivedEvent e, CaseDeadlineV1 d) {
        Map<String, Object> data = base(d.trackingCode());
        data.put("departmentName", d.departmentName());
        data.put("alertId", d.alertId());
        data.put("dueKindZh", dueKindZh(d.dueKind()));
        data.put("dueKindEn", d.dueKind() == null ? "" : d.dueKind().toLowerCase(Locale.ROOT).replace('_', '-'));
        data.put("dueZh", d.due() == null ? "" : dateZh(d.due()));
        data.put("dueEn", d.due() == null ? "" : d.due().toString());
        data.put("daysOverdue", Math.max(d.daysOverdue(), 0));
        data.put("daysLeft", Math.max(-d.daysOverdue(), 0));
        data.put("issuedAt", format(d.at()));
        UnitContact department = new UnitContact(d.departmentCode(), d.departmentName(), null);
        MessageKind kind = switch (d.alert()) {
            case WARNING -> MessageKind.DEADLINE_WARNING;
            case OVERDUE -> MessageKind.OVERDUE;
            case SUPERVISION_ORDER -> MessageKind.SUPERVISION_ORDER;
            case ESCALATED_TO_SUPERVISING_BODY -> MessageKind.ESCALATION_TO_SUPERVISING_BODY;
            case ESCALATED_TO_LEADER -> MessageKind.ESCALATION_TO_LEADER;
            default -> null;
        };
        return kind == null ? List.of() : List.of(notice(e, kind, data, department));
    }

    private Notice circular(ReceivedEvent e, CircularV1 c) {
        Map<String, Object> data = new HashMap<>();
        data.put("fromZh", dateZh(c.from()));
        data.put("toZh", dateZh(c.to()));
        data.put("fromEn", c.from().toString());
        data.put("toEn", c.to().toString());
        area(data, c.localityPrefix());
        data.put("issuedAt", format(c.issuedAt()));
        data.put("lines", c.lines());
        List<UnitContact> named = new ArrayList<>();
        for (CircularV1.Line line : c.lines()) {
            if (line.department() != null) {
                named.add(line.department());
            }
            if (line.supervisingBody() != null) {
                named.add(line.supervisingBody());
            }
        }
        return new Notice(e.id(), null, MessageKind.CIRCULAR, data, null, named, e.time());
    }

    /** The daily report (日报), figure by figure, to the recipients the event names. */
    private Notice dailyReport(ReceivedEvent e, DailyReportV1 r) {
        Map<String, Object> data = new HashMap<>();
        data.put("dayZh", dateZh(r.day()));
        data.put("dayEn", r.day().toString());
        area(data, r.localityPrefix());
        data.put("zero", r.zeroReport());
        data.put("producedAt", format(r.producedAt()));
        data.put("happenedZh", figures(r.happened(), 0, "："));
        data.put("happenedEn", figures(r.happened(), 1, ": "));
        data.put("standingZh", figures(r.standing(), 0, "："));
        data.put("standingEn", figures(r.standing(), 1, ": "));
        return new Notice(e.id(), null, MessageKind.DAILY_REPORT, data, null, r.recipients(), e.time());
    }

    /** The figures in the report's order, each as "name: value" in one language (0 Chinese, 1 English). */
    private static List<String> figures(Map<String, Long> figures, int language, String separator) {
        List<String> lines = new ArrayList<>();
        if (figures != null) {
            figures.forEach((name, value) -> lines.add(FIGURES.getOrDefault(name, new String[] {name, name})[language]
                    + separator + value));
        }
        return lines;
    }

    /**
     * The area a report or circular covers, named (四川省达州市达川区) from the divisions the contracts ship:
     * areaZh and areaEn (the name, and the code in English, which has no English names), areaCode (null for
     * the whole country). An unknown code is shown as it is.
     */
    private static void area(Map<String, Object> data, String localityPrefix) {
        boolean nationwide = localityPrefix == null || localityPrefix.isEmpty();
        String name = nationwide ? null : DIVISIONS.fullName(localityPrefix);
        data.put("areaCode", nationwide ? null : localityPrefix);
        data.put("areaZh", nationwide ? "全国" : name == null ? localityPrefix : name);
        data.put("areaEn", nationwide ? "nationwide" : name == null ? localityPrefix : name + " (" + localityPrefix + ")");
    }

    private Notice notice(ReceivedEvent e, MessageKind kind, Map<String, Object> data, UnitContact department) {
        return new Notice(e.id(), e.caseId(), kind, data, department, null, e.time());
    }

    private Map<String, Object> base(String trackingCode) {
        Map<String, Object> data = new HashMap<>();
        data.put("trackingCode", trackingCode);
        data.put("trackingUrl", trackingUrl);
        return data;
    }

    private void category(Map<String, Object> data, String code) {
        var category = CATEGORIES.find(code);
        data.put("categoryZh", category.map(c -> c.chinese()).orElse(code));
        data.put("categoryEn", category.map(c -> c.english()).orElse(code));
    }

    private String format(Instant instant) {
        return instant == null ? "" : time.format(instant);
    }

    private LocalDate date(Instant instant) {
        return instant.atZone(zone).toLocalDate();
    }

    private String dateZh(Instant instant) {
        return dateZh(date(instant));
    }

    static String dateZh(LocalDate date) {
        return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }

    static String dueKindZh(String dueKind) {
        if (dueKind == null) {
            return "";
        }
        return switch (dueKind) {
            case "ACCEPTANCE" -> "受理";
            case "REPLY" -> "办理答复";
            case "REVIEW" -> "复查";
            case "RE_REVIEW" -> "复核";
            default -> dueKind;
        };
    }

    static String channelZh(String channel) {
        if (channel == null) {
            return "";
        }
        return switch (channel) {
            case "ONLINE" -> "网上信访";
            case "LETTER" -> "来信";
            case "VISIT" -> "来访";
            case "PHONE" -> "来电";
            case "OPEN311" -> "网上信访（第三方平台）";
            case "TRANSFERRED" -> "转送";
            default -> channel;
        };
    }
}
