package org.openpetition.supervision.service;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.openpetition.platform.security.CaseFacts;
import org.openpetition.supervision.SupervisedCase;

/**
 * The facts of a supervised case that the shared scope decides on (docs/security.md). Supervision does
 * not know the accused of an accusation: routing never assigns one to the accused unit's line, and the
 * case's units are the only units that see it here.
 */
public final class CaseScopeFacts {

    private CaseScopeFacts() {
    }

    public static CaseFacts of(SupervisedCase c) {
        Set<String> former = c.formerDepartments == null || c.formerDepartments.isEmpty() ? Set.of()
                : Arrays.stream(c.formerDepartments.split(",")).collect(Collectors.toSet());
        return new CaseFacts(c.departmentCode, former, c.localityCode, c.localityCode, null, null, false,
                c.supervisingCode, c.owningLeaderId, false, null, null);
    }
}
