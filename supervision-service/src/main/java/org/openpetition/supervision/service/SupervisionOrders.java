package org.openpetition.supervision.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.ws.rs.NotFoundException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.openpetition.contracts.CloudEvent;
import org.openpetition.contracts.Topics;
import org.openpetition.contracts.event.CaseDeadlineV1;
import org.openpetition.contracts.event.CaseDeadlineV1.Alert;
import org.openpetition.contracts.event.DepartmentCaseEventV1;
import org.openpetition.platform.outbox.OutboxEvent;
import org.openpetition.platform.outbox.OutboxRelay;
import org.openpetition.platform.outbox.OutboxWriter;
import org.openpetition.platform.problem.FieldException;
import org.openpetition.platform.problem.ProblemException;
import org.openpetition.platform.security.CaseScope;
import org.openpetition.platform.security.Caller;
import org.openpetition.supervision.DeadlineAlert;
import org.openpetition.supervision.SupervisedCase;
import org.openpetition.supervision.SupervisionOrder;
import org.openpetition.supervision.repository.DeadlineAlertRepository;
import org.openpetition.supervision.repository.SupervisedCaseRepository;
import org.openpetition.supervision.repository.SupervisionOrderRepository;

/**
 * Supervision orders (督办单) issued by a supervisor: the order, with its reason, its demand and the day by
 * which the department answers, is kept and issued like an automatic one (a SUPERVISION_ORDER alert with the
 * limit ORDER, case.deadline.v1 to notification-service and the department's feed), so it counts in the
 * circular; the department's handler answers it; an order still unanswered after its day is escalated to the
 * department's supervising body by the deadline sweep, once.
 */
@ApplicationScoped
public class SupervisionOrders {

    /** The limit an order's alerts name (case.deadline.v1 dueKind). */
    public static final String DUE_KIND = "ORDER";

    private static final Logger LOG = Logger.getLogger(SupervisionOrders.class);
    private static final int ESCALATION_BATCH = 200;

    /** What a supervisor orders. */
    public record Order(String reason, String demand, LocalDate answerDue) {
    }

    private final SupervisedCaseRepository cases;
    private final SupervisionOrderRepository orders;
    private final DeadlineAlertRepository alerts;
    private final OutboxWriter outbox;
    private final OutboxRelay relay;

    public SupervisionOrders(SupervisedCaseRepository cases, SupervisionOrderRepository orders, DeadlineAlertRepository alerts,
                             OutboxWriter outbox, OutboxRelay relay) {
        this.cases = cases;
        this.orders = orders;
        this.alerts = alerts;
        this.outbox = outbox;
        this.relay = relay;
    }

    /** Issues an order on a case the supervisor may supervise (else 404), open and with a department (else 409). */
    public Uni<SupervisionOrder> issue(UUID caseId, Order order, Caller supervisor, LocalDate today) {
        if (!order.answerDue().isAfter(today)) {
            throw FieldException.of("answerDue", "须晚于今天 / must be after today");
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return Panache.withTransaction(() -> cases.findById(caseId, LockModeType.PESSIMISTIC_WRITE)
                        .map(c -> c != null && CaseScope.maySupervise(supervisor, CaseScopeFacts.of(c)) ? c : null)
                        .onItem().ifNull().failWith(() -> new NotFoundException("no case " + caseId))
                        .chain(c -> {
                            if (c.status.isClosedForGood() || c.departmentCode == null) {
                                throw ProblemException.conflict("案件已办结或尚未交办，不能督办 / the case is closed or not assigned:"
                                        + " there is nobody to order");
                            }
                            return alerts.count("caseId = ?1 and dueKind = ?2 and due = ?3 and alert = ?4 and departmentCode = ?5",
                                    c.caseId, DUE_KIND, order.answerDue(), Alert.SUPERVISION_ORDER.name(), c.departmentCode)
                                    .chain(same -> {
                                        if (same > 0) {
                                            throw ProblemException.conflict("该案件已有同一答复期限的督办单 / the case already has"
                                                    + " an order to be answered by that day");
                                        }
                                        return record(c, order, supervisor, today, now);
                                    });
                        }))
                .invoke(relay::trigger);
    }

    private Uni<SupervisionOrder> record(SupervisedCase c, Order order, Caller supervisor, LocalDate today, Instant now) {
        SupervisionOrder o = new SupervisionOrder();
        o.id = UUID.randomUUID();
        o.caseId = c.caseId;
        o.departmentCode = c.departmentCode;
        o.issuedBy = supervisor.user();
        o.issuedAt = now;
        o.reason = order.reason().strip();
        o.demand = order.demand().strip();
        o.answerDue = order.answerDue();
        return orders.persist(o).chain(() -> alert(c, o, Alert.SUPERVISION_ORDER, today, now)).replaceWith(o);
    }

    /** The department's answer to an order of its case (a handler of the case's department; else 404). */
    public Uni<SupervisionOrder> answer(UUID caseId, UUID orderId, String text, Caller handler) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return Panache.withTransaction(() -> cases.findById(caseId)
                .map(c -> c != null && CaseScope.mayHandle(handler, CaseScopeFacts.of(c)) ? c : null)
                .onItem().ifNull().failWith(() -> new NotFoundException("no case " + caseId))
                .chain(c -> orders.findById(orderId, LockModeType.PESSIMISTIC_WRITE))
                .map(o -> o != null && o.caseId.equals(caseId) ? o : null)
                .onItem().ifNull().failWith(() -> new NotFoundException("no order " + orderId))
                .invoke(o -> {
                    if (o.answer != null) {
                        throw ProblemException.conflict("该督办单已答复 / the order was answered before");
                    }
                    o.answer = text.strip();
                    o.answeredBy = handler.user();
                    o.answeredAt = now;
                }));
    }

    public Uni<List<SupervisionOrder>> ofCase(UUID caseId) {
        return orders.ofCase(caseId);
    }

    /**
     * Escalates every order still unanswered after its day to the department's supervising body (one
     * ESCALATED_TO_SUPERVISING_BODY alert each), batch by batch; returns how many.
     */
    public Uni<Integer> escalateOverdue(LocalDate today) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return Panache.withTransaction(() -> orders.waitingPast(today, ESCALATION_BATCH).chain(waiting -> {
                    if (waiting.isEmpty()) {
                        return Uni.createFrom().item(0);
                    }
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (SupervisionOrder o : waiting) {
                        o.escalatedAt = now;
                        chain = chain.chain(() -> cases.findById(o.caseId))
                                .chain(c -> alert(c, o, Alert.ESCALATED_TO_SUPERVISING_BODY, today, now));
                    }
                    return chain.replaceWith(waiting.size());
                }))
                .chain(n -> {
                    if (n > 0) {
                        LOG.infof("%d unanswered supervision orders escalated on %s", n, today);
                        relay.trigger();
                    }
                    return n < ESCALATION_BATCH ? Uni.createFrom().item(n) : escalateOverdue(today).map(more -> n + more);
                });
    }

    /** The alert of an order (issued or escalated) and its events, in the caller's transaction. */
    private Uni<Void> alert(SupervisedCase c, SupervisionOrder o, Alert kind, LocalDate today, Instant now) {
        DeadlineAlert alert = new DeadlineAlert();
        alert.id = kind == Alert.SUPERVISION_ORDER ? o.id : UUID.randomUUID();
        alert.caseId = c.caseId;
        alert.dueKind = DUE_KIND;
        alert.due = o.answerDue;
        alert.alert = kind.name();
        alert.alertDay = today;
        alert.departmentCode = o.departmentCode;
        alert.at = now;
        CaseDeadlineV1 event = new CaseDeadlineV1(alert.id, c.caseId, c.trackingCode, kind, DUE_KIND, o.answerDue,
                (int) ChronoUnit.DAYS.between(o.answerDue, today), o.departmentCode, c.departmentName, c.localityCode, now);
        List<OutboxEvent> events = List.of(
                outbox.prepare(Topics.CASE_DEADLINE_V1, CloudEvent.TYPE_CASE_DEADLINE_V1, c.caseId, event),
                outbox.prepare(Topics.departmentFeed(o.departmentCode), CloudEvent.TYPE_DEPARTMENT_CASE_V1, c.caseId,
                        new DepartmentCaseEventV1(c.caseId, c.trackingCode, o.departmentCode, kind.name(), now, null,
                                c.localityCode, o.answerDue, DUE_KIND)));
        return alerts.persist(alert).chain(() -> outbox.appendAll(events));
    }
}
