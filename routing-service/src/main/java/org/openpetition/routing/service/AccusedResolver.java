package org.openpetition.routing.service;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.openpetition.contracts.event.PetitionSubmittedV1;
import org.openpetition.routing.directory.Directory;
import org.openpetition.routing.directory.DirectoryLeader;
import org.openpetition.routing.directory.DirectoryUnit;
import org.openpetition.routing.directory.Localities;

/**
 * 检举控告: finds the accused of an accusation in the directory before routing, since a citizen rarely
 * knows a unit's directory code. The unit: its code if the directory knows it; else its name, exactly,
 * then normalised (width, spaces and punctuation ignored), then as the one unit of the petition's
 * locality chain whose name contains the given name or is contained in it, lowest level first. The
 * official: the one leader of that chain with the given name (bracketed notes ignored). What matches several or none stays unresolved; routing then sends
 * the accusation to the discipline inspection body, never to a unit chosen by subject.
 */
public final class AccusedResolver {

    private AccusedResolver() {
    }

    /** The accused as found: unit code and leader id, each null when not found. */
    public record Resolved(String unitCode, String leaderId) {
        public static final Resolved NOBODY = new Resolved(null, null);
    }

    public static Resolved resolve(Directory directory, PetitionSubmittedV1.Accused accused, String petitionLocality) {
        if (accused == null) {
            return Resolved.NOBODY;
        }
        List<String> chain = directory.knowsLocality(petitionLocality) ? Localities.selfAndAncestors(petitionLocality) : List.of();
        String unit = unit(directory, accused, chain).map(DirectoryUnit::code).orElse(null);
        String leader = leader(directory, accused.officialName(), chain).map(DirectoryLeader::id).orElse(null);
        return new Resolved(unit, leader);
    }

    private static Optional<DirectoryUnit> unit(Directory directory, PetitionSubmittedV1.Accused accused, List<String> chain) {
        if (accused.unitCode() != null && !accused.unitCode().isBlank()) {
            Optional<DirectoryUnit> byCode = directory.unit(accused.unitCode().strip());
            if (byCode.isPresent()) {
                return byCode;
            }
        }
        String name = accused.unitName();
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        List<DirectoryUnit> candidates = new ArrayList<>();
        chain.forEach(level -> candidates.addAll(directory.unitsAt(level)));
        String given = name.strip();
        Optional<DirectoryUnit> exact = only(candidates.stream().filter(u -> u.name().equals(given)).toList());
        if (exact.isPresent()) {
            return exact;
        }
        String normal = normalise(given);
        if (normal.length() < 2) {
            return Optional.empty();
        }
        Optional<DirectoryUnit> normalised = only(candidates.stream().filter(u -> normalise(u.name()).equals(normal)).toList());
        if (normalised.isPresent()) {
            return normalised;
        }
        // the lowest level first: "住房和城乡建设局" given in 达川区 means 达川区's, not the city's
        for (String level : chain) {
            List<DirectoryUnit> found = directory.unitsAt(level).stream().filter(u -> {
                String n = normalise(u.name());
                return n.contains(normal) || normal.contains(n);
            }).toList();
            if (!found.isEmpty()) {
                return only(found);
            }
        }
        return Optional.empty();
    }

    private static Optional<DirectoryLeader> leader(Directory directory, String officialName, List<String> chain) {
        if (officialName == null || officialName.isBlank()) {
            return Optional.empty();
        }
        String normal = normalise(withoutNotes(officialName));
        List<DirectoryLeader> found = new ArrayList<>();
        chain.forEach(level -> directory.leadersAt(level).stream()
                .filter(l -> normalise(withoutNotes(l.name())).equals(normal)).forEach(found::add));
        return only(found);
    }

    /** A name without its bracketed notes: 陈立新（演示） is 陈立新. */
    private static String withoutNotes(String name) {
        return name.replaceAll("[（(][^）)]*[）)]", "");
    }

    private static <T> Optional<T> only(List<T> found) {
        return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
    }

    /** Full-width to half-width (NFKC), lower case, without spaces, punctuation and symbols. */
    static String normalise(String s) {
        String n = Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(java.util.Locale.ROOT);
        StringBuilder out = new StringBuilder(n.length());
        n.codePoints().filter(Character::isLetterOrDigit).forEach(out::appendCodePoint);
        return out.toString();
    }
}
