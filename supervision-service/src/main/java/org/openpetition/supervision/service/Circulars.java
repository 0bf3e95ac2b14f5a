package org.openpetition.supervision.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.openpetition.contracts.CloudEvent;
import org.openpetition.contracts.Topics;
import org.openpetition.contracts.event.CircularV1;
import org.openpetition.contracts.event.UnitContact;
import org.openpetition.platform.jobs.CoalescingJob;
import org.openpetition.platform.outbox.OutboxRelay;
import org.openpetition.platform.outbox.OutboxWriter;
import org.openpetition.supervision.config.CircularConfig;
import org.openpetition.contracts.rules.BeijingTime;
import org.openpetition.supervision.config.ReportConfig;
import org.openpetition.supervision.indicators.DivisionPrefix;
import org.openpetition.supervision.repository.CircularRepository;
import org.openpetition.supervision.repository.OverdueCircular;

/**
 * Issues the circular of overdue units (超期通报) as supervision.circular.v1 through the outbox, kept in
 * the table {@code circular}: weekly on a schedule for the daily reports' localities, and when a
 * supervisor issues one. A scheduled circular is unique per area and period, so replicas running the
 * schedule issue it once: the row and its outbox event are written in one transaction, by whichever
 * replica stores the row first.
 */
@ApplicationScoped
public class Circulars {

    private static final Logger LOG = Logger.getLogger(Circulars.class);
    static final String SCHEDULE = "schedule";

    private final OverdueCircular circular;
    private final CircularRepository store;
    private final OutboxWriter outbox;
    private final OutboxRelay relay;
    private final ObjectMapper json;
    private final CircularConfig config;
    private final ReportConfig reports;
    private final ZoneId zone;
    private final CoalescingJob job;

    public Circulars(OverdueCircular circular, CircularRepository store, OutboxWriter outbox, OutboxRelay relay, ObjectMapper json,
                     CircularConfig config, ReportConfig reports, Vertx vertx) {
        this.circular = circular;
        this.store = store;
        this.outbox = outbox;
        this.relay = relay;
        this.json = json;
        this.config = config;
        this.reports = reports;
        this.zone = BeijingTime.ZONE;
        this.job = new CoalescingJob("circulars", vertx, () -> issueScheduled(LocalDate.now(zone)));
    }

    @Scheduled(cron = "${petition.circular.cron:0 0 8 ? * MON}", timeZone = BeijingTime.ZONE_ID,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        if (config.enabled()) {
            job.trigger();
        }
    }

    /**
     * The scheduled circulars issued on {@code today}: for each configured locality, the
     * {@code petition.circular.period-days} days before today. Returns how many this process issued.
     */
    public Uni<Integer> issueScheduled(LocalDate today) {
        LocalDate to = today.minusDays(1);
        LocalDate from = today.minusDays(config.periodDays());
        Uni<Integer> chain = Uni.createFrom().item(0);
        for (String locality : reports.dailyLocalities()) {
            DivisionPrefix prefix = DivisionPrefix.parse("petition.reports.daily-localities", locality.equals("-") ? "" : locality);
            chain = chain.chain(n -> issue(prefix, from, to, SCHEDULE, true).map(issued -> n + (issued.isPresent() ? 1 : 0)));
        }
        return chain.invoke(n -> LOG.infof("circulars of %s to %s: %d issued", from, to, n));
    }

    /**
     * Issues the circular of an area and period: stores it and its outbox event in one transaction. A
     * scheduled one that another replica issued already is not issued again (empty).
     */
    public Uni<Optional<CircularV1>> issue(DivisionPrefix area, LocalDate from, LocalDate to, String issuedBy,
                                           boolean scheduled) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return circular.of(from, to, area.prefix()).chain(lines -> {
            CircularV1 issued = new CircularV1(UUID.randomUUID(), area.prefix(), from, to, now,
                    lines.stream().map(Circulars::line).toList());
            return Panache.withTransaction(() -> store.insert(issued.circularId(), area.prefix(), from, to, scheduled,
                            issuedBy, now, write(issued))
                    .chain(stored -> stored
                            ? outbox.append(Topics.SUPERVISION_CIRCULAR_V1, CloudEvent.TYPE_SUPERVISION_CIRCULAR_V1,
                                    issued.circularId(), issued).replaceWith(Optional.of(issued))
                            : Uni.createFrom().item(Optional.<CircularV1>empty())));
        }).invoke(issued -> issued.ifPresent(c -> {
            LOG.infof("circular %s of '%s' %s to %s issued by %s: %d units", c.circularId(), c.localityPrefix(), from, to,
                    issuedBy, c.lines().size());
            relay.trigger();
        }));
    }

    /** A circular as it was issued, or empty. */
    public Uni<Optional<CircularV1>> find(UUID circularId) {
        return store.body(circularId).map(body -> body.map(this::read));
    }

    private static CircularV1.Line line(OverdueCircular.Line l) {
        return new CircularV1.Line(new UnitContact(l.departmentCode(), l.departmentName(), l.departmentEmail()),
                l.localityCode(), l.overdueNow(), l.supervisionOrders(), l.escalations(),
                l.supervisingCode() == null ? null : new UnitContact(l.supervisingCode(), l.supervisingName(),
                        l.supervisingEmail()));
    }

    private String write(CircularV1 c) {
        try {
            return json.writeValueAsString(c);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private CircularV1 read(String body) {
        try {
            return json.readValue(body, CircularV1.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a kept circular cannot be read", e);
        }
    }
}
