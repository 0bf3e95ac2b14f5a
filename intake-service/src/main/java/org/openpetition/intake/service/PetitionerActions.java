package org.openpetition.intake.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.ws.rs.NotFoundException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.function.Predicate;
import org.openpetition.contracts.CaseStatus;
import org.openpetition.contracts.CloudEvent;
import org.openpetition.contracts.Topics;
import org.openpetition.contracts.event.CaseLifecycleV1;
import org.openpetition.contracts.event.PetitionerActionV1;
import org.openpetition.intake.Petition;
import org.openpetition.contracts.rules.BeijingTime;
import org.openpetition.platform.rules.Limits;
import org.openpetition.platform.rules.TimeLimits;
import org.openpetition.intake.PetitionerAction;
import org.openpetition.intake.StatusEntry;
import org.openpetition.intake.TimelineStep;
import org.openpetition.intake.repository.PetitionRepository;
import org.openpetition.intake.repository.StatusEntryRepository;
import org.openpetition.platform.outbox.OutboxRelay;
import org.openpetition.platform.outbox.OutboxWriter;
import org.openpetition.platform.problem.FieldException;
import org.openpetition.platform.problem.ProblemException;

/**
 * The petitioner's actions after registration: evaluate the reply, request review or re-review within
 * their windows, withdraw an open case. Intake is the one place that checks them: the case's state and the
 * window of the case's jurisdiction ({@link TimeLimits#forLocality}). Each action moves the case to the
 * status {@link CaseStatus#after} names for its step, is recorded on the timeline as what the petitioner
 * did and is published as petition.action.v1 through the outbox, in one transaction.
 */
@ApplicationScoped
public class PetitionerActions {

    private final PetitionRepository petitions;
    private final StatusEntryRepository statuses;
    private final OutboxWriter outbox;
    private final OutboxRelay relay;
    private final TimeLimits timeLimits;

    public PetitionerActions(PetitionRepository petitions, StatusEntryRepository statuses, OutboxWriter outbox,
                             OutboxRelay relay, TimeLimits timeLimits) {
        this.petitions = petitions;
        this.statuses = statuses;
        this.outbox = outbox;
        this.relay = relay;
        this.timeLimits = timeLimits;
    }

    /** One request: the action, the evaluation (for EVALUATE) and the petitioner's reason. */
    public record Request(PetitionerAction action, PetitionerActionV1.Evaluation evaluation, String reason) {
    }

    /**
     * Applies the action to the case, if {@code mayAct} allows the caller to act on it.
     *
     * @param recordedBy ONLINE (the petitioner) or CLERK (recorded for them)
     */
    public Uni<Petition> apply(UUID caseId, Request request, String recordedBy, Predicate<Petition> mayAct) {
        if (request.action() == PetitionerAction.EVALUATE
                && (request.evaluation() == null || request.evaluation() == PetitionerActionV1.Evaluation.UNKNOWN)) {
            return Uni.createFrom().failure(FieldException.of("evaluation",
                    "评价时须选择满意、基本满意或不满意 / EVALUATE needs SATISFIED, BASICALLY_SATISFIED or DISSATISFIED"));
        }
        if (request.action() != PetitionerAction.EVALUATE && request.evaluation() != null) {
            return Uni.createFrom().failure(FieldException.of("evaluation",
                    "仅评价时填写 / only with EVALUATE"));
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return Panache.withTransaction(() -> petitions.findById(caseId, LockModeType.PESSIMISTIC_WRITE)
                        .map(petition -> petition != null && mayAct.test(petition) ? petition : null)
                        .onItem().ifNull().failWith(() -> new NotFoundException("no petition " + caseId))
                        .invoke(petition -> change(petition, request, now))
                        .call(petition -> statuses.persist(timelineEntry(petition, request, now)))
                        .call(petition -> outbox.append(Topics.PETITION_ACTION_V1, CloudEvent.TYPE_PETITION_ACTION_V1,
                                petition.id, new PetitionerActionV1(petition.id, petition.trackingCode,
                                        eventAction(request.action()), now,
                                        request.evaluation(),
                                        request.reason(), recordedBy))))
                .invoke(relay::trigger);
    }

    /** Checks the state and the window, then changes the case. */
    private void change(Petition petition, Request request, Instant now) {
        if (petition.isTerminal()) {
            throw ProblemException.conflict("案件已终结或已撤回，不能再操作 / the case is final or withdrawn; nothing more can be done");
        }
        switch (request.action()) {
            case EVALUATE -> {
                requireReply(petition, "尚未答复，暂不能评价 / there is no reply to evaluate yet");
                if (petition.evaluatedAt != null) {
                    throw ProblemException.conflict("答复已评价，不能重复评价 / the reply has been evaluated already");
                }
                Limits limits = limits(petition);
                requireWithin(limits.lastDayToRequestReview(petition.repliedAt), limits.reviewRequestDays(), now, "评价");
                petition.evaluation = request.evaluation().name();
                petition.evaluatedAt = now;
            }
            case REQUEST_REVIEW -> {
                requireReply(petition, "尚未答复，暂不能申请复查 / there is no reply to review yet");
                if (petition.reviewRequestedAt != null) {
                    throw ProblemException.conflict("已申请复查 / review has been requested already");
                }
                Limits limits = limits(petition);
                requireWithin(limits.lastDayToRequestReview(petition.repliedAt), limits.reviewRequestDays(), now,
                        "复查申请");
                petition.reviewRequestedAt = now;
                petition.closedAt = null; // open again until the review opinion
            }
            case REQUEST_RE_REVIEW -> {
                if (petition.reviewedAt == null) {
                    throw ProblemException.conflict("尚无复查意见，暂不能申请复核 / there is no review opinion to re-review yet");
                }
                if (petition.reReviewRequestedAt != null) {
                    throw ProblemException.conflict("已申请复核 / re-review has been requested already");
                }
                Limits limits = limits(petition);
                requireWithin(limits.lastDayToRequestReReview(petition.reviewedAt), limits.reReviewRequestDays(), now,
                        "复核申请");
                petition.reReviewRequestedAt = now;
                petition.closedAt = null;
            }
            case WITHDRAW -> {
                if (petition.closedAt != null) {
                    throw ProblemException.conflict("案件已办结，无需撤回 / the case is closed; there is nothing to withdraw");
                }
                petition.closedAt = now;
            }
        }
        // an evaluation leaves the status as it is (a review may be under way already)
        CaseStatus.after(step(request.action())).ifPresent(status -> petition.status = status);
    }

    private static void requireReply(Petition petition, String message) {
        if (petition.repliedAt == null) {
            throw ProblemException.conflict(message);
        }
    }

    /** The windows of the petition's jurisdiction (petition.deadlines.*, its overrides included). */
    private Limits limits(Petition petition) {
        return timeLimits.forLocality(petition.localityCode);
    }

    /** The window's last day (Beijing time, {@link Limits}) counts whole. */
    private static void requireWithin(LocalDate lastDay, int days, Instant now, String what) {
        if (LocalDate.ofInstant(now, BeijingTime.ZONE).isAfter(lastDay)) {
            throw ProblemException.conflict(what + "期限已过（" + days + " 日，截至 " + lastDay + "）/ the window of " + days
                    + " days closed on " + lastDay);
        }
    }

    /**
     * What the petitioner did, on the timeline: the evaluation as its code (the labels come from the message
     * bundle); the petitioner's own words stay off the public timeline.
     */
    private static StatusEntry timelineEntry(Petition petition, Request request, Instant at) {
        StatusEntry entry = StatusEntry.of(petition.id, at, switch (request.action()) {
            case EVALUATE -> TimelineStep.EVALUATED;
            case REQUEST_REVIEW -> TimelineStep.REVIEW_REQUESTED;
            case REQUEST_RE_REVIEW -> TimelineStep.RE_REVIEW_REQUESTED;
            case WITHDRAW -> TimelineStep.WITHDRAWN;
        }, null);
        entry.evaluation = request.evaluation();
        return entry;
    }

    /** The lifecycle step the action is. */
    private static CaseLifecycleV1.Step step(PetitionerAction action) {
        return switch (action) {
            case EVALUATE -> CaseLifecycleV1.Step.EVALUATED;
            case REQUEST_REVIEW -> CaseLifecycleV1.Step.REVIEW_REQUESTED;
            case REQUEST_RE_REVIEW -> CaseLifecycleV1.Step.RE_REVIEW_REQUESTED;
            case WITHDRAW -> CaseLifecycleV1.Step.WITHDRAWN;
        };
    }

    private static PetitionerActionV1.Action eventAction(PetitionerAction action) {
        return switch (action) {
            case EVALUATE -> PetitionerActionV1.Action.EVALUATED;
            case REQUEST_REVIEW -> PetitionerActionV1.Action.REVIEW_REQUESTED;
            case REQUEST_RE_REVIEW -> PetitionerActionV1.Action.RE_REVIEW_REQUESTED;
            case WITHDRAW -> PetitionerActionV1.Action.WITHDRAWN;
        };
    }
}
