package org.openpetition.supervision.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.openpetition.contracts.CloudEvent;
import org.openpetition.contracts.Topics;
import org.openpetition.contracts.event.CaseLifecycleV1;
import org.openpetition.contracts.event.CaseLifecycleV1.Step;
import org.openpetition.contracts.event.DepartmentCaseEventV1;
import org.openpetition.platform.outbox.OutboxWriter;
import org.openpetition.supervision.CaseStep;
import org.openpetition.supervision.SupervisedCase;
import org.openpetition.supervision.repository.CaseStepRepository;

/**
 * The step log of the cases: every step taken is kept as a {@link CaseStep} (the audit trail) and
 * published as case.lifecycle.v1 and on the department's feed, in the caller's transaction.
 */
@ApplicationScoped
public class StepLog {

    /** A step taken: what, why (Chinese, as the event carries one reason), the written text. */
    public record Taken(Step step, String reason, String text) {
    }

    private final CaseStepRepository steps;
    private final CaseClock clock;
    private final OutboxWriter outbox;

    public StepLog(CaseStepRepository steps, CaseClock clock, OutboxWriter outbox) {
        this.steps = steps;
        this.clock = clock;
        this.outbox = outbox;
    }

    /** Logs the steps taken on {@code c} at {@code at} by {@code actor} of {@code departmentCode} and publishes them. */
    public Uni<SupervisedCase> record(SupervisedCase c, List<Taken> taken, Instant at, String actor, String departmentCode) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Taken t : taken) {
            chain = chain.chain(() -> steps.persist(step(c, t, at, actor, departmentCode)))
                    .chain(() -> outbox.append(Topics.CASE_LIFECYCLE_V1, CloudEvent.TYPE_CASE_LIFECYCLE_V1, c.caseId,
                            new CaseLifecycleV1(c.caseId, c.trackingCode, t.step(), at, departmentCode,
                                    unitName(c, departmentCode), t.reason(), clock.endOf(c.due), t.text(),
                                    windowLastDay(c, t.step(), at))))
                    .chain(() -> outbox.append(Topics.departmentFeed(c.departmentCode), CloudEvent.TYPE_DEPARTMENT_CASE_V1,
                            c.caseId, new DepartmentCaseEventV1(c.caseId, c.trackingCode, c.departmentCode, t.step().name(),
                                    at, null, c.localityCode, c.due, c.dueKind == null ? null : c.dueKind.name())))
                    .replaceWithVoid();
        }
        return chain.replaceWith(c);
    }

    private static CaseStep step(SupervisedCase c, Taken t, Instant at, String actor, String departmentCode) {
        CaseStep step = new CaseStep();
        step.id = UUID.randomUUID();
        step.caseId = c.caseId;
        step.step = t.step().name();
        step.at = at;
        step.actor = actor;
        step.departmentCode = departmentCode;
        step.reason = t.reason();
        step.text = t.text();
        return step;
    }

    /** The name of the unit that took the step, when supervision knows it: the case's department or its supervising body. */
    private static String unitName(SupervisedCase c, String departmentCode) {
        return departmentCode.equals(c.departmentCode) ? c.departmentName
                : departmentCode.equals(c.supervisingCode) ? c.supervisingName : null;
    }

    /** The last day of the petitioner's window a step opens (复查申请, 复核申请), or null. */
    private LocalDate windowLastDay(SupervisedCase c, Step step, Instant at) {
        return switch (step) {
            case REPLIED -> c.evaluationWindowLastDay;
            case REVIEWED -> clock.limitsOf(c).lastDayToRequestReReview(at);
            default -> null;
        };
    }
}
