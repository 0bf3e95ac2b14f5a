package org.openpetition.intake.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.openpetition.intake.IdempotencyKey;
import org.openpetition.intake.Petition;
import org.openpetition.intake.Petitioner;
import org.openpetition.intake.TimelineStep;
import org.openpetition.platform.outbox.OutboxEvent;
import org.openpetition.platform.outbox.OutboxWriter;

/**
 * Stores a registration on the reactive client directly, in one statement: the petition, its
 * petitioners (arrays bound whole), the first step of its timeline, the Idempotency-Key if any and its
 * outbox events ({@link OutboxWriter#insertStatement}), in their order. One statement is one transaction:
 * all of it is committed or none (a second request with the same key fails on the key's primary key and stores nothing). This is the
 * hot path of intake; one round trip instead of one per row, and no Hibernate flush.
 */
@ApplicationScoped
public class RegistrationStore {

    private static final String PETITION = """
            insert into petition (id, tracking_code, channel, kind, subject_category, locality_code, address_text, title,
                                  content, event_date, received_at, registered_by, registered_by_role, status, repeat_of,
                                  collective, accused_unit_code, accused_unit_name, accused_official_name,
                                  accused_official_position, query_secret_encrypted, addressed_to_locality, households,
                                  registering_locality)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23,
                    $24)""";

    private static final String PETITIONERS = """
            insert into petitioner (id, petition_id, position, type, name, id_number_encrypted, id_number_hash,
                                    id_number_masked, phone, address, representative, email)
            select v.id, $1, v.position, v.type, v.name, v.enc, v.hash, v.masked, v.phone, v.address, v.representative, v.email
            from unnest($25::uuid[], $26::int[], $27::text[], $28::text[], $29::text[], $30::text[], $31::text[], $32::text[],
                        $33::text[], $34::bool[], $35::text[])
                 as v (id, position, type, name, enc, hash, masked, phone, address, representative, email)""";

    private static final String STATUS = """
            insert into petition_status (id, petition_id, at, status) values ($36, $1, $11, $37)""";

    private static final String KEY = """
            insert into idempotency_key (registered_by, key, request_hash, case_id, created_at)
            values ($12, $44, $45, $1, $46)""";

    private static final String WITHOUT_KEY = "with p as (" + PETITION + "), x as (" + PETITIONERS + "), s as (" + STATUS
            + ")\n" + OutboxWriter.insertStatement(38);
    private static final String WITH_KEY = "with p as (" + PETITION + "), x as (" + PETITIONERS + "), s as (" + STATUS
            + "), k as (" + KEY + ")\n" + OutboxWriter.insertStatement(38);

    private final Pool pool;

    public RegistrationStore(Pool pool) {
        this.pool = pool;
    }

    /**
     * Stores the prepared petition (ids, codes, protected personal data set), its REGISTERED step, the
     * key (or null) and the outbox rows (from {@code OutboxWriter.prepare}), in this order of publication.
     */
    public Uni<Void> insert(Petition petition, IdempotencyKey key, List<OutboxEvent> events) {
        List<Petitioner> people = petition.petitioners;
        Tuple values = Tuple.tuple()
                .addValue(petition.id)
                .addValue(petition.trackingCode)
                .addValue(petition.channel.name())
                .addValue(petition.kind.name())
                .addValue(petition.subjectCategory)
                .addValue(petition.localityCode)
                .addValue(petition.addressText)
                .addValue(petition.title)
                .addValue(petition.content)
                .addValue(petition.eventDate)
                .addValue(utc(petition.receivedAt))
                .addValue(petition.registeredBy)
                .addValue(petition.registeredByRole)
                .addValue(petition.status.name())
                .addValue(petition.repeatOf)
                .addValue(petition.collective)
                .addValue(petition.accusedUnitCode)
                .addValue(petition.accusedUnitName)
                .addValue(petition.accusedOfficialName)
                .addValue(petition.accusedOfficialPosition)
                .addValue(petition.querySecretEncrypted)
                .addValue(petition.addressedToLocality)
                .addValue(petition.households)
                .addValue(petition.registeringLocality)
                .addValue(column(people, p -> p.id, new UUID[people.size()]))
                .addValue(column(people, p -> p.position, new Integer[people.size()]))
                .addValue(column(people, p -> p.type.name(), new String[people.size()]))
                .addValue(column(people, p -> p.name, new String[people.size()]))
                .addValue(column(people, p -> p.idNumberEncrypted, new String[people.size()]))
                .addValue(column(people, p -> p.idNumberHash, new String[people.size()]))
                .addValue(column(people, p -> p.idNumberMasked, new String[people.size()]))
                .addValue(column(people, p -> p.phone, new String[people.size()]))
                .addValue(column(people, p -> p.address, new String[people.size()]))
                .addValue(column(people, p -> p.representative, new Boolean[people.size()]))
                .addValue(column(people, p -> p.email, new String[people.size()]))
                .addValue(UUID.randomUUID())
                .addValue(TimelineStep.REGISTERED.name());
        OutboxWriter.bind(values, events); // $38 to $43
        if (key != null) {
            values.addValue(key.id.key()).addValue(key.requestHash).addValue(utc(key.createdAt));
        }
        return pool.preparedQuery(key == null ? WITHOUT_KEY : WITH_KEY).execute(values).replaceWithVoid();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static <T, V> V[] column(List<T> rows, Function<T, V> value, V[] into) {
        for (int i = 0; i < rows.size(); i++) {
            into[i] = value.apply(rows.get(i));
        }
        return into;
    }
}
