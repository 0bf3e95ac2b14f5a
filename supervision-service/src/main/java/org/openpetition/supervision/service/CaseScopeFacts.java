package org.openpetition.supervision.service;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.openpetition.platform.security.CaseFacts;
import org.openpetition.supervision.SupervisedCase;

/**
 * The facts of a supervised case that the shared scope decides on (docs/security.md). Of an accusation
 * supervision knows the accused unit's code as the petitioner gave it (petition.submitted.v1), not the
 * unit's line nor the accused official (it holds no directory): routing never assigns an accusation to
 * the accused unit's line, and here the accused unit itself is refused. The list filtered in the database
 * reads the same facts from their columns ({@code CaseListRepository.SCOPE_COLUMNS}).
 */
public final class CaseScopeFacts {

    private CaseScopeFacts() {
    }

    public static CaseFacts of(SupervisedCase c) {
        Set<String> former = c.formerDepartments == null || c.formerDepartments.isEmpty() ? Set.of()
                : Arrays.stream(c.formerDepartments.split(",")).collect(Collectors.toSet());
        return new CaseFacts(c.departmentCode, former, c.localityCode, c.localityCode, null, null, false,
                c.supervisingCode, c.owningLeaderId, c.accusation(), CaseFacts.onlyUnit(c.accusedUnitCode), null);
    }
}
