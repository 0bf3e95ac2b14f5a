package org.openpetition.intake.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.openpetition.contracts.CaseStatus;
import org.openpetition.contracts.CloudEvent;
import org.openpetition.contracts.Topics;
import org.openpetition.contracts.event.PetitionSubmittedV1;
import org.openpetition.contracts.event.PetitionerContactV1;
import org.openpetition.intake.IdempotencyKey;
import org.openpetition.intake.Petition;
import org.openpetition.intake.Petitioner;
import org.openpetition.intake.repository.IdempotencyKeyRepository;
import org.openpetition.intake.repository.PetitionRepository;
import org.openpetition.intake.repository.RegistrationStore;
import org.openpetition.contracts.rules.IdentityNumbers;
import org.openpetition.platform.outbox.OutboxRelay;
import org.openpetition.platform.outbox.OutboxWriter;
import org.openpetition.platform.problem.Problem;
import org.openpetition.platform.problem.ProblemException;

/**
 * Registers a petition (登记): stores it and its petition.submitted.v1 event, followed by the
 * petitioner.contact.v1 event (how to reach the petitioners, for notification-service), in one transaction,
 * then asks the outbox relay to publish. Once this returns, the petition is never lost: if Kafka is
 * down, the event waits in the outbox until the broker is back. A repeat of an earlier case is
 * linked to it and flagged in the event, as is a collective petition. Identity numbers are stored only
 * encrypted, as a keyed hash and masked. With an Idempotency-Key, a repeated request returns the
 * first result instead of registering the petition twice.
 */
@ApplicationScoped
public class PetitionRegistration {

    private final PetitionRepository petitions;
    private final RegistrationStore store;
    private final IdempotencyKeyRepository idempotencyKeys;
    private final OutboxWriter outbox;
    private final OutboxRelay relay;
    private final TrackingCodes trackingCodes;
    private final PersonalDataProtection protection;
    private final RepeatDetection repeats;

    public PetitionRegistration(PetitionRepository petitions, RegistrationStore store,
                                IdempotencyKeyRepository idempotencyKeys, OutboxWriter outbox, OutboxRelay relay,
                                TrackingCodes trackingCodes, PersonalDataProtection protection, RepeatDetection repeats) {
        this.repeats = repeats;
        this.petitions = petitions;
        this.store = store;
        this.idempotencyKeys = idempotencyKeys;
        this.outbox = outbox;
        this.relay = relay;
        this.trackingCodes = trackingCodes;
        this.protection = protection;
    }

    /**
     * Registers a petition whose fields are already validated; sets id, tracking code and time.
     *
     * @param idempotencyKey the client's Idempotency-Key, or null
     * @param requestHash    a hash of the request body (used with the key)
     */
    public Uni<Registration> register(Petition petition, String registeredBy, String registeredByRole,
                                      ContactPreferences preferences, String idempotencyKey, String requestHash) {
        prepare(petition, registeredBy, registeredByRole);
        PetitionerContactV1 contact = PetitionerContacts.of(petition, preferences);
        if (idempotencyKey == null) {
            return store(petition, contact, null).map(saved -> registered(saved, false));
        }
        IdempotencyKey.Id id = new IdempotencyKey.Id(registeredBy, idempotencyKey);
        return Panache.withSession(() -> idempotencyKeys.findById(id))
                .chain(earlier -> earlier != null ? replay(earlier, requestHash)
                        : store(petition, contact, key(id, requestHash, petition.id)).map(saved -> registered(saved, false))
                                // the same key sent twice at once: the other request won, answer with its result
                                .onFailure(UniqueViolations::isUniqueViolation).recoverWithUni(() -> Panache
                                        .withSession(() -> idempotencyKeys.findById(id))
                                        .chain(winner -> replay(winner, requestHash))));
    }

    private Uni<Petition> store(Petition petition, PetitionerContactV1 contact, IdempotencyKey key) {
        // the repeat check reads committed petitions, as it did inside a transaction (read committed); the
        // petition, its petitioners, its timeline, the key and its events are then stored in one statement
        return repeats.earlierCase(petition)
                .invoke(earlier -> petition.repeatOf = earlier)
                .chain(() -> store.insert(petition, key, List.of(
                        outbox.prepare(Topics.PETITION_SUBMITTED_V1, CloudEvent.TYPE_PETITION_SUBMITTED_V1, petition.id,
                                submitted(petition)),
                        // how to reach the petitioners, after the petition's own event: a repeat gets one too (a receipt is owed)
                        outbox.prepare(Topics.PETITIONER_CONTACT_V1, CloudEvent.TYPE_PETITIONER_CONTACT_V1, petition.id,
                                contact))))
                .invoke(relay::trigger)
                .replaceWith(petition);
    }

    private Uni<Registration> replay(IdempotencyKey earlier, String requestHash) {
        if (!earlier.requestHash.equals(requestHash)) {
            return Uni.createFrom().failure(new ProblemException(new Problem(Problem.IDEMPOTENCY_KEY_REUSED,
                    "幂等键已用于另一请求 / Idempotency-Key reused", 422,
                    "此幂等键已用于内容不同的请求 / this Idempotency-Key was used for a request with another body",
                    null, List.of())));
        }
        return Panache.withSession(() -> petitions.findById(earlier.caseId))
                .map(petition -> registered(petition, true));
    }

    private Registration registered(Petition petition, boolean replayed) {
        String secret = petition.querySecret != null ? petition.querySecret : protection.decrypt(petition.querySecretEncrypted);
        return new Registration(petition, secret, replayed);
    }

    private void prepare(Petition petition, String registeredBy, String registeredByRole) {
        petition.id = UUID.randomUUID();
        petition.trackingCode = trackingCodes.next();
        petition.querySecret = trackingCodes.nextSecret();
        petition.querySecretEncrypted = protection.encrypt(petition.querySecret);
        petition.receivedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        petition.registeredBy = registeredBy;
        petition.registeredByRole = registeredByRole;
        petition.status = CaseStatus.REGISTERED;
        petition.collective = repeats.isCollective(petition);
        for (Petitioner petitioner : petition.petitioners) {
            petitioner.id = UUID.randomUUID();
            petitioner.phone = petitioner.normalizedPhone(); // digits only, so that matching can use the index
            protect(petitioner);
        }
    }

    private void protect(Petitioner petitioner) {
        String idNumber = petitioner.idNumber;
        if (idNumber != null) {
            petitioner.idNumberEncrypted = protection.encrypt(idNumber);
            petitioner.idNumberHash = protection.matchingHash(idNumber);
            petitioner.idNumberMasked = IdentityNumbers.mask(idNumber);
            petitioner.idNumber = null;
        }
    }

    private static IdempotencyKey key(IdempotencyKey.Id id, String requestHash, UUID caseId) {
        IdempotencyKey key = new IdempotencyKey();
        key.id = id;
        key.requestHash = requestHash;
        key.caseId = caseId;
        key.createdAt = Instant.now();
        return key;
    }

    static PetitionSubmittedV1 submitted(Petition petition) {
        return new PetitionSubmittedV1(petition.id, petition.trackingCode, petition.channel.name(),
                petition.kind.name(), petition.subjectCategory, petition.localityCode, petition.title,
                petition.content, petition.eventDate, petition.petitioners.size(), petition.receivedAt, petition.repeatOf,
                petition.collective, accused(petition), petition.addressedToLocality, petition.households);
    }

    private static PetitionSubmittedV1.Accused accused(Petition petition) {
        return petition.isAccusation() ? new PetitionSubmittedV1.Accused(petition.accusedUnitCode, petition.accusedUnitName,
                petition.accusedOfficialName, petition.accusedOfficialPosition) : null;
    }
}
