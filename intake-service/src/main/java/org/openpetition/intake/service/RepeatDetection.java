package org.openpetition.intake.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Objects;
import java.util.UUID;
import org.openpetition.intake.Petition;
import org.openpetition.intake.Petitioner;
import org.openpetition.intake.config.RepeatConfig;
import org.openpetition.intake.repository.RepeatCandidateRepository;

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
    private final RepeatCandidateRepository candidates;

    public RepeatDetection(RepeatConfig config, RepeatCandidateRepository candidates) {
        this.config = config;
        this.candidates = candidates;
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
        // stale statistics computed the similarity of every open petition of the county
        return candidates.samePetitioner(hashes, phones)
                .chain(found -> found.isEmpty() ? Uni.createFrom().<UUID>nullItem()
                        : candidates.mostSimilar(found, petition.localityCode, petition.content, config.openWindowDays(),
                                config.recentlyClosedDays(), config.similarity()));
    }

    public boolean isCollective(Petition petition) {
        return petition.petitioners.size() >= config.collectiveFrom();
    }
}
