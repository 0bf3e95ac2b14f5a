package org.openpetition.intake.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;
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

    /** Never equal to a stored hash or phone: stands in for an empty list in SQL. */
    private static final String NONE = "-";

    private final RepeatConfig config;

    public RepeatDetection(RepeatConfig config) {
        this.config = config;
    }

    /** The earlier case, or null. Call inside the registration's session. */
    public Uni<UUID> earlierCase(Petition petition) {
        List<String> hashes = petition.petitioners.stream().map(p -> p.idNumberHash).filter(Objects::nonNull).toList();
        List<String> phones = petition.petitioners.stream().map(Petitioner::normalizedPhone).filter(Objects::nonNull).toList();
        if (hashes.isEmpty() && phones.isEmpty()) {
            return Uni.createFrom().nullItem(); // nothing identifies the petitioner
        }
        // the petitioner's earlier petitions first, in a query of their own: as one statement, a plan made from
        // stale statistics computed the similarity of every open petition of the county (11-56 ms per registration)
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        select distinct x.petition_id from petitioner x
                        where x.id_number_hash in (:hashes) or x.phone in (:phones)""", UUID.class)
                .setParameter("hashes", hashes.isEmpty() ? List.of(NONE) : hashes)
                .setParameter("phones", phones.isEmpty() ? List.of(NONE) : phones)
                .getResultList()
                .chain(candidates -> candidates.isEmpty() ? Uni.createFrom().<UUID>nullItem()
                        : mostSimilar(session, petition, candidates)));
    }

    /** The most similar, then oldest, original case among the petitions of the same petitioner. */
    private Uni<UUID> mostSimilar(Mutiny.Session session, Petition petition, List<UUID> candidates) {
        return session.createNativeQuery("""
                        select p.id from petition p
                        where p.id in (:candidates)
                          and left(p.locality_code, 6) = left(:locality, 6)
                          and p.repeat_of is null
                          and (p.closed_at is null and p.received_at > now() - make_interval(days => :openDays)
                               or p.closed_at > now() - make_interval(days => :days))
                          and similarity(p.content, :content) >= :threshold
                        order by similarity(p.content, :content) desc, p.received_at
                        limit 1""", UUID.class)
                .setParameter("candidates", candidates)
                .setParameter("locality", petition.localityCode)
                .setParameter("days", config.recentlyClosedDays())
                .setParameter("openDays", config.openWindowDays())
                .setParameter("content", petition.content)
                .setParameter("threshold", config.similarity())
                .getResultList()
                .map(found -> found.isEmpty() ? null : found.get(0));
    }

    public boolean isCollective(Petition petition) {
        return petition.petitioners.size() >= config.collectiveFrom();
    }
}
