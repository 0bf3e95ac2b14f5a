package org.openpetition.intake.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.ws.rs.NotFoundException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Predicate;
import org.openpetition.intake.Attachment;
import org.openpetition.intake.AttachmentContent;
import org.openpetition.intake.Petition;
import org.openpetition.intake.config.AttachmentConfig;
import org.openpetition.intake.repository.AttachmentContentRepository;
import org.openpetition.intake.repository.AttachmentRepository;
import org.openpetition.intake.repository.PetitionRepository;
import org.openpetition.intake.validation.MediaTypes;
import org.openpetition.platform.problem.FieldException;
import org.openpetition.platform.problem.Problem;
import org.openpetition.platform.problem.ProblemException;

/**
 * Attachments of a petition (附件): checked for size and type (the content must be what it claims),
 * fingerprinted with SHA-256 and stored durably in the service's database in one transaction. The same
 * file sent twice is stored once.
 */
@ApplicationScoped
public class AttachmentStore {

    private static final String OCTET_STREAM = "application/octet-stream";

    private final PetitionRepository petitions;
    private final AttachmentRepository attachments;
    private final AttachmentContentRepository contents;
    private final AttachmentConfig config;

    public AttachmentStore(PetitionRepository petitions, AttachmentRepository attachments,
                           AttachmentContentRepository contents, AttachmentConfig config) {
        this.petitions = petitions;
        this.attachments = attachments;
        this.contents = contents;
        this.config = config;
    }

    /** A file as uploaded. {@code expectedSha256} is the client's own checksum, if it sent one. */
    public record Upload(String fileName, String declaredType, byte[] content, String expectedSha256) {
    }

    /** The attachment, and whether this upload created it (false: the same file was there already). */
    public record Stored(Attachment attachment, boolean created) {
    }

    public Uni<Stored> add(UUID caseId, Upload upload, String uploadedBy, Predicate<Petition> mayAdd) {
        Attachment attachment;
        try {
            attachment = check(caseId, upload, uploadedBy);
        } catch (RuntimeException invalid) {
            return Uni.createFrom().failure(invalid);
        }
        return Panache.withTransaction(() -> petitions.findById(caseId, LockModeType.PESSIMISTIC_WRITE)
                .map(petition -> petition != null && mayAdd.test(petition) ? petition : null)
                .onItem().ifNull().failWith(() -> new NotFoundException("no petition " + caseId))
                .chain(petition -> {
                    if (petition.isTerminal()) {
                        throw ProblemException.conflict("案件已终结或已撤回，不能再添加附件 / the case is final or withdrawn");
                    }
                    return attachments.findBySha256(caseId, attachment.sha256);
                })
                .chain(existing -> existing != null ? Uni.createFrom().item(new Stored(existing, false))
                        : attachments.countOfPetition(caseId).chain(count -> {
                            if (count >= config.maxPerPetition()) {
                                throw ProblemException.conflict("每件信访至多 " + config.maxPerPetition() + " 个附件 / at most "
                                        + config.maxPerPetition() + " attachments per petition");
                            }
                            AttachmentContent content = new AttachmentContent();
                            content.id = attachment.id;
                            content.content = upload.content();
                            return attachments.persist(attachment).call(() -> contents.persist(content))
                                    .map(saved -> new Stored(saved, true));
                        })));
    }

    public Uni<List<Attachment>> list(UUID caseId, Predicate<Petition> mayRead) {
        return Panache.withSession(() -> visible(caseId, mayRead).chain(() -> attachments.ofPetition(caseId)));
    }

    /** The attachment and its bytes. */
    public Uni<Download> download(UUID caseId, UUID attachmentId, Predicate<Petition> mayRead) {
        return Panache.withSession(() -> visible(caseId, mayRead)
                .chain(() -> attachments.findById(attachmentId))
                .map(found -> found != null && found.petitionId.equals(caseId) ? found : null)
                .onItem().ifNull().failWith(() -> new NotFoundException("no attachment " + attachmentId))
                .chain(found -> contents.findById(attachmentId).map(content -> new Download(found, content.content))));
    }

    public record Download(Attachment attachment, byte[] content) {
    }

    private Uni<Petition> visible(UUID caseId, Predicate<Petition> mayRead) {
        return petitions.findById(caseId)
                .map(petition -> petition != null && mayRead.test(petition) ? petition : null)
                .onItem().ifNull().failWith(() -> new NotFoundException("no petition " + caseId));
    }

    /** Size, type and checksum, before anything touches the database. */
    private Attachment check(UUID caseId, Upload upload, String uploadedBy) {
        byte[] content = upload.content();
        if (content.length == 0) {
            throw FieldException.of("file", "文件为空 / the file is empty");
        }
        if (content.length > config.maxBytes()) {
            throw new ProblemException(new Problem(Problem.TOO_LARGE, "附件过大 / Attachment too large", 413,
                    "单个附件不得超过 " + config.maxBytes() + " 字节 / an attachment may have at most " + config.maxBytes()
                            + " bytes", null, List.of(new Problem.FieldError("file", "too large"))));
        }
        String declared = normalize(upload.declaredType());
        String actual = MediaTypes.detect(content, upload.fileName(), declared);
        if (!config.mediaTypes().contains(actual)
                || !declared.equals(OCTET_STREAM) && !declared.equals(actual)) {
            throw new ProblemException(new Problem(Problem.UNSUPPORTED_MEDIA_TYPE, "附件类型不支持 / Unsupported attachment type",
                    415, "可接受 " + String.join(", ", config.mediaTypes().stream().sorted().toList())
                    + "，且内容须与声明的类型一致 / accepted: the types listed, with content matching the declared type"
                    + " (declared " + declared + ", content " + actual + ")",
                    null, List.of(new Problem.FieldError("file", "type"))));
        }
        String sha256 = sha256(content);
        if (upload.expectedSha256() != null && !upload.expectedSha256().isBlank()
                && !upload.expectedSha256().strip().equalsIgnoreCase(sha256)) {
            throw FieldException.of("sha256", "与收到的文件的 SHA-256 不符，文件可能在传输中损坏 / does not match the SHA-256 of the file"
                    + " received; it may have been damaged in transit");
        }
        Attachment attachment = new Attachment();
        attachment.id = UUID.randomUUID();
        attachment.petitionId = caseId;
        attachment.fileName = fileName(upload.fileName());
        attachment.mediaType = actual;
        attachment.sizeBytes = content.length;
        attachment.sha256 = sha256;
        attachment.uploadedBy = uploadedBy;
        attachment.uploadedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return attachment;
    }

    /** The last path segment, without control characters, at most 200 characters. */
    static String fileName(String name) {
        String base = name == null ? "" : name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        base = base.replaceAll("\\p{Cntrl}", "").strip();
        if (base.isEmpty()) {
            base = "attachment";
        }
        return base.length() > 200 ? base.substring(base.length() - 200) : base;
    }

    private static String normalize(String mediaType) {
        if (mediaType == null || mediaType.isBlank()) {
            return OCTET_STREAM;
        }
        int semicolon = mediaType.indexOf(';');
        return (semicolon < 0 ? mediaType : mediaType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
