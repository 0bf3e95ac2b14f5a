package org.openpetition.notification.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.openpetition.contracts.event.CaseAssignedV1;
import org.openpetition.contracts.event.PetitionerContactV1;
import org.openpetition.contracts.event.UnitContact;
import org.openpetition.notification.service.CaseRecipients;

/**
 * The recipients of each case (table case_recipients), written from the events that tell of them: the
 * latest assignment (department, supervising body, owning leader) and the petitioners' contacts.
 * One statement per batch.
 */
@ApplicationScoped
public class CaseRecipientStore {

    private static final TypeReference<List<PetitionerContactV1.Contact>> CONTACTS = new TypeReference<>() {
    };

    private final ObjectMapper json;

    public CaseRecipientStore(ObjectMapper json) {
        this.json = json;
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
                    .addOffsetDateTime(SqlTimes.utc(a.assignedAt())));
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
                    .addOffsetDateTime(SqlTimes.utc(Instant.now())));
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
}
