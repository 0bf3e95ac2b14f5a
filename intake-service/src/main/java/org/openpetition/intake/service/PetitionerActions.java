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
import org.openpetition.contracts.CloudEvent;
import org.openpetition.contracts.Topics;
import org.openpetition.contracts.event.PetitionerActionV1;
import org.openpetition.intake.Petition;
import org.openpetition.contracts.rules.BeijingTime;
import org.openpetition.intake.PetitionStatus;
import org.openpetition.platform.rules.Limits;
import org.openpetition.platform.rules.TimeLimits;
import org.openpetition.intake.PetitionerAction;
import org.openpetition.intake.StatusEntry;
import org.openpetition.intake.repository.PetitionRepository;
import org.openpetition.intake.repository.StatusEntryRepository;
import org.openpetition.platform.outbox.OutboxRelay;
import org.openpetition.platform.outbox.OutboxWriter;
import org.openpetition.platform.problem.FieldException;
import org.openpetition.platform.problem.ProblemException;

/**
 * The petitioner's actions after registration: evaluate the reply, request review or re-review within
 * their windows, withdraw an open case. Each is checked against the case's state, recorded on the
 * timeline and published as petition.action.v1 through the outbox, in one transaction.
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
                        .call(petition -> statuses.persist(StatusEntry.of(petition.id, now, petition.status, null,
                                note(request))))
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
                requireWithin(petition.repliedAt, limits(petition).reviewRequestDays(), now, "评价");
                petition.evaluation = request.evaluation().name();
                petition.evaluatedAt = now;
                if (petition.status == PetitionStatus.REPLIED) { // a review already under way keeps its status
                    petition.status = PetitionStatus.EVALUATED;
                }
            }
            case REQUEST_REVIEW -> {
                requireReply(petition, "尚未答复，暂不能申请复查 / there is no reply to review yet");
                if (petition.reviewRequestedAt != null) {
                    throw ProblemException.conflict("已申请复查 / review has been requested already");
                }
                requireWithin(petition.repliedAt, limits(petition).reviewRequestDays(), now, "复查申请");
                petition.reviewRequestedAt = now;
                petition.status = PetitionStatus.REVIEW_REQUESTED;
                petition.closedAt = null; // open again until the review opinion
            }
            case REQUEST_RE_REVIEW -> {
                if (petition.reviewedAt == null) {
                    throw ProblemException.conflict("尚无复查意见，暂不能申请复核 / there is no review opinion to re-review yet");
                }
                if (petition.reReviewRequestedAt != null) {
                    throw ProblemException.conflict("已申请复核 / re-review has been requested already");
                }
                requireWithin(petition.reviewedAt, limits(petition).reReviewRequestDays(), now, "复核申请");
                petition.reReviewRequestedAt = now;
                petition.status = PetitionStatus.RE_REVIEW_REQUESTED;
                petition.closedAt = null;
            }
            case WITHDRAW -> {
                if (petition.closedAt != null) {
                    throw ProblemException.conflict("案件已办结，无需撤回 / the case is closed; there is nothing to withdraw");
                }
                petition.status = PetitionStatus.WITHDRAWN;
                petition.closedAt = now;
            }
        }
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

    /** The window counts from the next day, Beijing time; the last day counts whole ({@link Limits}). */
    private static void requireWithin(Instant from, int days, Instant now, String what) {
        LocalDate lastDay = Limits.lastDayOfWindow(from, days);
        if (LocalDate.ofInstant(now, BeijingTime.ZONE).isAfter(lastDay)) {
            throw ProblemException.conflict(what + "期限已过（" + days + " 日，截至 " + lastDay + "）/ the window of " + days
                    + " days closed on " + lastDay);
        }
    }

    private static String note(Request request) {
        if (request.evaluation() == null) {
            return null; // the petitioner's own words stay off the public timeline
        }
        return switch (request.evaluation()) {
            case SATISFIED -> "满意 / Satisfied";
            case BASICALLY_SATISFIED -> "基本满意 / Basically satisfied";
            case DISSATISFIED -> "不满意 / Dissatisfied";
            case UNKNOWN -> null;
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
