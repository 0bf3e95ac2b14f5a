package org.openpetition.intake.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The table {@code rate_limit_window}: request counters per bucket and fixed window, on the reactive client
 * (every limited request counts in one statement).
 */
@ApplicationScoped
public class RateLimitRepository {

    private static final String COUNT = """
            insert into rate_limit_window as w (bucket, window_start, window_end, hits)
            select b, $2, $3, 1 from unnest($1::text[]) as b
            on conflict (bucket, window_start) do update set hits = w.hits + 1
            returning bucket, hits""";

    private static final String PURGE = """
            delete from rate_limit_window where (bucket, window_start) in (
                select bucket, window_start from rate_limit_window where window_end < $1 limit $2)""";

    private final Pool pool;

    public RateLimitRepository(Pool pool) {
        this.pool = pool;
    }

    /** Counts one hit in each bucket's window [start, end); returns each bucket's hits now. */
    public Uni<Map<String, Integer>> count(List<String> buckets, Instant start, Instant end) {
        return pool.preparedQuery(COUNT)
                .execute(Tuple.of(buckets.toArray(String[]::new), TrackingLockoutRepository.utc(start),
                        TrackingLockoutRepository.utc(end)))
                .map(rows -> {
                    Map<String, Integer> hits = new HashMap<>();
                    for (Row row : rows) {
                        hits.put(row.getString("bucket"), row.getInteger("hits"));
                    }
                    return hits;
                });
    }

    /** Deletes up to {@code batch} counters of windows that ended before {@code now}. */
    public Uni<Integer> purge(Instant now, int batch) {
        return pool.preparedQuery(PURGE).execute(Tuple.of(TrackingLockoutRepository.utc(now), batch))
                .map(rows -> rows.rowCount());
    }
}
