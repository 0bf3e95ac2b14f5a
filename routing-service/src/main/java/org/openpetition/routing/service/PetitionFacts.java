package org.openpetition.routing.service;

import org.openpetition.contracts.event.PetitionSubmittedV1;
import org.openpetition.routing.RoutingDecision;
import org.openpetition.routing.directory.Localities;

/**
 * What the routing rules look at in a petition.
 *
 * @param accusedUnitCode for an accusation: the accused unit as found in the directory ({@link AccusedResolver}),
 *                        null when it could not be found
 * @param accusedLeaderId for an accusation: the accused official as found among the directory's leaders, or null
 */
public record PetitionFacts(String kind, String subjectCategory, String localityCode, String accusedUnitCode,
                            String addressedToLocality, boolean collective, Integer households, boolean repeat,
                            String accusedLeaderId) {

    public PetitionFacts(String kind, String subjectCategory, String localityCode, String accusedUnitCode,
                         String addressedToLocality, boolean collective, Integer households, boolean repeat) {
        this(kind, subjectCategory, localityCode, accusedUnitCode, addressedToLocality, collective, households, repeat, null);
    }

    /** The petition's facts, with its accused (if any) as found in the directory. */
    public static PetitionFacts of(PetitionSubmittedV1 p, AccusedResolver.Resolved accused) {
        return new PetitionFacts(p.kind(), p.subjectCategory(), p.localityCode(), accused.unitCode(),
                Localities.canonical(blankToNull(p.addressedToLocality())), p.collective(), p.households(),
                p.repeatOfCaseId() != null, accused.leaderId());
    }

    /** The facts stored with a decision, to route the case again after a return. */
    public static PetitionFacts of(RoutingDecision d) {
        return new PetitionFacts(d.kind, d.subjectCategory, d.petitionLocalityCode, d.accusedUnitCode,
                d.addressedToLocality, d.collective, d.households, false, d.accusedLeaderId);
    }

    public PetitionFacts withCategory(String category) {
        return new PetitionFacts(kind, category, localityCode, accusedUnitCode, addressedToLocality, collective, households,
                repeat, accusedLeaderId);
    }

    public boolean isAccusation() {
        return "ACCUSATION".equals(kind);
    }

    /** 领导包案: collective petitions (集体访) and matters of three or more households. */
    public boolean needsOwningLeader() {
        return collective || (households != null && households >= 3);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
