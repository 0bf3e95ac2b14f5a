package org.openpetition.intake.service;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.openpetition.intake.Petition;
import org.openpetition.intake.Petitioner;
import org.openpetition.intake.config.RepeatConfig;

/**
 * Finds the earlier case a new petition repeats (重复访): a petition of the same petitioner (same
 * identity number, by its keyed hash, or same phone), in the same county, still open (received within
 * a year) or closed recently, whose content is similar (PostgreSQL trigram similarity). The petitioner indexes (hash,
 * phone as stored: digits only) find the candidates first, in a query of their own, and only those
 * are compared, so the cost does not grow with the number of petitions in the county. Without a
 * candidate, the usual case, there is no second query. The most similar, then the
 * oldest, wins; a repeat is always linked to an original case, never to another repeat.
 */
@ApplicationScoped
public class RepeatDetection {

    private final RepeatConfig config;
    private final Pool pool;

    public RepeatDetection(RepeatConfig config, Pool pool) {
        this.config = config;
        this.pool = pool;
    }

    /** The earlier case, or null. */
    public Uni<UUID> earlierCase(Petition petition) {
        String[] hashes = petition.petitioners.stream().map(p -> p.idNumberHash).filter(Objects::nonNull).toArray(String[]::new);
        String[] phones = petition.petitioners.stream().map(Petitioner::normalizedPhone).filter(Objects::nonNull)
                .toArray(String[]::new);
        if (hashes.length == 0 && phones.length == 0) {
            return Uni.createFrom().nullItem(); // nothing identifies the petitioner
        }
        // the petitioner's earlier petitions first, in a query of their own: as one statement, a plan made from
        // stale statistics computed the similarity of every open petition of the county (11-56 ms per registration)
        return pool.preparedQuery("""
                        select distinct x.petition_id from petitioner x
                        where x.id_number_hash = any($1::text[]) or x.phone = any($2::text[])""")
                .execute(Tuple.of(hashes, phones))
                .chain(rows -> {
                    List<UUID> candidates = new ArrayList<>();
                    rows.forEach(row -> candidates.add(row.getUUID(0)));
                    return candidates.isEmpty() ? Uni.createFrom().<UUID>nullItem() : mostSimilar(petition, candidates);
                });
    }

    /** The most similar, then oldest, original case among the petitions of the same petitioner. */
    private Uni<UUID> mostSimilar(Petition petition, List<UUID> candidates) {
        return pool.preparedQuery("""
                        select p.id from petition p
                        where p.id = any($1::uuid[])
                          and left(p.locality_code, 6) = left($2, 6)
                          and p.repeat_of is null
                          and (p.closed_at is null and p.received_at > now() - make_interval(days => $3)
                               or p.closed_at > now() - make_interval(days => $4))
                          and similarity(p.content, $5) >= $6
                        order by similarity(p.content, $5) desc, p.received_at
                        limit 1""")
                .execute(Tuple.tuple().addValue(candidates.toArray(UUID[]::new)).addValue(petition.localityCode)
                        .addValue(config.openWindowDays()).addValue(config.recentlyClosedDays())
                        .addValue(petition.content).addValue((float) config.similarity()))
                .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getUUID(0));
    }

    public boolean isCollective(Petition petition) {
        return petition.petitioners.size() >= config.collectiveFrom();
    }
}
