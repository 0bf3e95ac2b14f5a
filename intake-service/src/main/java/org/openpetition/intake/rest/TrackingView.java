package org.openpetition.intake.rest;

import java.time.Instant;
import java.util.List;
import org.openpetition.intake.PetitionStatus;
import org.openpetition.intake.service.PetitionTracking.Tracked;

/** The public status of a petition: where it stands and what happened, without personal data. */
public record TrackingView(String trackingCode, String status, String statusZh, String statusEn, Instant receivedAt,
                           List<Step> timeline) {

    /** One step: when, what (in Chinese and English), the body concerned and any reason given. */
    public record Step(Instant at, String status, String statusZh, String statusEn, String body, String note) {
    }

    static TrackingView of(Tracked tracked) {
        PetitionStatus status = tracked.petition().status;
        return new TrackingView(tracked.petition().trackingCode, status.name(), status.chinese(), status.english(),
                tracked.petition().receivedAt, tracked.timeline().stream()
                .map(s -> new Step(s.at, s.status.name(), s.status.chinese(), s.status.english(), s.bodyName, s.note))
                .toList());
    }
}
