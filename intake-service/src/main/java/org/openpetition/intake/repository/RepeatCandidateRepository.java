package org.openpetition.intake.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The reads of the repeat check (重复访) on the reactive client, in two statements: the petitioner's earlier
 * petitions by the petitioner indexes (identity number hash, phone as stored: digits only), then the most
 * similar of those by PostgreSQL trigram similarity. Registration runs them for every petition.
 */
@ApplicationScoped
public class RepeatCandidateRepository {

    private static final String SAME_PETITIONER = """
            select distinct x.petition_id from petitioner x
            where x.id_number_hash = any($1::text[]) or x.phone = any($2::text[])""";

    private static final String MOST_SIMILAR = """
            select p.id from petition p
            where p.id = any($1::uuid[])
              and left(p.locality_code, 6) = left($2, 6)
              and p.repeat_of is null
              and (p.closed_at is null and p.received_at > now() - make_interval(days => $3)
                   or p.closed_at > now() - make_interval(days => $4))
              and similarity(p.content, $5) >= $6
            order by similarity(p.content, $5) desc, p.received_at
            limit 1""";

    private final Pool pool;

    public RepeatCandidateRepository(Pool pool) {
        this.pool = pool;
    }

    /** The petitions of any petitioner with one of these identity number hashes or phones. */
    public Uni<List<UUID>> samePetitioner(String[] idNumberHashes, String[] phones) {
        return pool.preparedQuery(SAME_PETITIONER).execute(Tuple.of(idNumberHashes, phones)).map(rows -> {
            List<UUID> ids = new ArrayList<>();
            rows.forEach(row -> ids.add(row.getUUID(0)));
            return ids;
        });
    }

    /**
     * The most similar, then oldest, original case (not itself a repeat) among the candidates, in the same
     * county (first six digits of the division code), still open and received within {@code openDays} or
     * closed within {@code closedDays}, with a similarity of at least {@code similarity}; or null.
     */
    public Uni<UUID> mostSimilar(List<UUID> candidates, String localityCode, String content, int openDays,
                                 int closedDays, double similarity) {
        return pool.preparedQuery(MOST_SIMILAR)
                .execute(Tuple.tuple().addValue(candidates.toArray(UUID[]::new)).addValue(localityCode)
                        .addValue(openDays).addValue(closedDays).addValue(content).addValue((float) similarity))
                .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getUUID(0));
    }
}
