package org.openpetition.intake.rest;

import static org.openpetition.platform.security.Roles.*;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.PartType;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.openpetition.intake.Attachment;
import org.openpetition.intake.PersonalDataRead;
import org.openpetition.intake.repository.PersonalDataReadRepository;
import org.openpetition.platform.security.CurrentCaller;
import org.openpetition.intake.service.AttachmentStore;
import org.openpetition.intake.service.CaseAccess;
import org.openpetition.platform.problem.FieldException;
import org.openpetition.platform.problem.Problem;

/** Attachments of a petition (附件): evidence, letters, photos, recordings. */
@Path("/api/petitions/{caseId}/attachments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Attachments", description = "附件 files attached to a petition")
@SecurityRequirement(name = "bearer")
public class AttachmentResource {

    private final AttachmentStore store;
    private final CaseAccess access;
    private final SecurityIdentity identity;
    private final Vertx vertx;
    private final PersonalDataReadRepository reads;
    private final CurrentCaller caller;

    public AttachmentResource(AttachmentStore store, CaseAccess access, SecurityIdentity identity, Vertx vertx,
                              PersonalDataReadRepository reads, CurrentCaller caller) {
        this.reads = reads;
        this.caller = caller;
        this.store = store;
        this.access = access;
        this.identity = identity;
        this.vertx = vertx;
    }

    /** The multipart form of an upload. */
    @Schema(name = "AttachmentUpload")
    public static class UploadForm {
        @RestForm("file")
        @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "binary",
                description = "The file; its Content-Type must match its content")
        public FileUpload file;

        @RestForm("sha256")
        @PartType(MediaType.TEXT_PLAIN)
        @Schema(description = "Optional: the file's SHA-256 (hex) as the client computed it; a mismatch is rejected")
        public String sha256;
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed({CITIZEN, CLERK})
    @Operation(summary = "Attach a file", description = "PDF, JPEG, PNG, MP3, MP4, plain text or Word (.docx); at most "
            + "20 MiB per file and 10 files per petition by default. The content must match the declared type. "
            + "The same file sent again returns the stored attachment (200) instead of a second copy.")
    @APIResponse(responseCode = "201", description = "Stored", content = @Content(schema = @Schema(implementation = AttachmentView.class)))
    @APIResponse(responseCode = "200", description = "This file was attached before", content = @Content(schema = @Schema(implementation = AttachmentView.class)))
    @APIResponse(responseCode = "400", description = "No file, an empty file or a checksum mismatch",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such petition, or not the caller's own",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Too many attachments, or the case is final",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "The file is too large",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "A type not accepted, or content that does not match its type",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> upload(@PathParam("caseId") UUID caseId, UploadForm form, UriInfo uri) {
        if (form == null || form.file == null) {
            return Uni.createFrom().failure(FieldException.of("file",
                    "须上传文件（multipart 字段 file）/ a file is required (multipart part \"file\")"));
        }
        FileUpload file = form.file;
        String user = identity.getPrincipal().getName();
        return vertx.fileSystem().readFile(file.uploadedFile().toString())
                .map(buffer -> new AttachmentStore.Upload(file.fileName(), file.contentType(), buffer.getBytes(), form.sha256))
                .chain(upload -> store.add(caseId, upload, user, access::mayAddAttachments))
                .map(stored -> Response.status(stored.created() ? Response.Status.CREATED : Response.Status.OK)
                        .location(uri.getAbsolutePathBuilder().path(stored.attachment().id.toString()).build())
                        .entity(AttachmentView.of(stored.attachment())).build());
    }

    @GET
    @RolesAllowed({CITIZEN, CLERK, DISPATCHER, HANDLER})
    @Operation(summary = "The attachments of a petition", description = "For the handler chain and the petitioner.")
    @APIResponse(responseCode = "200", description = "Oldest first")
    @APIResponse(responseCode = "404", description = "No such petition, or not one the caller may see",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<List<AttachmentView>> list(@PathParam("caseId") UUID caseId) {
        return store.list(caseId, access::mayReadAttachments).map(list -> list.stream().map(AttachmentView::of).toList());
    }

    @GET
    @Path("{attachmentId}")
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    @RolesAllowed({CITIZEN, CLERK, DISPATCHER, HANDLER})
    @Operation(summary = "Download an attachment", description = "The bytes as stored, with their media type and a "
            + "Repr-Digest header (SHA-256) to check them against.")
    @APIResponse(responseCode = "200", description = "The file")
    @APIResponse(responseCode = "404", description = "No such attachment, or not one the caller may see",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> download(@PathParam("caseId") UUID caseId, @PathParam("attachmentId") UUID attachmentId) {
        AtomicBoolean byOwner = new AtomicBoolean();
        return store.download(caseId, attachmentId, petition -> {
                    byOwner.set(access.isOwner(petition));
                    return access.mayReadAttachments(petition);
                })
                // an official's download is a read of personal data: audited (the petitioner's own is not)
                .call(download -> byOwner.get() ? Uni.createFrom().voidItem()
                        : reads.record(caseId, caller.get(), PersonalDataRead.ATTACHMENT))
                .map(download -> {
            Attachment a = download.attachment();
            return Response.ok(download.content(), a.mediaType)
                    .header("Content-Disposition", "attachment; filename*=UTF-8''"
                            + URLEncoder.encode(a.fileName, StandardCharsets.UTF_8).replace("+", "%20"))
                    .header("Repr-Digest", "sha-256=:" + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(a.sha256)) + ":")
                    .header("X-Content-Type-Options", "nosniff")
                    .build();
        });
    }
}
