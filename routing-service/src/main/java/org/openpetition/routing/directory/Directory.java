package org.openpetition.routing.directory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An immutable in-memory snapshot of the jurisdiction directory, indexed for the routing rules:
 * every known division code, the units by locality and remit category, the discipline inspection
 * bodies, the leaders, and the supervising chains. The rules read only this, never the database.
 */
public final class Directory {

    private final long version;
    private final DivisionCodes divisions;
    private final Map<String, String> divisionNames;
    private final Map<String, DirectoryUnit> units;
    private final Map<String, Map<String, List<DirectoryUnit>>> byLocalityAndCategory = new HashMap<>();
    private final Map<String, List<DirectoryUnit>> disciplineByLocality = new HashMap<>();
    private final Map<String, List<DirectoryUnit>> unitsByLocality = new HashMap<>();
    private final Map<String, List<DirectoryLeader>> leadersByLocality = new HashMap<>();
    private final Map<String, DirectoryLeader> leaders = new HashMap<>();

    private final Set<String> townshipsWithVillages;

    public Directory(long version, DivisionCodes divisions, Map<String, String> divisionNames, Set<String> townshipsWithVillages,
                     Collection<DirectoryUnit> units, Collection<DirectoryLeader> leaders) {
        this.version = version;
        this.divisions = divisions;
        this.townshipsWithVillages = townshipsWithVillages;
        this.divisionNames = divisionNames;
        this.units = new HashMap<>();
        Comparator<DirectoryUnit> byCode = Comparator.comparing(DirectoryUnit::code);
        for (DirectoryUnit unit : units.stream().sorted(byCode).toList()) {
            this.units.put(unit.code(), unit);
            unitsByLocality.computeIfAbsent(unit.localityCode(), k -> new ArrayList<>()).add(unit);
            var categories = byLocalityAndCategory.computeIfAbsent(unit.localityCode(), k -> new HashMap<>());
            for (String category : unit.remit()) {
                categories.computeIfAbsent(category, k -> new ArrayList<>()).add(unit);
            }
            if (unit.kind() == DirectoryUnit.Kind.DISCIPLINE_INSPECTION) {
                disciplineByLocality.computeIfAbsent(unit.localityCode(), k -> new ArrayList<>()).add(unit);
            }
        }
        for (DirectoryLeader leader : leaders.stream().sorted(Comparator.comparing(DirectoryLeader::id)).toList()) {
            this.leaders.put(leader.id(), leader);
            leadersByLocality.computeIfAbsent(leader.localityCode(), k -> new ArrayList<>()).add(leader);
        }
    }

    public long version() {
        return version;
    }

    /** True if the division code is in the directory. */
    public boolean knowsDivision(String code) {
        return divisions.contains(code);
    }

    /**
     * True if a petition from this code can be routed: a known division, or a village code (12 digits)
     * of a known township whose villages have not been imported (the shipped directory stops at townships).
     */
    public boolean knowsLocality(String code) {
        if (divisions.contains(code)) {
            return true;
        }
        if (Localities.level(code) != 5) {
            return false;
        }
        String township = Localities.parent(code);
        return divisions.contains(township) && !townshipsWithVillages.contains(township);
    }

    public int divisionCount() {
        return divisions.size();
    }

    /** "四川省达州市达川区": the known names of the division's chain, province first; null if none is known. */
    public String divisionName(String code) {
        StringBuilder label = new StringBuilder();
        List<String> chain = Localities.selfAndAncestors(code);
        for (int i = chain.size() - 1; i >= 0; i--) {
            String name = divisionNames.get(chain.get(i));
            if (name != null && !"市辖区".equals(name) && !"县".equals(name)) {
                label.append(name);
            }
        }
        return label.isEmpty() ? null : label.toString();
    }

    public Optional<DirectoryUnit> unit(String code) {
        return Optional.ofNullable(code == null ? null : units.get(code));
    }

    public int unitCount() {
        return units.size();
    }

    /** The units at the locality whose remit names exactly this category, by code. */
    public List<DirectoryUnit> competent(String localityCode, String category) {
        var categories = byLocalityAndCategory.get(localityCode);
        return categories == null ? List.of() : categories.getOrDefault(category, List.of());
    }

    /** Every unit at the locality, by code. */
    public List<DirectoryUnit> unitsAt(String localityCode) {
        return unitsByLocality.getOrDefault(localityCode, List.of());
    }

    /**
     * The units at the locality and every level above it whose name contains {@code text} (all of them when
     * the text is blank), lowest level first, at most {@code limit}.
     */
    public List<DirectoryUnit> unitsNamed(String text, String localityCode, int limit) {
        String needle = text == null ? "" : text.strip();
        List<DirectoryUnit> found = new ArrayList<>();
        for (String level : Localities.selfAndAncestors(localityCode)) {
            for (DirectoryUnit unit : unitsAt(level)) {
                if (found.size() < limit && unit.name().contains(needle)) {
                    found.add(unit);
                }
            }
        }
        return found;
    }

    /** The discipline inspection bodies (纪委监委) at the locality. */
    public List<DirectoryUnit> disciplineBodies(String localityCode) {
        return disciplineByLocality.getOrDefault(localityCode, List.of());
    }

    public List<DirectoryLeader> leadersAt(String localityCode) {
        return leadersByLocality.getOrDefault(localityCode, List.of());
    }

    public Optional<DirectoryLeader> leader(String id) {
        return Optional.ofNullable(id == null ? null : leaders.get(id));
    }

    /**
     * True if {@code unitCode} is {@code topCode} or under it: {@code topCode} is on its chain of
     * supervising bodies. A cycle (refused at import) ends the walk.
     */
    public boolean isSelfOrUnder(String unitCode, String topCode) {
        Set<String> seen = new HashSet<>();
        String current = unitCode;
        while (current != null && seen.add(current)) {
            if (current.equals(topCode)) {
                return true;
            }
            DirectoryUnit unit = units.get(current);
            current = unit == null ? null : unit.supervisingCode();
        }
        return false;
    }
}
