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
import org.openpetition.supervision.repository.DailyReportRepository;

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
    private final DailyReportRepository store;

    public DailyReports(ReportConfig config, ObjectMapper json, OutboxWriter outbox, OutboxRelay relay,
                        DailyReportRepository store, Vertx vertx) {
        this.store = store;
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
        return store.body(day, locality.prefix())
                .chain(kept -> {
                    if (kept.isPresent()) {
                        return Uni.createFrom().item(read(kept.get()));
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
        return compute(day, locality, true).chain(report -> Panache.withTransaction(() -> store
                        .insert(day, locality.prefix(), report.zeroReport(), write(report))
                        .chain(stored -> {
                            if (!stored) {
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
        return store.figures(locality.prefix() + "%", start, end, day)
                .map(r -> {
                    Map<String, Long> happened = new LinkedHashMap<>();
                    for (int i = 0; i < HAPPENED.size(); i++) {
                        happened.put(HAPPENED.get(i), r.get(i));
                    }
                    Map<String, Long> standing = new LinkedHashMap<>();
                    for (int i = 0; i < STANDING.size(); i++) {
                        standing.put(STANDING.get(i), r.get(HAPPENED.size() + i));
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
