package org.openpetition.supervision.indicators;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.ZoneId;
import org.jboss.logging.Logger;
import org.openpetition.platform.jobs.CoalescingJob;
import org.openpetition.contracts.rules.BeijingTime;
import org.openpetition.supervision.config.ReportConfig;
import org.openpetition.supervision.repository.IndicatorRepository;

/**
 * The daily roll-up of the indicators (per day, county and department). After midnight the days since
 * the last roll-up are rolled up, and the last {@code petition.reports.rollup-redo-days} days again: a
 * figure can still change within them (an evaluation given late by the broker, a reassignment). A
 * province or city reads the roll-up for the days before {@link #rolledUntil} and the cases for the rest.
 * Replicas take turns through an advisory lock.
 */
@ApplicationScoped
public class IndicatorRollup {

    private static final Logger LOG = Logger.getLogger(IndicatorRollup.class);
    /** The advisory lock that keeps two replicas from rolling up at once. */
    private static final long LOCK = 0x1d1ca7025L;

    private final IndicatorQuery query;
    private final IndicatorRepository repository;
    private final ReportConfig config;
    private final ZoneId zone;
    private final CoalescingJob job;

    public IndicatorRollup(IndicatorQuery query, IndicatorRepository repository, ReportConfig config, Vertx vertx) {
        this.query = query;
        this.repository = repository;
        this.config = config;
        this.zone = BeijingTime.ZONE;
        this.job = new CoalescingJob("indicator roll-up", vertx, () -> rollUp(LocalDate.now(zone)));
    }

    @Scheduled(cron = "${petition.reports.daily-cron:0 30 0 * * ?}", timeZone = BeijingTime.ZONE_ID,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        if (config.rollupEnabled()) {
            job.trigger();
        }
    }

    /** The first day not rolled up, or null before the first roll-up. */
    public Uni<LocalDate> rolledUntil() {
        return repository.rolledUntil();
    }

    /** Rolls up every finished day before {@code today} not yet rolled up, and the last days again; returns the days rolled. */
    public Uni<Integer> rollUp(LocalDate today) {
        return rolledUntil().chain(until -> {
            LocalDate first = until == null ? today.minusDays(config.rollupInitialDays())
                    : until.minusDays(config.rollupRedoDays());
            Uni<Integer> chain = Uni.createFrom().item(0);
            for (LocalDate day = first; day.isBefore(today); day = day.plusDays(1)) {
                LocalDate d = day;
                chain = chain.chain(n -> rollDay(d).map(rolled -> n + (rolled ? 1 : 0)));
            }
            return chain.invoke(n -> LOG.infof("indicators rolled up for %d days before %s", n, today));
        });
    }

    /** One day in one transaction, unless another replica holds the lock; moves rolled_until past it. */
    private Uni<Boolean> rollDay(LocalDate day) {
        return Panache.withTransaction(() -> repository.tryLock(LOCK).chain(locked -> !locked
                ? Uni.createFrom().item(false)
                : query.rollUp(day).chain(() -> repository.rolledUntil(day.plusDays(1))).replaceWith(true)));
    }

    /** Whether a locality's figures can come from the roll-up: a county or above, not broken into townships. */
    static boolean covers(DivisionPrefix locality, IndicatorQuery.Grouping grouping) {
        return locality.prefix().length() <= 6
                && (grouping != IndicatorQuery.Grouping.LOCALITY || locality.childLength() <= 6);
    }

}
