package org.openpetition.notification.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.openpetition.notification.InboxMessage;

@ApplicationScoped
public class InboxRepository implements PanacheRepositoryBase<InboxMessage, UUID> {

    private final Pool pool;

    public InboxRepository(Pool pool) {
        this.pool = pool;
    }

    /** One message, read without a Hibernate session (for the live stream, outside any request context). */
    public Uni<InboxMessage> load(UUID id) {
        return pool.preparedQuery("select id, notification_id, owner, case_id, kind, subject, body, created_at, read_at "
                        + "from inbox_message where id = $1")
                .execute(Tuple.of(id))
                .map(rows -> {
                    if (!rows.iterator().hasNext()) {
                        return null;
                    }
                    Row r = rows.iterator().next();
                    InboxMessage m = new InboxMessage();
                    m.id = r.getUUID("id");
                    m.notificationId = r.getUUID("notification_id");
                    m.owner = r.getString("owner");
                    m.caseId = r.getUUID("case_id");
                    m.kind = r.getString("kind");
                    m.subject = r.getString("subject");
                    m.body = r.getString("body");
                    m.createdAt = r.getOffsetDateTime("created_at").toInstant();
                    m.readAt = r.getOffsetDateTime("read_at") == null ? null : r.getOffsetDateTime("read_at").toInstant();
                    return m;
                });
    }

    /** The newest messages of these inboxes. */
    public Uni<List<InboxMessage>> newest(Collection<String> owners, boolean unreadOnly, int limit) {
        String query = "owner in :owners" + (unreadOnly ? " and readAt is null" : "");
        return find(query, Sort.descending("createdAt"), Parameters.with("owners", owners))
                .page(Page.ofSize(limit)).list();
    }

    public Uni<Long> unread(Collection<String> owners) {
        return count("owner in :owners and readAt is null", Parameters.with("owners", owners));
    }
}
