package org.openpetition.routing.service;

import org.openpetition.contracts.event.PetitionSubmittedV1;
import org.openpetition.routing.RoutingDecision;
import org.openpetition.routing.directory.Localities;

/** What the routing rules look at in a petition. */
public record PetitionFacts(String kind, String subjectCategory, String localityCode, String accusedUnitCode,
                            String addressedToLocality, boolean collective, Integer households, boolean repeat) {

    public static PetitionFacts of(PetitionSubmittedV1 p) {
        return new PetitionFacts(p.kind(), p.subjectCategory(), p.localityCode(),
                p.accused() == null ? null : blankToNull(p.accused().unitCode()), Localities.canonical(blankToNull(p.addressedToLocality())),
                p.collective(), p.households(), p.repeatOfCaseId() != null);
    }

    /** The facts stored with a decision, to route the case again after a return. */
    public static PetitionFacts of(RoutingDecision d) {
        return new PetitionFacts(d.kind, d.subjectCategory, d.petitionLocalityCode, d.accusedUnitCode,
                d.addressedToLocality, d.collective, d.households, false);
    }

    public PetitionFacts withCategory(String category) {
        return new PetitionFacts(kind, category, localityCode, accusedUnitCode, addressedToLocality, collective, households, repeat);
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
