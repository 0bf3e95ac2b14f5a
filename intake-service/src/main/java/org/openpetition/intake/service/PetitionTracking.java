package org.openpetition.intake.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.ws.rs.NotFoundException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.jboss.logging.Logger;
import org.openpetition.contracts.CaseStatus;
import org.openpetition.contracts.Topics;
import org.openpetition.contracts.event.CaseAssignedV1;
import org.openpetition.contracts.event.CaseDivertedV1;
import org.openpetition.contracts.event.CaseLifecycleV1;
import org.openpetition.intake.Petition;
import org.openpetition.intake.StatusEntry;
import org.openpetition.intake.TimelineStep;
import org.openpetition.intake.repository.PetitionRepository;
import org.openpetition.intake.repository.StatusEntryRepository;
import org.openpetition.platform.inbox.ProcessedEvents;
import org.openpetition.platform.security.Roles;

/**
 * The petitioner's view of a case: found by tracking code and query secret, kept up to date from the
 * case topics.
 */
@ApplicationScoped
public class PetitionTracking {

    static final String CONSUMER = "intake-service";
    private static final Logger LOG = Logger.getLogger(PetitionTracking.class);
    /** The steps other services take that the petitioner's timeline shows, as it shows them. */
    private static final Map<CaseLifecycleV1.Step, TimelineStep> TIMELINE_STEPS = new EnumMap<>(Map.of(
            CaseLifecycleV1.Step.ACCEPTED, TimelineStep.ACCEPTED,
            CaseLifecycleV1.Step.NOT_ACCEPTED, TimelineStep.NOT_ACCEPTED,
            CaseLifecycleV1.Step.EXTENDED, TimelineStep.EXTENDED,
            CaseLifecycleV1.Step.REPLIED, TimelineStep.REPLIED,
            CaseLifecycleV1.Step.REVIEWED, TimelineStep.REVIEWED,
            CaseLifecycleV1.Step.RE_REVIEWED, TimelineStep.RE_REVIEWED,
            CaseLifecycleV1.Step.FINAL, TimelineStep.FINAL));

    private final PetitionRepository petitions;
    private final StatusEntryRepository statuses;
    private final ProcessedEvents processed;
    private final PersonalDataProtection protection;
    private final TrackingLockout lockout;

    public PetitionTracking(PetitionRepository petitions, StatusEntryRepository statuses, ProcessedEvents processed,
                            PersonalDataProtection protection, TrackingLockout lockout) {
        this.lockout = lockout;
        this.petitions = petitions;
        this.statuses = statuses;
        this.processed = processed;
        this.protection = protection;
    }

    /** The petition and its timeline; an unknown code and a wrong secret fail alike (404). */
    public Uni<Tracked> track(String trackingCode, String querySecret) {
        return authenticate(trackingCode, querySecret).chain(this::tracked);
    }

    /**
     * The petition whose receipt this is; an unknown code and a wrong secret fail alike (404) and count
     * towards the code's lock-out; a locked code fails with 429 whatever the secret ({@link TrackingLockout}).
     */
    public Uni<Petition> authenticate(String trackingCode, String querySecret) {
        return lockout.check(trackingCode).chain(failures -> Panache.withSession(() -> petitions.findByTrackingCode(trackingCode)
                        .map(petition -> petition != null && secretMatches(petition, querySecret) ? petition : null))
                .chain(petition -> {
                    if (petition == null) {
                        return lockout.failed(trackingCode).chain(() -> Uni.createFrom().<Petition>failure(
                                new NotFoundException("no petition with this tracking code and query secret")));
                    }
                    return failures > 0 ? lockout.cleared(trackingCode).replaceWith(petition) : Uni.createFrom().item(petition);
                }));
    }

    /**
     * The petition, where it stands and its timeline, for a caller already allowed to see it. A repeat petition
     * (重复访) is handled with the earlier case: its timeline says so after the registration, naming the body
     * that handles the earlier case and, when both came from the same online account, the earlier tracking
     * code (never another person's), and its status follows the earlier case, as long as nothing has happened
     * to the repeat itself (it stands registered: not withdrawn, not diverted).
     */
    public Uni<Tracked> tracked(Petition petition) {
        return Panache.withSession(() -> statuses.timeline(petition.id)
                .chain(timeline -> withEarlierCase(petition, timeline)));
    }

    private Uni<Tracked> withEarlierCase(Petition petition, List<StatusEntry> timeline) {
        Tracked own = new Tracked(petition, petition.status, timeline);
        if (petition.repeatOf == null || petition.status != CaseStatus.REGISTERED) {
            return Uni.createFrom().item(own);
        }
        return petitions.findById(petition.repeatOf).map(earlier -> earlier == null ? own : linked(petition, earlier, timeline));
    }

    private static Tracked linked(Petition petition, Petition earlier, List<StatusEntry> timeline) {
        boolean sameAccount = Roles.CITIZEN.equals(petition.registeredByRole) && Roles.CITIZEN.equals(earlier.registeredByRole)
                && petition.registeredBy != null && petition.registeredBy.equals(earlier.registeredBy);
        String note = sameAccount ? "与您先前提出的信访事项（查询码 " + earlier.trackingCode + "）一并办理"
                : "与正在办理的同一信访事项一并办理";
        String noteEn = sameAccount ? "Handled with your earlier petition (tracking code " + earlier.trackingCode + ")"
                : "Handled with the same matter, which is already being handled";
        StatusEntry step = StatusEntry.of(petition.id, petition.receivedAt, TimelineStep.LINKED_TO_EARLIER,
                earlier.assignedDepartmentName, note, noteEn);
        List<StatusEntry> steps = new ArrayList<>(timeline);
        int afterRegistration = 0;
        while (afterRegistration < steps.size() && steps.get(afterRegistration).step == TimelineStep.REGISTERED) {
            afterRegistration++;
        }
        steps.add(afterRegistration, step);
        CaseStatus status = earlier.status == null ? petition.status : earlier.status;
        return new Tracked(petition, status, steps);
    }

    /** case.assigned.v1: the case went to the competent body. */
    public Uni<Void> assigned(String eventId, CaseAssignedV1 assigned) {
        return onPetition(Topics.CASE_ASSIGNED_V1, eventId, assigned.caseId(), petition -> {
            if (!petition.isTerminal()) {
                petition.status = CaseStatus.ASSIGNED;
            }
            petition.assignedDepartmentCode = assigned.departmentCode();
            petition.competentLocality = assigned.localityCode();
            petition.owningLeaderId = assigned.owningLeader() == null ? null : assigned.owningLeader().id();
            petition.supervisingBody = assigned.supervisingBody() == null ? null : assigned.supervisingBody().code();
            petition.assignedDepartmentName = assigned.departmentName();
            return statuses.persist(StatusEntry.of(petition.id, assigned.assignedAt(), TimelineStep.ASSIGNED,
                    assigned.departmentName()));
        });
    }

    /**
     * case.diverted.v1 (诉访分离): the matter belongs to a legal channel, so no department will handle it as a
     * petition. The timeline shows the guidance routing gave (no personal data: it names the channel, not the
     * petitioner), and the petition counts as closed. Older producers wrote the guidance
     * as "中文 / English" and no English text; it is shown as it came.
     */
    public Uni<Void> diverted(String eventId, CaseDivertedV1 diverted) {
        return onPetition(Topics.CASE_DIVERTED_V1, eventId, diverted.caseId(), petition -> {
            if (!petition.isTerminal()) {
                petition.status = CaseStatus.DIVERTED;
            }
            petition.closedAt = petition.closedAt == null ? diverted.divertedAt() : petition.closedAt;
            return statuses.persist(StatusEntry.of(petition.id, diverted.divertedAt(), TimelineStep.DIVERTED,
                    null, diverted.guidance(), diverted.guidanceEn()));
        });
    }

    /**
     * case.lifecycle.v1: a step of the case after assignment; opens and closes the petitioner's windows.
     * The petitioner's own actions come back on this topic too; intake recorded them already and skips
     * them, as it skips steps that are not part of the petitioner's timeline (hearings) or unknown.
     */
    public Uni<Void> lifecycle(String eventId, CaseLifecycleV1 event) {
        CaseLifecycleV1.Step step = event.step();
        TimelineStep shown = step == null ? null : TIMELINE_STEPS.get(step);
        if (shown == null) {
            return processed.applyOnce(CONSUMER, eventId, () -> Uni.createFrom().voidItem());
        }
        return onPetition(Topics.CASE_LIFECYCLE_V1, eventId, event.caseId(), petition -> {
            apply(petition, step, event.at());
            return statuses.persist(StatusEntry.of(petition.id, event.at(), shown, event.departmentName(), event.reason(),
                    null));
        });
    }

    /**
     * Applies an event of a case topic once (processed-event mark), to its petition locked for the change;
     * an event for a case intake does not know is logged and skipped.
     */
    private Uni<Void> onPetition(String topic, String eventId, UUID caseId, Function<Petition, Uni<?>> change) {
        return processed.applyOnce(CONSUMER, eventId, () -> petitions.findById(caseId, LockModeType.PESSIMISTIC_WRITE)
                .chain(petition -> {
                    if (petition == null) {
                        LOG.warnf("%s %s for case %s, which intake does not know; skipped", topic, eventId, caseId);
                        return Uni.createFrom().voidItem();
                    }
                    return change.apply(petition).replaceWithVoid();
                }));
    }

    /**
     * Moves the petition to the status the step leaves it in ({@link CaseStatus#after}; a final or withdrawn
     * case keeps its status) and keeps its windows.
     */
    private static void apply(Petition petition, CaseLifecycleV1.Step step, Instant at) {
        switch (step) {
            case REPLIED -> {
                petition.repliedAt = at;
                petition.closedAt = at; // 办结: closed unless the petitioner asks for review
            }
            case REVIEWED -> {
                petition.reviewedAt = at;
                petition.closedAt = at;
            }
            case NOT_ACCEPTED, RE_REVIEWED -> petition.closedAt = at;
            case FINAL -> petition.closedAt = petition.closedAt == null ? at : petition.closedAt;
            default -> {
            }
        }
        if (!petition.isTerminal()) {
            CaseStatus.after(step).ifPresent(status -> petition.status = status);
        }
    }

    private boolean secretMatches(Petition petition, String querySecret) {
        if (petition.querySecretEncrypted == null || querySecret == null) {
            return false;
        }
        byte[] expected = protection.decrypt(petition.querySecretEncrypted).getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(expected, querySecret.strip().toUpperCase().getBytes(StandardCharsets.UTF_8));
    }

    /** A petition with its timeline. */
    /** A petition, the status its petitioner is shown, and its timeline. */
    public record Tracked(Petition petition, CaseStatus status, List<StatusEntry> timeline) {
    }
}
