package org.openpetition.intake.rest;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.openpetition.contracts.CaseStatus;
import org.openpetition.intake.StatusEntry;
import org.openpetition.intake.i18n.Texts;
import org.openpetition.intake.service.PetitionTracking.Tracked;

/**
 * The public status of a petition: where it stands (the platform's case status) and what happened, without
 * personal data. Every label is a whole Chinese and a whole English text from the message bundle.
 */
public record TrackingView(String trackingCode, String status, String statusZh, String statusEn, Instant receivedAt,
                           List<Step> timeline) {

    /** One step: when, what happened (in Chinese and English), the body concerned and any note given with it. */
    public record Step(Instant at, String status, String statusZh, String statusEn, String body,
                       @Schema(description = "The reason or guidance the body gave, or the petitioner's evaluation; Chinese")
                       String note,
                       @Schema(description = "The note in English, where there is one") String noteEn) {
    }

    static TrackingView of(Tracked tracked, Texts texts) {
        CaseStatus status = tracked.status();
        Texts.Label label = texts.status(status);
        return new TrackingView(tracked.petition().trackingCode, status.name(), label.zh(), label.en(),
                tracked.petition().receivedAt, tracked.timeline().stream().map(entry -> step(entry, texts)).toList());
    }

    private static Step step(StatusEntry entry, Texts texts) {
        Texts.Label label = texts.step(entry.step);
        Texts.Label evaluation = entry.evaluation == null ? null : texts.evaluation(entry.evaluation);
        return new Step(entry.at, entry.step.name(), label.zh(), label.en(), entry.bodyName,
                evaluation == null ? entry.note : evaluation.zh(), evaluation == null ? entry.noteEn : evaluation.en());
    }
}
