package org.openpetition.supervision.indicators;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.openpetition.contracts.CloudEvent;
import org.openpetition.contracts.Topics;
import org.openpetition.contracts.event.DailyReportV1;
import org.openpetition.contracts.event.UnitContact;
import org.openpetition.platform.jobs.CoalescingJob;
import org.openpetition.platform.outbox.OutboxRelay;
import org.openpetition.platform.outbox.OutboxWriter;
import org.openpetition.contracts.rules.BeijingTime;
import org.openpetition.supervision.config.ReportConfig;

/**
 * Produces the daily reports (日报): after midnight, yesterday's report of every configured locality is
 * produced once and kept as produced, a zero report (零报告) on a day with nothing to report. Several
 * replicas may run the job: the first report stored wins, the others are dropped. The report stored is
 * published as supervision.daily-report.v1 in the same transaction (outbox), once, addressed to the
 * locality's configured recipients; notification-service delivers it.
 */
@ApplicationScoped
public class DailyReports {

    private static final Logger LOG = Logger.getLogger(DailyReports.class);
    static final List<String> HAPPENED = List.of("petitions", "repeat", "collective", "skipLevel", "accepted", "notAccepted",
            "extended", "replied", "evaluated", "reviewRequested", "warnings", "overdue", "supervisionOrders", "escalations");
    static final List<String> STANDING = List.of("openCases", "overdueNow");

    private final ZoneId zone;
    private final ReportConfig config;
    private final ObjectMapper json;
    private final OutboxWriter outbox;
    private final OutboxRelay relay;
    private final CoalescingJob job;

    public DailyReports(ReportConfig config, ObjectMapper json, OutboxWriter outbox, OutboxRelay relay,
                        Vertx vertx) {
        this.zone = BeijingTime.ZONE;
        this.config = config;
        this.json = json;
        this.outbox = outbox;
        this.relay = relay;
        this.job = new CoalescingJob("daily reports", vertx, () -> produceAll(LocalDate.now(zone).minusDays(1)));
    }

    @Scheduled(cron = "${petition.reports.daily-cron:0 30 0 * * ?}", timeZone = BeijingTime.ZONE_ID,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        if (config.dailyEnabled()) {
            job.trigger();
        }
    }

    /** Produces and keeps the reports of a finished day for every configured locality; returns how many were new. */
    public Uni<Integer> produceAll(LocalDate day) {
        Uni<Integer> chain = Uni.createFrom().item(0);
        for (String locality : config.dailyLocalities()) {
            DivisionPrefix prefix = DivisionPrefix.parse("petition.reports.daily-localities", locality.equals("-") ? "" : locality);
            chain = chain.chain(n -> keep(day, prefix).map(stored -> n + (stored ? 1 : 0)));
        }
        return chain.invoke(n -> LOG.infof("daily reports of %s: %d produced", day, n));
    }

    /**
     * The report of a day: the one kept if it was produced; for a finished day not yet produced, it is
     * produced and kept now; for today, a provisional report that is not kept.
     */
    public Uni<DailyReport> of(LocalDate day, DivisionPrefix locality) {
        return Panache.withSession(() -> Panache.getSession().chain(session -> session.createNativeQuery(
                                "select cast(body as text) from daily_report where day = :day and locality = :locality", String.class)
                        .setParameter("day", day).setParameter("locality", locality.prefix())
                        .getResultList()))
                .chain(kept -> {
                    if (!kept.isEmpty()) {
                        return Uni.createFrom().item(read(kept.get(0)));
                    }
                    if (!day.isBefore(LocalDate.now(zone))) {
                        return compute(day, locality, false);
                    }
                    return keep(day, locality).chain(ignored -> of(day, locality));
                });
    }

    /**
     * Produces the report of a finished day and stores it unless one is stored already, with its event; true
     * if this one was.
     */
    Uni<Boolean> keep(LocalDate day, DivisionPrefix locality) {
        return compute(day, locality, true).chain(report -> Panache.withTransaction(() -> Panache.getSession()
                        .chain(session -> session.createNativeQuery("""
                                        insert into daily_report (day, locality, zero_report, body, produced_at)
                                        values (:day, :locality, :zero, cast(cast(:body as text) as jsonb), now()) on conflict do nothing""")
                                .setParameter("day", day)
                                .setParameter("locality", locality.prefix())
                                .setParameter("zero", report.zeroReport())
                                .setParameter("body", write(report))
                                .executeUpdate())
                        .chain(n -> {
                            if (n != 1) {
                                return Uni.createFrom().item(false);
                            }
                            DailyReportV1 event = event(day, locality, report);
                            return outbox.append(Topics.SUPERVISION_DAILY_REPORT_V1, CloudEvent.TYPE_SUPERVISION_DAILY_REPORT_V1,
                                    event.reportId(), event).replaceWith(true);
                        }))
                .invoke(stored -> {
                    if (stored) {
                        relay.trigger();
                    }
                }));
    }

    /** The report's event: its id follows from day and locality, so a report has one id wherever it is produced. */
    private DailyReportV1 event(LocalDate day, DivisionPrefix locality, DailyReport report) {
        UUID id = UUID.nameUUIDFromBytes(("daily-report/" + day + "/" + locality.prefix()).getBytes(StandardCharsets.UTF_8));
        return new DailyReportV1(id, day, locality.prefix(), report.zeroReport(), report.happened(), report.standing(),
                Instant.parse(report.producedAt()), recipients(locality));
    }

    /** The configured recipients of a locality's report (keys as in daily-localities: a prefix, a full code or "-"). */
    List<UnitContact> recipients(DivisionPrefix locality) {
        return config.dailyRecipients().entrySet().stream()
                .filter(e -> DivisionPrefix.parse("petition.reports.daily-recipients",
                        e.getKey().equals("-") ? "" : e.getKey()).equals(locality))
                .map(e -> new UnitContact(e.getValue().code(), e.getValue().name(), e.getValue().email().orElse(null)))
                .toList();
    }

    Uni<DailyReport> compute(LocalDate day, DivisionPrefix locality, boolean finished) {
        OffsetDateTime start = day.atStartOfDay(zone).toOffsetDateTime();
        OffsetDateTime end = day.plusDays(1).atStartOfDay(zone).toOffsetDateTime();
        return Panache.withSession(() -> Panache.getSession().chain(session -> session.createNativeQuery("""
                        select p.petitions, p.repeat, p.collective, p.skip_level,
                               st.accepted, st.not_accepted, st.extended, st.replied, st.evaluated, st.review_requested,
                               a.warnings, a.overdue, a.orders, a.escalations, o.open_cases, o.overdue_now
                        from (select count(*) as petitions,
                                     count(*) filter (where p.repeat) as repeat,
                                     count(*) filter (where p.collective) as collective,
                                     count(*) filter (where not p.repeat and c.skip_level) as skip_level
                              from petition_record p left join supervised_case c on c.case_id = p.case_id
                              where p.locality_code like :prefix and p.received_at >= :s and p.received_at < :e) p,
                             (select count(*) filter (where st.step = 'ACCEPTED') as accepted,
                                     count(*) filter (where st.step = 'NOT_ACCEPTED') as not_accepted,
                                     count(*) filter (where st.step = 'EXTENDED') as extended,
                                     count(*) filter (where st.step in ('REPLIED', 'REVIEWED', 'RE_REVIEWED')) as replied,
                                     count(*) filter (where st.step = 'EVALUATED') as evaluated,
                                     count(*) filter (where st.step in ('REVIEW_REQUESTED', 'RE_REVIEW_REQUESTED')) as review_requested
                              from case_step st join supervised_case c on c.case_id = st.case_id
                              where c.locality_code like :prefix and st.at >= :s and st.at < :e) st,
                             (select count(*) filter (where a.alert = 'WARNING') as warnings,
                                     count(*) filter (where a.alert = 'OVERDUE') as overdue,
                                     count(*) filter (where a.alert = 'SUPERVISION_ORDER') as orders,
                                     count(*) filter (where a.alert like 'ESCALATED%') as escalations
                              from deadline_alert a join supervised_case c on c.case_id = a.case_id
                              where c.locality_code like :prefix and a.alert_day = :day) a,
                             (select count(*) as open_cases, count(*) filter (where c.overdue_since is not null) as overdue_now
                              from supervised_case c where c.locality_code like :prefix and c.due is not null) o
                        """, Object[].class)
                .setParameter("prefix", locality.prefix() + "%")
                .setParameter("s", start)
                .setParameter("e", end)
                .setParameter("day", day)
                .getSingleResult()))
                .map(r -> {
                    Map<String, Long> happened = new LinkedHashMap<>();
                    for (int i = 0; i < HAPPENED.size(); i++) {
                        happened.put(HAPPENED.get(i), ((Number) r[i]).longValue());
                    }
                    Map<String, Long> standing = new LinkedHashMap<>();
                    for (int i = 0; i < STANDING.size(); i++) {
                        standing.put(STANDING.get(i), ((Number) r[HAPPENED.size() + i]).longValue());
                    }
                    boolean zero = happened.values().stream().allMatch(v -> v == 0);
                    return new DailyReport(day.toString(), locality.prefix(), zero, happened, standing, finished,
                            Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
                });
    }

    private String write(DailyReport report) {
        try {
            return json.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private DailyReport read(String body) {
        try {
            DailyReport r = json.readValue(body, DailyReport.class);
            // jsonb keeps keys in its own order: give them back in the report's
            Map<String, Long> happened = new LinkedHashMap<>();
            HAPPENED.forEach(k -> happened.put(k, r.happened().getOrDefault(k, 0L)));
            Map<String, Long> standing = new LinkedHashMap<>();
            STANDING.forEach(k -> standing.put(k, r.standing().getOrDefault(k, 0L)));
            return new DailyReport(r.day(), r.locality(), r.zeroReport(), happened, standing, r.finalReport(), r.producedAt());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a kept daily report cannot be read", e);
        }
    }
}
