package org.openpetition.supervision.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The table {@code calendar_year}: the holiday calendars an administrator loaded, as JSON. */
@ApplicationScoped
public class CalendarYearRepository {

    /** A loaded year: its days (JSON text) and who loaded it. */
    public record Loaded(int year, String days, String loadedBy) {
    }

    public Uni<List<Loaded>> all() {
        return Panache.withSession(() -> Panache.getSession().chain(session -> session.createNativeQuery(
                        "select year, cast(days as text), loaded_by from calendar_year order by year", Object[].class)
                .getResultList()))
                .map(rows -> rows.stream().map(r -> new Loaded(((Number) r[0]).intValue(), (String) r[1], (String) r[2]))
                        .toList());
    }

    /** Keeps a year's days, replacing an earlier load, in a transaction of its own. */
    public Uni<Void> save(int year, String days, String user) {
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session.createNativeQuery("""
                        insert into calendar_year (year, days, loaded_at, loaded_by)
                        values (:year, cast(cast(:days as text) as jsonb), now(), :user)
                        on conflict (year) do update set days = excluded.days, loaded_at = excluded.loaded_at,
                                                        loaded_by = excluded.loaded_by""")
                .setParameter("year", year)
                .setParameter("days", days)
                .setParameter("user", user)
                .executeUpdate())).replaceWithVoid();
    }
}
