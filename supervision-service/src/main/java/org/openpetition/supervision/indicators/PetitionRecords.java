package org.openpetition.supervision.indicators;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.openpetition.contracts.event.PetitionSubmittedV1;
import org.openpetition.platform.inbox.ProcessedEvents;
import org.openpetition.supervision.repository.PetitionRecordRepository;

/**
 * Keeps every registered petition (petition.submitted.v1), repeats included, once per event, for the counts
 * of the indicators ({@link PetitionRecordRepository}).
 */
@ApplicationScoped
public class PetitionRecords {

    static final String CONSUMER = "supervision-service.petitions";

    private final ProcessedEvents processed;
    private final PetitionRecordRepository records;

    public PetitionRecords(ProcessedEvents processed, PetitionRecordRepository records) {
        this.processed = processed;
        this.records = records;
    }

    public Uni<Void> record(String eventId, PetitionSubmittedV1 p) {
        return processed.applyOnce(CONSUMER, eventId, () -> records.insert(p));
    }
}
