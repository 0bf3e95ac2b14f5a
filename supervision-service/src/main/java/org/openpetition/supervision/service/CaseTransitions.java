package org.openpetition.supervision.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.openpetition.contracts.CaseStatus;
import org.openpetition.contracts.event.CaseLifecycleV1.Step;
import org.openpetition.contracts.event.PetitionerActionV1;
import org.openpetition.platform.problem.FieldException;
import org.openpetition.platform.problem.ProblemException;
import org.openpetition.supervision.SupervisedCase;
import org.openpetition.supervision.SupervisedCase.DueKind;
import org.openpetition.supervision.i18n.Languages;
import org.openpetition.supervision.i18n.Texts;
import org.openpetition.supervision.service.StepLog.Taken;

/**
 * The state machine of a case after assignment (docs/domain.md): the department accepts or does not,
 * may extend once, holds hearings and replies; the petitioner evaluates and may ask for review and
 * re-review; the next-higher body gives its opinions; after re-review the case is final. Each transition
 * checks the case's state (409 with the reason in the caller's language otherwise), changes the case and
 * its running limit, and says which steps it took. No I/O: the callers load, log and store.
 */
@ApplicationScoped
public class CaseTransitions {

    private final CaseClock clock;

    public CaseTransitions(CaseClock clock) {
        this.clock = clock;
    }

    public List<Taken> accept(SupervisedCase c, Instant now, Texts texts) {
        require(c, CaseStatus.ASSIGNED, texts.acceptNeedsAssigned(c.status.name()));
        c.status = CaseStatus.ACCEPTED;
        c.acceptedAt = now;
        c.acceptanceDecidedAt = now;
        clock.startHandling(c, now);
        return List.of(new Taken(Step.ACCEPTED, null, null));
    }

    public List<Taken> notAccept(SupervisedCase c, Instant now, String reason, Texts texts) {
        require(c, CaseStatus.ASSIGNED, texts.notAcceptNeedsAssigned(c.status.name()));
        c.status = CaseStatus.NOT_ACCEPTED;
        c.acceptanceDecidedAt = now;
        close(c, now);
        return List.of(new Taken(Step.NOT_ACCEPTED, reason, null));
    }

    public List<Taken> extend(SupervisedCase c, int days, String reason, Texts texts) {
        require(c, CaseStatus.ACCEPTED, texts.extendNeedsAccepted(c.status.name()));
        if (c.extendedDays != null) {
            throw ProblemException.conflict(texts.extendedOnlyOnce());
        }
        int max = clock.limitsOf(c).maxExtensionDays();
        if (days < 1 || days > max) {
            throw FieldException.of("days", texts.extensionDays(max));
        }
        clock.extend(c, days);
        return List.of(new Taken(Step.EXTENDED, reason, null));
    }

    public List<Taken> startHearing(SupervisedCase c, Instant now, Texts texts) {
        if (c.status != CaseStatus.ACCEPTED && c.status != CaseStatus.UNDER_REVIEW
                && c.status != CaseStatus.UNDER_RE_REVIEW) {
            throw ProblemException.conflict(texts.hearingNeedsRunningLimit(c.status.name()));
        }
        if (c.hearingStartedAt != null) {
            throw ProblemException.conflict(texts.hearingAlreadyRunning());
        }
        if (c.due != null && clock.day(now).isAfter(c.due)) {
            throw ProblemException.conflict(texts.hearingAfterDue(c.due.toString()));
        }
        clock.startHearing(c, now);
        return List.of(new Taken(Step.HEARING_STARTED, null, null));
    }

    public List<Taken> endHearing(SupervisedCase c, Instant now, Texts texts) {
        if (c.hearingStartedAt == null) {
            throw ProblemException.conflict(texts.noHearingRunning());
        }
        int days = clock.endHearing(c, now);
        return List.of(new Taken(Step.HEARING_ENDED, Languages.ofRecords().hearingDaysNotCounted(days), null));
    }

    public List<Taken> reply(SupervisedCase c, Instant now, String text, Texts texts) {
        require(c, CaseStatus.ACCEPTED, texts.replyNeedsAccepted(c.status.name()));
        noHearing(c, texts);
        c.status = CaseStatus.REPLIED;
        clock.replied(c, now);
        close(c, now);
        return List.of(new Taken(Step.REPLIED, null, text));
    }

    public List<Taken> reviewOpinion(SupervisedCase c, Instant now, String text, Texts texts) {
        require(c, CaseStatus.UNDER_REVIEW, texts.reviewOpinionNeedsUnderReview(c.status.name()));
        noHearing(c, texts);
        c.status = CaseStatus.REVIEWED;
        c.reviewedAt = now;
        close(c, now);
        return List.of(new Taken(Step.REVIEWED, null, text));
    }

    /** The re-review opinion makes the case final (终结). */
    public List<Taken> reReviewOpinion(SupervisedCase c, Instant now, String text, Texts texts) {
        require(c, CaseStatus.UNDER_RE_REVIEW, texts.reReviewOpinionNeedsUnderReReview(c.status.name()));
        noHearing(c, texts);
        c.status = CaseStatus.FINAL;
        close(c, now);
        return List.of(new Taken(Step.RE_REVIEWED, null, text),
                new Taken(Step.FINAL, Languages.ofRecords().finalReason(), null));
    }

    /**
     * The petitioner's action (checked by intake against the petitioner's windows) applied to the case;
     * empty when it does not fit the case's state, or is a later version's action supervision does not know.
     */
    public Optional<List<Taken>> petitioner(SupervisedCase c, PetitionerActionV1 action) {
        Instant at = action.at();
        switch (action.action()) {
            case EVALUATED -> {
                c.evaluation = action.evaluation() == null ? null : action.evaluation().name();
                c.evaluatedAt = at;
                return Optional.of(List.of(new Taken(Step.EVALUATED, c.evaluation, null)));
            }
            case REVIEW_REQUESTED -> {
                if (c.status != CaseStatus.REPLIED) {
                    return Optional.empty();
                }
                c.reviewRequestedAt = at;
                return Optional.of(reopen(c, at, DueKind.REVIEW, Step.REVIEW_REQUESTED, action.reason()));
            }
            case RE_REVIEW_REQUESTED -> {
                if (c.status != CaseStatus.REVIEWED) {
                    return Optional.empty();
                }
                c.reReviewRequestedAt = at;
                return Optional.of(reopen(c, at, DueKind.RE_REVIEW, Step.RE_REVIEW_REQUESTED, action.reason()));
            }
            case WITHDRAWN -> {
                if (c.status.isClosedForGood()) {
                    return Optional.empty();
                }
                c.status = CaseStatus.WITHDRAWN;
                close(c, at);
                return Optional.of(List.of(new Taken(Step.WITHDRAWN, action.reason(), null)));
            }
            default -> {
                return Optional.empty();
            }
        }
    }

    /** A review or re-review request reopens the case: the body's opinion is due from the request. */
    private List<Taken> reopen(SupervisedCase c, Instant at, DueKind kind, Step step, String reason) {
        c.status = CaseStatus.after(step).orElseThrow();
        c.closedAt = null;
        clock.startReview(c, at, kind);
        return List.of(new Taken(step, reason, null));
    }

    private static void require(SupervisedCase c, CaseStatus expected, String message) {
        if (c.status != expected) {
            throw ProblemException.conflict(message);
        }
    }

    private static void noHearing(SupervisedCase c, Texts texts) {
        if (c.hearingStartedAt != null) {
            throw ProblemException.conflict(texts.endHearingFirst());
        }
    }

    private static void close(SupervisedCase c, Instant at) {
        c.closedAt = at;
        c.dueOn(null, null);
    }
}
