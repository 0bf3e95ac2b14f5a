package org.openpetition.notification.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.openpetition.notification.Channel;
import org.openpetition.notification.DeliveryAttempt;
import org.openpetition.notification.Notification;

/** The delivery log as entities, for the REST API. */
@ApplicationScoped
public class NotificationRepository implements PanacheRepositoryBase<Notification, UUID> {

    /** A message with every attempt to send it, in order. */
    public record Logged(Notification notification, List<DeliveryAttempt> attempts) {
    }

    /** Messages, newest first, filtered by whichever of case, status, channel and kind is not null. */
    public Uni<List<Notification>> search(UUID caseId, Notification.Status status, Channel channel, String kind, int limit) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (caseId != null) {
            where.add("caseId = :caseId");
            params.and("caseId", caseId);
        }
        if (status != null) {
            where.add("status = :status");
            params.and("status", status);
        }
        if (channel != null) {
            where.add("channel = :channel");
            params.and("channel", channel);
        }
        if (kind != null) {
            where.add("kind = :kind");
            params.and("kind", kind);
        }
        String query = where.isEmpty() ? "1 = 1" : String.join(" and ", where);
        return find(query, Sort.descending("createdAt"), params).page(Page.ofSize(limit)).list();
    }

    /** One message with its attempts; null if there is no such message. */
    public Uni<Logged> withAttempts(UUID id) {
        return findById(id).chain(n -> n == null ? Uni.createFrom().nullItem()
                : getSession().chain(s -> s.createQuery("from DeliveryAttempt where id.notificationId = :id order by id.attempt",
                                DeliveryAttempt.class).setParameter("id", id).getResultList())
                        .map(attempts -> new Logged(n, attempts)));
    }
}
