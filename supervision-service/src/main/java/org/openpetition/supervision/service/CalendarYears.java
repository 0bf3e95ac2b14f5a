package org.openpetition.supervision.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.openpetition.platform.problem.FieldException;
import org.openpetition.supervision.calendar.WorkCalendar;

/**
 * Holiday calendars loaded by an administrator (the State Council publishes next year's arrangement
 * each autumn): checked, kept in the database, and applied in this replica at once and in the others
 * within {@code petition.calendar.refresh-every}. A loaded year replaces the shipped one.
 *
 * <p>Deadlines are computed when a limit starts: a limit that started before its end year was loaded
 * keeps the date computed then (only weekends were known as rest days for an unknown year).
 */
@ApplicationScoped
public class CalendarYears {

    private static final Logger LOG = Logger.getLogger(CalendarYears.class);

    private final WorkCalendar calendar;
    private final ObjectMapper json;

    public CalendarYears(WorkCalendar calendar, ObjectMapper json) {
        this.calendar = calendar;
        this.json = json;
    }

    void onStart(@Observes StartupEvent start) throws Throwable {
        VertxContextSupport.subscribeAndAwait(this::refresh);
    }

    @Scheduled(every = "${petition.calendar.refresh-every:5m}", delayed = "${petition.calendar.refresh-every:5m}",
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> scheduledRefresh() {
        return refresh().onFailure().invoke(e -> LOG.warnf("calendar refresh failed: %s", e.getMessage()))
                .onFailure().recoverWithNull();
    }

    /** Applies every year kept in the database that differs from what this replica knows. */
    public Uni<Void> refresh() {
        return Panache.withSession(() -> Panache.getSession().chain(session -> session.createNativeQuery(
                        "select year, cast(days as text), loaded_by from calendar_year order by year", Object[].class)
                .getResultList()))
                .invoke(rows -> rows.forEach(r -> {
                    int year = ((Number) r[0]).intValue();
                    JsonNode days = read((String) r[1]);
                    String source = "loaded by " + r[2];
                    if (!days.equals(calendar.daysOf(year)) || !source.equals(calendar.sourceOf(year))) {
                        calendar.load(year, days, source);
                        LOG.infof("holiday calendar %d applied (%s)", year, source);
                    }
                }))
                .replaceWithVoid();
    }

    /** Checks a year's days, keeps them (replacing an earlier load) and applies them here. */
    public Uni<Void> load(int year, JsonNode days, String user) {
        if (year < 2000 || year > 2100) {
            throw FieldException.of("year", "须在 2000 到 2100 之间 / must be from 2000 to 2100");
        }
        Map<String, String> problems = WorkCalendar.problems(year, days);
        if (!problems.isEmpty()) {
            throw new FieldException(problems.entrySet().stream()
                    .map(e -> new org.openpetition.platform.problem.Problem.FieldError(e.getKey(), e.getValue())).toList());
        }
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session.createNativeQuery("""
                        insert into calendar_year (year, days, loaded_at, loaded_by) values (:year, cast(cast(:days as text) as jsonb), now(), :user)
                        on conflict (year) do update set days = excluded.days, loaded_at = excluded.loaded_at,
                                                        loaded_by = excluded.loaded_by""")
                        .setParameter("year", year)
                        .setParameter("days", write(days))
                        .setParameter("user", user)
                        .executeUpdate()))
                .invoke(() -> {
                    calendar.load(year, days, "loaded by " + user);
                    LOG.infof("holiday calendar %d loaded by %s", year, user);
                })
                .replaceWithVoid();
    }

    private JsonNode read(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a kept calendar cannot be read", e);
        }
    }

    private String write(JsonNode days) {
        try {
            return json.writeValueAsString(days);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The years known and where each came from. */
    public List<Map<String, Object>> years() {
        return calendar.years().stream().sorted().map(y -> Map.<String, Object>of("year", y, "source", calendar.sourceOf(y)))
                .toList();
    }
}
