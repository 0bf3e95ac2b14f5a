package org.openpetition.supervision.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.ws.rs.NotFoundException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.jboss.logging.Logger;
import org.openpetition.contracts.CloudEvent;
import org.openpetition.contracts.Topics;
import org.openpetition.contracts.event.CaseLifecycleV1;
import org.openpetition.contracts.event.DepartmentCaseEventV1;
import org.openpetition.contracts.event.CaseLifecycleV1.Step;
import org.openpetition.contracts.event.PetitionerActionV1;
import org.openpetition.platform.inbox.ProcessedEvents;
import org.openpetition.platform.outbox.OutboxRelay;
import org.openpetition.platform.outbox.OutboxWriter;
import org.openpetition.platform.problem.FieldException;
import org.openpetition.platform.problem.Problem;
import org.openpetition.platform.problem.ProblemException;
import org.openpetition.supervision.CaseStep;
import org.openpetition.supervision.SupervisedCase;
import org.openpetition.supervision.SupervisedCase.CaseStatus;
import org.openpetition.supervision.SupervisedCase.DueKind;
import org.openpetition.supervision.repository.CaseStepRepository;
import org.openpetition.supervision.repository.SupervisedCaseRepository;

/**
 * The life of a case after assignment (DOMAIN.md): the department accepts or does not, may extend
 * once, holds hearings and replies; the petitioner evaluates and may ask for review and re-review; the
 * next-higher body gives its opinions; after re-review the case is final. Every step is checked
 * against the case's state (409 with the reason otherwise), logged as a {@link CaseStep}, moves the
 * running limit and is published as case.lifecycle.v1, all in one transaction.
 */
@ApplicationScoped
public class CaseLifecycle {

    static final String CONSUMER = "supervision-service";
    /** Problem type of a review opinion recorded by a body that is not the case's supervising body. */
    public static final String NOT_THE_REVIEWING_BODY = "https://openpetition.org/problems/not-the-reviewing-body";
    private static final Logger LOG = Logger.getLogger(CaseLifecycle.class);

    private final SupervisedCaseRepository cases;
    private final CaseStepRepository steps;
    private final CaseClock clock;
    private final OutboxWriter outbox;
    private final OutboxRelay relay;
    private final ProcessedEvents processed;
    private final EarlyWithdrawals withdrawals;

    public CaseLifecycle(SupervisedCaseRepository cases, CaseStepRepository steps, CaseClock clock, OutboxWriter outbox,
                         OutboxRelay relay, ProcessedEvents processed, EarlyWithdrawals withdrawals) {
        this.withdrawals = withdrawals;
        this.cases = cases;
        this.steps = steps;
        this.clock = clock;
        this.outbox = outbox;
        this.relay = relay;
        this.processed = processed;
    }

    /** Who acts: the user's name, their department (if any), and whether they may act on a given case. */
    public record Actor(String name, String departmentCode, Predicate<SupervisedCase> mayAct) {
    }

    /** A step taken: what, why, the written text. */
    record Taken(Step step, String reason, String text) {
    }

    /** A change of the case that checks its state, mutates it and says which steps it took. */
    @FunctionalInterface
    interface Change {
        List<Taken> apply(SupervisedCase c, Instant now);
    }

    public Uni<SupervisedCase> accept(UUID caseId, Actor actor) {
        return act(caseId, actor, (c, now) -> {
            require(c, CaseStatus.AWAITING_ACCEPTANCE, "只能受理待受理的案件 / only a case awaiting acceptance can be accepted");
            c.status = CaseStatus.IN_HANDLING;
            c.acceptedAt = now;
            c.acceptanceDecidedAt = now;
            clock.startHandling(c, now);
            return List.of(new Taken(Step.ACCEPTED, null, null));
        });
    }

    public Uni<SupervisedCase> notAccept(UUID caseId, String reason, Actor actor) {
        return act(caseId, actor, (c, now) -> {
            require(c, CaseStatus.AWAITING_ACCEPTANCE, "只能对待受理的案件作出不予受理 / only a case awaiting acceptance can be not accepted");
            c.status = CaseStatus.NOT_ACCEPTED;
            c.acceptanceDecidedAt = now;
            close(c, now);
            return List.of(new Taken(Step.NOT_ACCEPTED, reason, null));
        });
    }

    public Uni<SupervisedCase> extend(UUID caseId, int days, String reason, Actor actor) {
        return act(caseId, actor, (c, now) -> {
            require(c, CaseStatus.IN_HANDLING, "只能延长办理中案件的期限 / only a case in handling can be extended");
            if (c.extendedDays != null) {
                throw ProblemException.conflict("办理期限只能延长一次 / the handling limit can be extended only once");
            }
            int max = clock.limitsOf(c).maxExtensionDays();
            if (days < 1 || days > max) {
                throw FieldException.of("days",
                        "延期天数须在 1 到 " + max + " 之间 / an extension is 1 to " + max + " days");
            }
            clock.extend(c, days);
            return List.of(new Taken(Step.EXTENDED, reason, null));
        });
    }

    public Uni<SupervisedCase> startHearing(UUID caseId, Actor actor) {
        return act(caseId, actor, (c, now) -> {
            if (c.status != CaseStatus.IN_HANDLING && c.status != CaseStatus.UNDER_REVIEW
                    && c.status != CaseStatus.UNDER_RE_REVIEW) {
                throw ProblemException.conflict("只有办理、复查或复核中的案件可以听证 / a hearing is held only while a case is "
                        + "handled, reviewed or re-reviewed");
            }
            if (c.hearingStartedAt != null) {
                throw ProblemException.conflict("听证已在进行 / a hearing is already running");
            }
            if (c.due != null && clock.day(now).isAfter(c.due)) {
                throw ProblemException.conflict("期限已过（" + c.due + "），听证不能中止已超期的期限 / the limit ran out on "
                        + c.due + "; a hearing cannot stop an overdue clock");
            }
            clock.startHearing(c, now);
            return List.of(new Taken(Step.HEARING_STARTED, null, null));
        });
    }

    public Uni<SupervisedCase> endHearing(UUID caseId, Actor actor) {
        return act(caseId, actor, (c, now) -> {
            if (c.hearingStartedAt == null) {
                throw ProblemException.conflict("没有进行中的听证 / no hearing is running");
            }
            int days = clock.endHearing(c, now);
            return List.of(new Taken(Step.HEARING_ENDED, "听证 " + days + " 日不计入期限 / " + days
                    + " hearing days do not count", null));
        });
    }

    public Uni<SupervisedCase> reply(UUID caseId, String text, Actor actor) {
        return act(caseId, actor, (c, now) -> {
            require(c, CaseStatus.IN_HANDLING, "只能答复已受理、办理中的案件 / only an accepted case in handling can be replied to");
            noHearing(c);
            c.status = CaseStatus.REPLIED;
            c.repliedAt = now;
            close(c, now);
            return List.of(new Taken(Step.REPLIED, null, text));
        });
    }

    public Uni<SupervisedCase> reviewOpinion(UUID caseId, String text, Actor actor) {
        return act(caseId, actor, (c, now) -> {
            requireReviewingBody(c, actor);
            require(c, CaseStatus.UNDER_REVIEW, "只有申请复查的案件可以出具复查意见 / only a case under review gets a review opinion");
            noHearing(c);
            c.status = CaseStatus.REVIEWED;
            c.reviewedAt = now;
            close(c, now);
            return List.of(new Taken(Step.REVIEWED, null, text));
        });
    }

    /** The re-review opinion makes the case final (终结). */
    public Uni<SupervisedCase> reReviewOpinion(UUID caseId, String text, Actor actor) {
        return act(caseId, actor, (c, now) -> {
            require(c, CaseStatus.UNDER_RE_REVIEW, "只有申请复核的案件可以出具复核意见 / only a case under re-review gets a re-review opinion");
            noHearing(c);
            c.status = CaseStatus.FINAL;
            close(c, now);
            return List.of(new Taken(Step.RE_REVIEWED, null, text), new Taken(Step.FINAL,
                    "复核意见为终结意见，同一事项不再受理 / the re-review is final; the same matter is not accepted again", null));
        });
    }

    /** petition.action.v1: the petitioner's action, checked by intake, moves the clock. Applied once per event. */
    public Uni<Void> petitionerAction(String eventId, PetitionerActionV1 action) {
        return processed.applyOnce(CONSUMER, eventId, () -> cases.findById(action.caseId(), LockModeType.PESSIMISTIC_WRITE)
                .chain(c -> {
            if (c == null) {
                if (action.action() == PetitionerActionV1.Action.WITHDRAWN) {
                    // withdrawn before it was assigned: the case must not start a clock when the assignment arrives
                    return withdrawals.remember(action.caseId(), action.at());
                }
                LOG.warnf("petition.action.v1 %s for case %s, which is not on the clock; skipped", eventId, action.caseId());
                return Uni.createFrom().voidItem();
            }
            List<Taken> taken = petitionerChange(c, action);
            return record(c, taken, action.at(), "petitioner", c.departmentCode).replaceWithVoid();
        }));
    }

    private List<Taken> petitionerChange(SupervisedCase c, PetitionerActionV1 action) {
        Instant at = action.at();
        switch (action.action()) {
            case EVALUATED -> {
                c.evaluation = action.evaluation() == null ? null : action.evaluation().name();
                c.evaluatedAt = at;
                return List.of(new Taken(Step.EVALUATED, c.evaluation, null));
            }
            case REVIEW_REQUESTED -> {
                if (c.status != CaseStatus.REPLIED) {
                    return ignored(c, action);
                }
                c.status = CaseStatus.UNDER_REVIEW;
                c.reviewRequestedAt = at;
                c.closedAt = null;
                clock.startReview(c, at, DueKind.REVIEW);
                return List.of(new Taken(Step.REVIEW_REQUESTED, action.reason(), null));
            }
            case RE_REVIEW_REQUESTED -> {
                if (c.status != CaseStatus.REVIEWED) {
                    return ignored(c, action);
                }
                c.status = CaseStatus.UNDER_RE_REVIEW;
                c.reReviewRequestedAt = at;
                c.closedAt = null;
                clock.startReview(c, at, DueKind.RE_REVIEW);
                return List.of(new Taken(Step.RE_REVIEW_REQUESTED, action.reason(), null));
            }
            case WITHDRAWN -> {
                if (c.status.isClosedForGood()) {
                    return ignored(c, action);
                }
                c.status = CaseStatus.WITHDRAWN;
                close(c, at);
                return List.of(new Taken(Step.WITHDRAWN, action.reason(), null));
            }
            default -> {
                LOG.warnf("petition.action.v1 with the unknown action %s; skipped", action.action());
                return List.of();
            }
        }
    }

    /** An action that does not fit the case's state (intake checked it against an older state): no step. */
    private static List<Taken> ignored(SupervisedCase c, PetitionerActionV1 action) {
        LOG.warnf("petition.action.v1 %s on case %s in status %s changes nothing; no step recorded", action.action(),
                c.caseId, c.status);
        return List.of();
    }

    private Uni<SupervisedCase> act(UUID caseId, Actor actor, Change change) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return Panache.withTransaction(() -> cases.findById(caseId, LockModeType.PESSIMISTIC_WRITE)
                        .map(c -> c != null && actor.mayAct().test(c) ? c : null)
                        .onItem().ifNull().failWith(() -> new NotFoundException("no case " + caseId))
                        .chain(c -> {
                            if (c.status.isClosedForGood()) {
                                throw ProblemException.conflict("案件已终结或已撤回，不能再操作 / the case is final or withdrawn");
                            }
                            return record(c, change.apply(c, now), now, actor.name(),
                                    actor.departmentCode() != null ? actor.departmentCode() : c.departmentCode);
                        }))
                .invoke(relay::trigger);
    }

    /** The last day of the petitioner's window a step opens (复查申请, 复核申请), or null. */
    private LocalDate windowLastDay(SupervisedCase c, Step step, Instant at) {
        return switch (step) {
            case REPLIED -> clock.limitsOf(c).lastDayToRequestReview(at);
            case REVIEWED -> clock.limitsOf(c).lastDayToRequestReReview(at);
            default -> null;
        };
    }

    /** Logs the steps and publishes them (case.lifecycle.v1 and the department's feed), in the caller's transaction. */
    Uni<SupervisedCase> record(SupervisedCase c, List<Taken> taken, Instant at, String actor, String departmentCode) {
        List<Uni<?>> writes = new ArrayList<>();
        for (Taken t : taken) {
            CaseStep step = new CaseStep();
            step.id = UUID.randomUUID();
            step.caseId = c.caseId;
            step.step = t.step().name();
            step.at = at;
            step.actor = actor;
            step.departmentCode = departmentCode;
            step.reason = t.reason();
            step.text = t.text();
            writes.add(steps.persist(step));
            writes.add(outbox.append(Topics.CASE_LIFECYCLE_V1, CloudEvent.TYPE_CASE_LIFECYCLE_V1, c.caseId,
                    new CaseLifecycleV1(c.caseId, c.trackingCode, t.step(), at, departmentCode,
                            departmentCode.equals(c.departmentCode) ? c.departmentName
                                    : departmentCode.equals(c.supervisingCode) ? c.supervisingName : null, t.reason(),
                            clock.endOf(c.due), t.text(), windowLastDay(c, t.step(), at))));
            writes.add(outbox.append(Topics.departmentFeed(c.departmentCode), CloudEvent.TYPE_DEPARTMENT_CASE_V1, c.caseId,
                    new DepartmentCaseEventV1(c.caseId, c.trackingCode, c.departmentCode, t.step().name(), at, null,
                            c.localityCode, c.due, c.dueKind == null ? null : c.dueKind.name())));
        }
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Uni<?> write : writes) {
            chain = chain.chain(() -> write).replaceWithVoid();
        }
        return chain.replaceWith(c);
    }

    /**
     * 复查 belongs to the supervising body (上级主管单位) of the case's department, as routing's directory
     * gave it in case.assigned.v1: a caller whose department claim names another body gets 403. A case
     * with no known supervising body (older producers, the top of a line) keeps the role and area check.
     * 复核 is the next body up, which supervision does not know: it keeps the role and area check only.
     */
    private static void requireReviewingBody(SupervisedCase c, Actor actor) {
        if (c.supervisingCode == null || c.supervisingCode.equals(actor.departmentCode())) {
            return;
        }
        throw new ProblemException(new Problem(NOT_THE_REVIEWING_BODY, "不是本案的复查机关 / Not the case's reviewing body",
                403, "复查意见须由承办单位的上级主管单位 " + c.supervisingName + "（" + c.supervisingCode + "）出具，"
                + (actor.departmentCode() == null ? "调用者未载明所属单位" : "调用者属于 " + actor.departmentCode())
                + " / the review opinion is recorded by the supervising body of the case's department, "
                + c.supervisingCode + "; " + (actor.departmentCode() == null ? "the caller's token names no department"
                : "the caller's department is " + actor.departmentCode()), null, List.of()));
    }

    private static void require(SupervisedCase c, CaseStatus expected, String message) {
        if (c.status != expected) {
            throw ProblemException.conflict(message + "（当前 / now: " + c.status + "）");
        }
    }

    private static void noHearing(SupervisedCase c) {
        if (c.hearingStartedAt != null) {
            throw ProblemException.conflict("听证进行中，须先结束听证 / a hearing is running; end it first");
        }
    }

    private static void close(SupervisedCase c, Instant at) {
        c.closedAt = at;
        c.dueOn(null, null);
    }
}
