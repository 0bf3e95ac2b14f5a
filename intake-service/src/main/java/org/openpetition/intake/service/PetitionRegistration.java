package org.openpetition.intake.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.openpetition.contracts.CloudEvent;
import org.openpetition.contracts.Topics;
import org.openpetition.contracts.event.PetitionSubmittedV1;
import org.openpetition.intake.Petition;
import org.openpetition.intake.PetitionStatus;
import org.openpetition.intake.repository.PetitionRepository;
import org.openpetition.platform.outbox.OutboxRelay;
import org.openpetition.platform.outbox.OutboxWriter;

/**
 * Registers a petition (登记): stores it and its petition.submitted.v1 event in one transaction,
 * then asks the outbox relay to publish. Once this returns, the petition is never lost: if Kafka is
 * down, the event waits in the outbox until the broker is back.
 */
@ApplicationScoped
public class PetitionRegistration {

    private final PetitionRepository petitions;
    private final OutboxWriter outbox;
    private final OutboxRelay relay;
    private final TrackingCodes trackingCodes;

    public PetitionRegistration(PetitionRepository petitions, OutboxWriter outbox, OutboxRelay relay,
                                TrackingCodes trackingCodes) {
        this.petitions = petitions;
        this.outbox = outbox;
        this.relay = relay;
        this.trackingCodes = trackingCodes;
    }

    /** Registers a petition whose fields are already validated; sets id, tracking code and time. */
    public Uni<Petition> register(Petition petition, String registeredBy, String registeredByRole) {
        petition.id = UUID.randomUUID();
        petition.trackingCode = trackingCodes.next();
        petition.receivedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        petition.registeredBy = registeredBy;
        petition.registeredByRole = registeredByRole;
        petition.status = PetitionStatus.REGISTERED;
        petition.petitioners.forEach(p -> p.id = UUID.randomUUID());
        return Panache.withTransaction(() -> petitions.persist(petition)
                        .chain(() -> outbox.append(Topics.PETITION_SUBMITTED_V1, CloudEvent.TYPE_PETITION_SUBMITTED_V1,
                                petition.id, submitted(petition))))
                .invoke(relay::trigger)
                .replaceWith(petition);
    }

    static PetitionSubmittedV1 submitted(Petition petition) {
        return new PetitionSubmittedV1(petition.id, petition.trackingCode, petition.channel.name(),
                petition.kind.name(), petition.subjectCategory, petition.localityCode, petition.title,
                petition.content, petition.eventDate, petition.petitioners.size(), petition.receivedAt);
    }
}
