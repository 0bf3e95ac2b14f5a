package org.openpetition.notification.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.openpetition.notification.Notification;

@ApplicationScoped
public class NotificationRepository implements PanacheRepositoryBase<Notification, UUID> {

    /** Queued messages whose time has come, locked so that no other replica sends them too. */
    public Uni<List<Notification>> lockDue(int limit) {
        return getSession().chain(session -> session.createNativeQuery(
                        "select * from notification where status = 'QUEUED' and next_attempt_at <= now() "
                                + "order by next_attempt_at limit " + limit + " for update skip locked", Notification.class)
                .getResultList());
    }
}
