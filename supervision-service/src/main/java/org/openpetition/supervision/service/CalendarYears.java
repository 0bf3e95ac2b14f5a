package org.openpetition.supervision.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import org.openpetition.supervision.i18n.Texts;
import org.openpetition.supervision.repository.CalendarYearRepository;

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
    private final CalendarYearRepository store;

    public CalendarYears(WorkCalendar calendar, ObjectMapper json, CalendarYearRepository store) {
        this.calendar = calendar;
        this.json = json;
        this.store = store;
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
        return store.all()
                .invoke(rows -> rows.forEach(r -> {
                    int year = r.year();
                    JsonNode days = read(r.days());
                    String source = "loaded by " + r.loadedBy();
                    if (!days.equals(calendar.daysOf(year)) || !source.equals(calendar.sourceOf(year))) {
                        calendar.load(year, days, source);
                        LOG.infof("holiday calendar %d applied (%s)", year, source);
                    }
                }))
                .replaceWithVoid();
    }

    /** Checks a year's days (the problems in {@code texts}' language), keeps them (replacing an earlier load) and applies them here. */
    public Uni<Void> load(int year, JsonNode days, String user, Texts texts) {
        if (year < 2000 || year > 2100) {
            throw FieldException.of("year", texts.yearRange());
        }
        Map<String, String> problems = WorkCalendar.problems(year, days, texts);
        if (!problems.isEmpty()) {
            throw new FieldException(problems.entrySet().stream()
                    .map(e -> new org.openpetition.platform.problem.Problem.FieldError(e.getKey(), e.getValue())).toList());
        }
        return store.save(year, write(days), user)
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
