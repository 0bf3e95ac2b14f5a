package org.openpetition.notification.repository;

import static org.openpetition.platform.sql.Columns.of;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.openpetition.contracts.event.CaseAssignedV1;
import org.openpetition.contracts.event.PetitionerContactV1;
import org.openpetition.contracts.event.UnitContact;
import org.openpetition.notification.Channel;
import org.openpetition.notification.service.CaseRecipients;
import org.openpetition.notification.service.NewMessage;
import org.openpetition.notification.service.Preference;
import org.openpetition.notification.service.ReceivedEvent;

/**
 * The storage of a batch of events, on one connection in one transaction (the processed-event marks go
 * through platform-common's {@code ProcessedEvents.markFirst} first): the case recipients the events
 * tell of, the events still waiting for their recipients, and the messages. A handful of statements per
 * batch, whatever its size (arrays bound whole).
 */
@ApplicationScoped
public class NoticeStore {

    private static final TypeReference<List<PetitionerContactV1.Contact>> CONTACTS = new TypeReference<>() {
    };

    private final ObjectMapper json;

    public NoticeStore(ObjectMapper json) {
        this.json = json;
    }

    /** Serialises the batches that touch the same cases, across replicas and consumers. */
    public Uni<Void> lockCases(SqlConnection conn, Collection<UUID> caseIds) {
        if (caseIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        String[] keys = caseIds.stream().map(UUID::toString).sorted().distinct().toArray(String[]::new);
        return conn.preparedQuery("select count(pg_advisory_xact_lock(hashtextextended(k, 0))) "
                        + "from (select k from unnest($1::text[]) k order by k) s")
                .execute(Tuple.of(keys)).replaceWithVoid();
    }

    /** The latest assignment of each case wins (an older event arriving late changes nothing). */
    public Uni<Void> saveAssignments(SqlConnection conn, List<CaseAssignedV1> assignments) {
        if (assignments.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Tuple> rows = new ArrayList<>();
        for (CaseAssignedV1 a : assignments) {
            UnitContact body = a.supervisingBody();
            CaseAssignedV1.OwningLeader leader = a.owningLeader();
            rows.add(Tuple.tuple().addUUID(a.caseId()).addString(a.trackingCode()).addString(a.departmentCode())
                    .addString(a.departmentName()).addString(a.departmentEmail())
                    .addString(body == null ? null : body.code()).addString(body == null ? null : body.name())
                    .addString(body == null ? null : body.email())
                    .addString(leader == null ? null : leader.id()).addString(leader == null ? null : leader.name())
                    .addString(leader == null ? null : leader.email())
                    .addOffsetDateTime(utc(a.assignedAt())));
        }
        return conn.preparedQuery("""
                        insert into case_recipients as c (case_id, tracking_code, department_code, department_name,
                            department_email, supervising_code, supervising_name, supervising_email, leader_id, leader_name,
                            leader_email, assigned_at)
                        values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
                        on conflict (case_id) do update set tracking_code = excluded.tracking_code,
                            department_code = excluded.department_code, department_name = excluded.department_name,
                            department_email = excluded.department_email, supervising_code = excluded.supervising_code,
                            supervising_name = excluded.supervising_name, supervising_email = excluded.supervising_email,
                            leader_id = excluded.leader_id, leader_name = excluded.leader_name,
                            leader_email = excluded.leader_email, assigned_at = excluded.assigned_at
                        where c.assigned_at is null or c.assigned_at <= excluded.assigned_at""")
                .executeBatch(rows).replaceWithVoid();
    }

    public Uni<Void> saveContacts(SqlConnection conn, List<PetitionerContactV1> contacts) {
        if (contacts.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Tuple> rows = new ArrayList<>();
        for (PetitionerContactV1 c : contacts) {
            rows.add(Tuple.tuple().addUUID(c.caseId()).addString(c.trackingCode())
                    .addString(write(c.contacts() == null ? List.of() : c.contacts())).addString(c.userId())
                    .addString(c.language()).addValue(c.notifyBy() == null ? null : c.notifyBy().toArray(String[]::new))
                    .addOffsetDateTime(utc(Instant.now())));
        }
        return conn.preparedQuery("""
                        insert into case_recipients as c (case_id, tracking_code, petitioners, petitioner_user_id,
                            petitioner_language, petitioner_notify_by, contact_at)
                        values ($1, $2, cast(cast($3 as text) as jsonb), $4, $5, $6, $7)
                        on conflict (case_id) do update set tracking_code = coalesce(c.tracking_code, excluded.tracking_code),
                            petitioners = excluded.petitioners, petitioner_user_id = excluded.petitioner_user_id,
                            petitioner_language = excluded.petitioner_language,
                            petitioner_notify_by = excluded.petitioner_notify_by, contact_at = excluded.contact_at""")
                .executeBatch(rows).replaceWithVoid();
    }

    public Uni<Map<UUID, CaseRecipients>> recipients(SqlConnection conn, Collection<UUID> caseIds) {
        if (caseIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return conn.preparedQuery("""
                        select case_id, tracking_code, department_code, department_name, department_email,
                               supervising_code, supervising_name, supervising_email, leader_id, leader_name, leader_email,
                               assigned_at, petitioners::text as petitioners, petitioner_user_id, petitioner_language,
                               petitioner_notify_by, contact_at
                        from case_recipients where case_id = any($1)""")
                .execute(Tuple.of(caseIds.toArray(UUID[]::new)))
                .map(rows -> {
                    Map<UUID, CaseRecipients> byCase = new HashMap<>();
                    for (Row r : rows) {
                        byCase.put(r.getUUID("case_id"), recipients(r));
                    }
                    return byCase;
                });
    }

    private CaseRecipients recipients(Row r) {
        CaseRecipients.Assignment assignment = null;
        if (r.getValue("assigned_at") != null) {
            String body = r.getString("supervising_code");
            String leader = r.getString("leader_id");
            assignment = new CaseRecipients.Assignment(
                    new UnitContact(r.getString("department_code"), r.getString("department_name"), r.getString("department_email")),
                    body == null ? null : new UnitContact(body, r.getString("supervising_name"), r.getString("supervising_email")),
                    leader == null ? null : new CaseAssignedV1.OwningLeader(leader, r.getString("leader_name"), null,
                            r.getString("leader_email")),
                    r.getOffsetDateTime("assigned_at").toInstant());
        }
        CaseRecipients.Petitioners petitioners = null;
        if (r.getValue("contact_at") != null) {
            String[] notifyBy = r.getArrayOfStrings("petitioner_notify_by");
            petitioners = new CaseRecipients.Petitioners(read(r.getString("petitioners")), r.getString("petitioner_user_id"),
                    r.getString("petitioner_language"), notifyBy == null ? null : List.of(notifyBy));
        }
        return new CaseRecipients(r.getUUID("case_id"), r.getString("tracking_code"), assignment, petitioners);
    }

    /** Takes (and deletes) the events of these cases that were waiting for their recipients. */
    public Uni<List<ReceivedEvent>> takePending(SqlConnection conn, Collection<UUID> caseIds) {
        if (caseIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return conn.preparedQuery("delete from pending_notice where case_id = any($1) "
                        + "returning topic, event_id, event_type, case_id, payload, event_time")
                .execute(Tuple.of(caseIds.toArray(UUID[]::new)))
                .map(rows -> {
                    List<ReceivedEvent> events = new ArrayList<>();
                    for (Row r : rows) {
                        events.add(new ReceivedEvent(r.getString("topic"), r.getString("event_id"), r.getString("event_type"),
                                r.getUUID("case_id"), r.getString("payload"), r.getOffsetDateTime("event_time").toInstant()));
                    }
                    return events;
                });
    }

    public Uni<Void> savePending(SqlConnection conn, List<ReceivedEvent> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return conn.preparedQuery("""
                        insert into pending_notice (event_id, case_id, topic, event_type, payload, event_time, created_at)
                        select * , now() from unnest($1::text[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::timestamptz[])
                        on conflict do nothing""")
                .execute(Tuple.tuple()
                        .addValue(of(events, ReceivedEvent::id, new String[events.size()]))
                        .addValue(of(events, ReceivedEvent::caseId, new UUID[events.size()]))
                        .addValue(of(events, ReceivedEvent::topic, new String[events.size()]))
                        .addValue(of(events, ReceivedEvent::type, new String[events.size()]))
                        .addValue(of(events, ReceivedEvent::data, new String[events.size()]))
                        .addValue(of(events, e -> utc(e.time()), new OffsetDateTime[events.size()])))
                .replaceWithVoid();
    }

    /** Drops events that waited longer than allowed for recipients that never came; returns how many. */
    public Uni<Integer> dropStalePending(SqlConnection conn, Instant before) {
        return conn.preparedQuery("delete from pending_notice where created_at < $1")
                .execute(Tuple.of(utc(before))).map(rows -> rows.rowCount());
    }

    public Uni<Map<String, Preference>> preferences(SqlConnection conn, Collection<String> keys) {
        if (keys.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return conn.preparedQuery("select recipient_key, channels, language, quiet_start, quiet_end, phone "
                        + "from recipient_preference where recipient_key = any($1)")
                .execute(Tuple.of(keys.toArray(String[]::new)))
                .map(rows -> {
                    Map<String, Preference> byKey = new HashMap<>();
                    for (Row r : rows) {
                        Set<Channel> channels = EnumSet.noneOf(Channel.class);
                        for (String c : r.getArrayOfStrings("channels")) {
                            channels.add(Channel.valueOf(c));
                        }
                        byKey.put(r.getString("recipient_key"), new Preference(r.getString("recipient_key"), channels,
                                r.getString("language"), r.getLocalTime("quiet_start"), r.getLocalTime("quiet_end"),
                                r.getString("phone")));
                    }
                    return byKey;
                });
    }

    /** A message stored for an inbox: who to tell that it arrived. */
    public record InboxArrival(UUID id, String owner) {
    }

    /**
     * Stores the messages (a message already stored for the same event, kind, recipient and channel is
     * skipped) and delivers those for inboxes; returns the inbox arrivals.
     */
    public Uni<List<InboxArrival>> insertMessages(SqlConnection conn, List<NewMessage> messages) {
        if (messages.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        int n = messages.size();
        return conn.preparedQuery("""
                        with v (id, event_id, case_id, kind, channel, recipient_key, recipient, subject, body, language,
                                urgent, send_at, event_time) as (
                            select * from unnest($1::uuid[], $2::text[], $3::uuid[], $4::text[], $5::text[], $6::text[],
                                                 $7::text[], $8::text[], $9::text[], $10::text[], $11::boolean[],
                                                 $12::timestamptz[], $13::timestamptz[])),
                        ins as (
                            insert into notification (id, event_id, case_id, kind, channel, recipient_key, recipient, subject,
                                body, language, urgent, status, attempts, created_at, next_attempt_at, sent_at, event_time)
                            select id, event_id, case_id, kind, channel, recipient_key, recipient, subject, body, language,
                                   urgent, case when channel = 'INBOX' then 'SENT' else 'QUEUED' end,
                                   case when channel = 'INBOX' then 1 else 0 end, now(), send_at,
                                   case when channel = 'INBOX' then now() end, event_time
                            from v
                            on conflict (event_id, kind, recipient, channel) do nothing
                            returning id, channel)
                        insert into inbox_message (id, notification_id, owner, case_id, kind, subject, body, created_at)
                        select v.id, v.id, v.recipient, v.case_id, v.kind, v.subject, v.body, now()
                        from v join ins on ins.id = v.id where ins.channel = 'INBOX'
                        returning id, owner""")
                .execute(Tuple.tuple()
                        .addValue(of(messages, NewMessage::id, new UUID[n]))
                        .addValue(of(messages, NewMessage::eventId, new String[n]))
                        .addValue(of(messages, NewMessage::caseId, new UUID[n]))
                        .addValue(of(messages, m -> m.kind().name(), new String[n]))
                        .addValue(of(messages, m -> m.channel().name(), new String[n]))
                        .addValue(of(messages, NewMessage::recipientKey, new String[n]))
                        .addValue(of(messages, NewMessage::address, new String[n]))
                        .addValue(of(messages, NewMessage::subject, new String[n]))
                        .addValue(of(messages, NewMessage::body, new String[n]))
                        .addValue(of(messages, NewMessage::language, new String[n]))
                        .addValue(of(messages, NewMessage::urgent, new Boolean[n]))
                        .addValue(of(messages, m -> utc(m.sendAt()), new OffsetDateTime[n]))
                        .addValue(of(messages, m -> utc(m.eventTime()), new OffsetDateTime[n])))
                .map(rows -> {
                    List<InboxArrival> arrivals = new ArrayList<>();
                    rows.forEach(r -> arrivals.add(new InboxArrival(r.getUUID("id"), r.getString("owner"))));
                    return arrivals;
                });
    }

    /** Tells every replica's live inbox streams (PostgreSQL NOTIFY, sent when the transaction commits). */
    public Uni<Void> announce(SqlConnection conn, List<InboxArrival> arrivals) {
        if (arrivals.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return conn.preparedQuery("select count(pg_notify('" + InboxChannel.NAME + "', a)) from unnest($1::text[]) a")
                .execute(Tuple.of(arrivals.stream().map(a -> a.id() + " " + a.owner()).toArray(String[]::new)))
                .replaceWithVoid();
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private List<PetitionerContactV1.Contact> read(String value) {
        if (value == null) {
            return List.of();
        }
        try {
            return json.readValue(value, CONTACTS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored contacts unreadable", e);
        }
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

}
