package org.openpetition.portal.services;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A dispatcher's decision sent to routing-service with the dispatcher's token: 转送 to a unit, or 交办 with an
 * acceptance deadline; the same call reassigns a case already assigned. The units a dispatcher may choose
 * come from the directory of the case's locality and the levels above it.
 */
@ApplicationScoped
public class Assignments {

    private final ServiceCalls services;

    public Assignments(ServiceCalls services) {
        this.services = services;
    }

    public Uni<Answer> assign(String caseId, String departmentCode, String reason, String acceptanceDue, String bearer) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("departmentCode", blankToNull(departmentCode));
        body.put("reason", blankToNull(reason));
        body.put("acceptanceDue", blankToNull(acceptanceDue));
        return services.post(Service.ROUTING, "/api/assignments/" + caseId + "/assign", body, bearer);
    }

    /** The units of the locality and every level above it, lowest level first (with the caller's token). */
    public Uni<Answer> units(String locality, String bearer) {
        return services.get(Service.ROUTING, "/api/directory/units", Map.of("locality", locality == null ? "" : locality), bearer);
    }

    /** What a dispatcher typed into the assignment form of one case, to show it again with the problems. */
    public static Map<String, String> typed(String caseId, String departmentCode, String reason, String acceptanceDue) {
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("caseId", caseId);
        typed.put("departmentCode", departmentCode == null ? "" : departmentCode);
        typed.put("reason", reason == null ? "" : reason);
        typed.put("acceptanceDue", acceptanceDue == null ? "" : acceptanceDue);
        return typed;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
