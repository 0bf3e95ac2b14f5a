package org.openpetition.supervision.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.ws.rs.NotFoundException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Predicate;
import org.openpetition.platform.outbox.OutboxRelay;
import org.openpetition.platform.problem.Problem;
import org.openpetition.platform.problem.ProblemException;
import org.openpetition.supervision.SupervisedCase;
import org.openpetition.supervision.i18n.Languages;
import org.openpetition.supervision.i18n.Texts;
import org.openpetition.supervision.repository.SupervisedCaseRepository;
import org.openpetition.supervision.service.StepLog.Taken;

/**
 * What the department and the next-higher body do with a case (受理、不予受理、延期、听证、答复、复查意见、复核意见):
 * each action loads the case locked, checks that the actor may act on it (their scope; for a review opinion,
 * the case's supervising body), applies the transition ({@link CaseTransitions}) and logs its steps
 * ({@link StepLog}), all in one transaction.
 */
@ApplicationScoped
public class DepartmentActions {

    /** Problem type of a review opinion recorded by a body that is not the case's supervising body. */
    public static final String NOT_THE_REVIEWING_BODY = "https://openpetition.org/problems/not-the-reviewing-body";

    /**
     * Who acts: the user's name, their department (if any), whether they may act on a given case (the
     * shared scope, docs/security.md), and the language they read.
     */
    public record Actor(String name, String departmentCode, Predicate<SupervisedCase> mayAct, Locale language) {
    }

    /** A transition applied at an instant, with the texts of the actor's language. */
    @FunctionalInterface
    private interface Change {
        List<Taken> apply(SupervisedCase c, Instant now, Texts texts);
    }

    private final SupervisedCaseRepository cases;
    private final CaseTransitions transitions;
    private final StepLog log;
    private final OutboxRelay relay;

    public DepartmentActions(SupervisedCaseRepository cases, CaseTransitions transitions, StepLog log, OutboxRelay relay) {
        this.cases = cases;
        this.transitions = transitions;
        this.log = log;
        this.relay = relay;
    }

    public Uni<SupervisedCase> accept(UUID caseId, Actor actor) {
        return act(caseId, actor, transitions::accept);
    }

    public Uni<SupervisedCase> notAccept(UUID caseId, String reason, Actor actor) {
        return act(caseId, actor, (c, now, texts) -> transitions.notAccept(c, now, reason, texts));
    }

    public Uni<SupervisedCase> extend(UUID caseId, int days, String reason, Actor actor) {
        return act(caseId, actor, (c, now, texts) -> transitions.extend(c, days, reason, texts));
    }

    public Uni<SupervisedCase> startHearing(UUID caseId, Actor actor) {
        return act(caseId, actor, transitions::startHearing);
    }

    public Uni<SupervisedCase> endHearing(UUID caseId, Actor actor) {
        return act(caseId, actor, transitions::endHearing);
    }

    public Uni<SupervisedCase> reply(UUID caseId, String text, Actor actor) {
        return act(caseId, actor, (c, now, texts) -> transitions.reply(c, now, text, texts));
    }

    public Uni<SupervisedCase> reviewOpinion(UUID caseId, String text, Actor actor) {
        return act(caseId, actor, (c, now, texts) -> {
            requireReviewingBody(c, actor, texts);
            return transitions.reviewOpinion(c, now, text, texts);
        });
    }

    public Uni<SupervisedCase> reReviewOpinion(UUID caseId, String text, Actor actor) {
        return act(caseId, actor, (c, now, texts) -> transitions.reReviewOpinion(c, now, text, texts));
    }

    private Uni<SupervisedCase> act(UUID caseId, Actor actor, Change change) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Texts texts = Languages.in(actor.language());
        return Panache.withTransaction(() -> cases.findById(caseId, LockModeType.PESSIMISTIC_WRITE)
                        .map(c -> c != null && actor.mayAct().test(c) ? c : null)
                        .onItem().ifNull().failWith(() -> new NotFoundException("no case " + caseId))
                        .chain(c -> {
                            if (c.status.isClosedForGood()) {
                                throw ProblemException.conflict(texts.caseClosedForGood());
                            }
                            return log.record(c, change.apply(c, now, texts), now, actor.name(),
                                    actor.departmentCode() != null ? actor.departmentCode() : c.departmentCode);
                        }))
                .invoke(relay::trigger);
    }

    /**
     * 复查 belongs to the supervising body (上级主管单位) of the case's department, as routing's directory
     * gave it in case.assigned.v1: a caller whose department claim names another body gets 403. A case
     * with no known supervising body (older producers, the top of a line) keeps the role and area check.
     * 复核 is the next body up, which supervision does not know: it keeps the role and area check only.
     */
    private static void requireReviewingBody(SupervisedCase c, Actor actor, Texts texts) {
        if (c.supervisingCode == null || c.supervisingCode.equals(actor.departmentCode())) {
            return;
        }
        String detail = actor.departmentCode() == null
                ? texts.notReviewingBodyNoDepartment(c.supervisingName, c.supervisingCode)
                : texts.notReviewingBodyOtherDepartment(c.supervisingName, c.supervisingCode, actor.departmentCode());
        throw new ProblemException(new Problem(NOT_THE_REVIEWING_BODY, texts.notReviewingBodyTitle(), 403, detail, null,
                List.of()));
    }
}
