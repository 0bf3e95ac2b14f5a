package org.openpetition.routing.directory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openpetition.contracts.taxonomy.SubjectCategories;
import org.openpetition.platform.problem.Problem;
import org.openpetition.routing.directory.UnitImport.LeaderRow;
import org.openpetition.routing.directory.UnitImport.UnitRow;

/**
 * The checks of a bulk import, all at once so that an administrator sees every problem: required
 * fields, unknown division codes, unknown kinds, a unit without a remit or with a category the taxonomy
 * does not know, unknown supervising bodies, and cycles in the chains of supervising bodies.
 */
final class UnitImportCheck {

    private static final SubjectCategories TAXONOMY = SubjectCategories.shipped();

    private final Set<String> knownDivisions;
    private final Map<String, String> supervising;
    private final List<Problem.FieldError> errors = new ArrayList<>();

    /** @param supervising every unit already in the directory and its supervising body */
    UnitImportCheck(Set<String> knownDivisions, Map<String, String> supervising) {
        this.knownDivisions = knownDivisions;
        this.supervising = new HashMap<>(supervising);
    }

    List<Problem.FieldError> check(List<UnitRow> units, List<LeaderRow> leaders) {
        Set<String> codes = new HashSet<>();
        for (UnitRow u : units) {
            if (blank(u.code())) {
                errors.add(new Problem.FieldError(u.field() + ".code", "必填 / required"));
                continue;
            }
            if (!codes.add(u.code())) {
                errors.add(new Problem.FieldError(u.field() + ".code", "重复的单位代码 / duplicate unit code " + u.code()));
            }
            supervising.put(u.code(), blank(u.supervisingCode()) ? null : u.supervisingCode());
        }
        for (UnitRow u : units) {
            required(u.field() + ".name", u.name());
            required(u.field() + ".email", u.email());
            division(u.field() + ".localityCode", u.localityCode());
            try {
                DirectoryUnit.Kind.valueOf(u.kind() == null ? "" : u.kind());
            } catch (IllegalArgumentException e) {
                errors.add(new Problem.FieldError(u.field() + ".kind", "须为以下之一 / must be one of DEPARTMENT, PETITION_OFFICE,"
                        + " DISCIPLINE_INSPECTION"));
            }
            if (u.remit() == null || u.remit().isEmpty()) {
                errors.add(new Problem.FieldError(u.field() + ".remit", "单位须有职责范围 / a unit needs at least one subject category"));
            } else {
                u.remit().stream().filter(c -> TAXONOMY.find(c).isEmpty()).forEach(c -> errors.add(new Problem.FieldError(
                        u.field() + ".remit", "未知的事项分类 / unknown subject category " + c)));
            }
            if (!blank(u.supervisingCode()) && !blank(u.code())) {
                if (!supervising.containsKey(u.supervisingCode())) {
                    errors.add(new Problem.FieldError(u.field() + ".supervisingCode",
                            "上级主管单位不存在 / unknown supervising body " + u.supervisingCode()));
                } else {
                    cycle(u);
                }
            }
        }
        for (LeaderRow l : leaders) {
            required(l.field() + ".id", l.id());
            required(l.field() + ".name", l.name());
            required(l.field() + ".title", l.title());
            division(l.field() + ".localityCode", l.localityCode());
        }
        return errors;
    }

    private void cycle(UnitRow u) {
        Set<String> chain = new LinkedHashSet<>();
        String current = u.code();
        while (current != null) {
            if (!chain.add(current)) {
                errors.add(new Problem.FieldError(u.field() + ".supervisingCode", "上级主管单位形成循环 / the supervising bodies"
                        + " form a cycle: " + String.join(" → ", chain) + " → " + current));
                return;
            }
            current = supervising.get(current);
        }
    }

    private void division(String field, String code) {
        if (blank(code)) {
            errors.add(new Problem.FieldError(field, "必填 / required"));
        } else if (!knownDivisions.contains(code)) {
            errors.add(new Problem.FieldError(field, "未知的行政区划代码 / unknown division code " + code));
        }
    }

    private void required(String field, String value) {
        if (blank(value)) {
            errors.add(new Problem.FieldError(field, "必填 / required"));
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
