package org.openpetition.notification.service;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.openpetition.contracts.event.CaseAssignedV1;
import org.openpetition.notification.Notification;
import org.openpetition.notification.Notification.Channel;
import org.openpetition.notification.Notification.Status;
import org.openpetition.notification.repository.NotificationRepository;
import org.openpetition.platform.inbox.ProcessedEvents;

/**
 * The new-case notice (交办通知) to the assigned department, queued once per event in the same
 * transaction as the processed-event mark, then handed to {@link NotificationDelivery}.
 */
@ApplicationScoped
public class CaseAssignedNotices {

    static final String CONSUMER = "notification-service";
    static final String KIND = "CASE_ASSIGNED_TO_DEPARTMENT";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.of("Asia/Shanghai"));

    private final NotificationRepository notifications;
    private final ProcessedEvents processed;
    private final NotificationDelivery delivery;
    private final Template template;

    public CaseAssignedNotices(NotificationRepository notifications, ProcessedEvents processed,
                               NotificationDelivery delivery, @Location("case-assigned.txt") Template template) {
        this.notifications = notifications;
        this.processed = processed;
        this.delivery = delivery;
        this.template = template;
    }

    public Uni<Void> notifyDepartment(String eventId, CaseAssignedV1 assigned) {
        return processed.applyOnce(CONSUMER, eventId, () -> notifications.persist(compose(eventId, assigned)))
                .invoke(delivery::trigger);
    }

    Notification compose(String eventId, CaseAssignedV1 assigned) {
        Notification n = new Notification();
        n.id = UUID.randomUUID();
        n.eventId = eventId;
        n.caseId = assigned.caseId();
        n.kind = KIND;
        n.channel = Channel.EMAIL;
        n.recipient = assigned.departmentEmail();
        n.subject = "【信访交办】" + assigned.trackingCode() + " 新交办信访事项 / New petition case assigned";
        n.body = template.data("a", assigned)
                .data("receivedAt", TIME.format(assigned.receivedAt()))
                .data("assignedAt", TIME.format(assigned.assignedAt()))
                .render();
        n.status = Status.QUEUED;
        n.createdAt = Instant.now();
        n.nextAttemptAt = n.createdAt;
        return n;
    }
}
