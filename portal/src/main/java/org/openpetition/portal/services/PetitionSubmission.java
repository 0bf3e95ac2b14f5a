package org.openpetition.portal.services;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * Sends a petition to intake-service with the user's token, then its attachments one by one. The petition
 * counts once it is registered: an attachment refused afterwards (too large, a type not taken) is reported
 * on the receipt page, and the petitioner can add it later.
 */
@ApplicationScoped
public class PetitionSubmission {

    /** intake's answer to the petition, and the names and reasons of attachments it refused. */
    public record Outcome(Answer answer, List<String> refusedAttachments) {
    }

    private final ServiceCalls services;

    public PetitionSubmission(ServiceCalls services) {
        this.services = services;
    }

    public Uni<Outcome> submit(Map<String, Object> request, List<FileUpload> files, String bearer) {
        return services.post(Service.INTAKE, "/api/petitions", request, bearer).chain(answer -> {
            if (!answer.ok()) {
                return Uni.createFrom().item(new Outcome(answer, List.of()));
            }
            String caseId = answer.body().path("caseId").asText();
            List<String> refused = new ArrayList<>();
            return Multi.createFrom().iterable(files)
                    .onItem().transformToUniAndConcatenate(file -> services.upload(Service.INTAKE,
                                    "/api/petitions/" + caseId + "/attachments", "file", file.fileName(), file.contentType(),
                                    file.uploadedFile(), bearer)
                            .invoke(upload -> {
                                if (!upload.ok()) {
                                    String why = upload.unavailable() ? "" : upload.fieldErrors().isEmpty() ? upload.detail()
                                            : String.join("; ", upload.fieldErrors().values());
                                    refused.add(file.fileName() + (why == null || why.isBlank() ? "" : ": " + why));
                                }
                            }))
                    .collect().asList()
                    .map(uploads -> new Outcome(answer, refused));
        });
    }
}
