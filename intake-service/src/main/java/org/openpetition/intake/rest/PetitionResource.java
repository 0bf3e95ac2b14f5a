package org.openpetition.intake.rest;

import static org.openpetition.platform.security.Roles.*;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.QueryParam;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.openpetition.contracts.CaseStatus;
import org.openpetition.contracts.rules.BeijingTime;
import org.openpetition.intake.repository.PetitionListing;
import org.openpetition.platform.paging.PageOf;
import org.openpetition.platform.paging.PageRequest;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.openpetition.intake.Channel;
import org.jboss.logging.Logger;
import org.openpetition.intake.Petition;
import org.openpetition.intake.PersonalDataRead;
import org.openpetition.intake.Petitioner;
import org.openpetition.intake.repository.PersonalDataReadRepository;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.openpetition.intake.i18n.Texts;
import org.openpetition.intake.service.CaseAccess;
import org.openpetition.intake.service.ContactPreferences;
import org.openpetition.intake.service.IdempotencyKeys;
import org.openpetition.intake.service.CaseAccess.Visibility;
import org.openpetition.intake.service.PersonalDataProtection;
import org.openpetition.intake.service.PetitionTracking;
import org.openpetition.intake.service.PetitionerActions;
import org.openpetition.intake.repository.PetitionRepository;
import org.openpetition.intake.service.PetitionRegistration;
import org.openpetition.platform.problem.FieldException;
import org.openpetition.platform.problem.Problem;
import org.openpetition.platform.security.CurrentCaller;
import org.openpetition.platform.security.Jurisdiction;
import jakarta.ws.rs.ForbiddenException;

/** Registration of petitions: online by the petitioner, or by a clerk for letters, visits and calls. */
@Path("/api/petitions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Petitions", description = "信访登记 registration of petitions")
@SecurityRequirement(name = "bearer")
public class PetitionResource {

    private static final Logger LOG = Logger.getLogger(PetitionResource.class);
    private static final Set<Channel> CLERK_CHANNELS = Set.of(Channel.LETTER, Channel.VISIT, Channel.PHONE, Channel.TRANSFERRED);

    private final PetitionRegistration registration;
    private final PetitionRepository petitions;
    private final SecurityIdentity identity;
    private final ObjectMapper json;
    private final CaseAccess access;
    private final PersonalDataProtection protection;
    private final PetitionerActions actions;
    private final PetitionTracking tracking;
    private final CurrentCaller caller;
    private final PersonalDataReadRepository reads;
    private final Texts texts;

    public PetitionResource(PetitionRegistration registration, PetitionRepository petitions, SecurityIdentity identity,
                            ObjectMapper json, CaseAccess access, PersonalDataProtection protection,
                            PetitionerActions actions, PetitionTracking tracking, CurrentCaller caller,
                            PersonalDataReadRepository reads, Texts texts) {
        this.texts = texts;
        this.caller = caller;
        this.reads = reads;
        this.actions = actions;
        this.tracking = tracking;
        this.registration = registration;
        this.access = access;
        this.protection = protection;
        this.petitions = petitions;
        this.identity = identity;
        this.json = json;
    }

    @POST
    @RolesAllowed({CITIZEN, CLERK})
    @Operation(summary = "Register a petition", description = "Stores the petition and publishes petition.submitted.v1, "
            + "then petitioner.contact.v1 (how to reach the petitioners, for the notices they are owed; read only by "
            + "notification-service). A petitioner submits ONLINE for themselves; a clerk registers a LETTER, VISIT, "
            + "PHONE call or TRANSFERRED matter.")
    @APIResponse(responseCode = "201", description = "Registered",
            content = @Content(schema = @Schema(implementation = PetitionReceipt.class)))
    @APIResponse(responseCode = "400", description = "Invalid petition: each bad field is named (e.g. "
            + "petitioners[0].email, language, notifyBy[0])",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "The role may not register petitions")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used before with another body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> submit(@Valid @NotNull SubmitPetitionRequest body,
                                @Parameter(description = "Makes retries safe: a repeated request with the same key "
                                        + "returns the first result (header Idempotent-Replayed: true)")
                                @HeaderParam("Idempotency-Key")
                                @Pattern(regexp = IdempotencyKeys.FORMAT, message = "{petition.idempotencyKey.format}")
                                String idempotencyKey,
                                UriInfo uri) {
        boolean clerk = identity.hasRole(CLERK);
        Channel channel = channelFor(body.channel(), clerk);
        Petition petition = PetitionMapper.toEntity(body, channel);
        if (clerk) {
            petition.registeringLocality = clerkArea();
        }
        return registration.register(petition, identity.getPrincipal().getName(), clerk ? CLERK : CITIZEN,
                        preferences(body, clerk), idempotencyKey, idempotencyKey == null ? null : IdempotencyKeys.fingerprint(json, body))
                .map(result -> Response.created(uri.getAbsolutePathBuilder().path(result.petition().id.toString()).build())
                        .header("Idempotent-Replayed", result.replayed() ? "true" : null)
                        .entity(PetitionMapper.toReceipt(result))
                        .build());
    }

    @GET
    @WithSession
    @RolesAllowed({CITIZEN, CLERK, DISPATCHER, HANDLER, SUPERVISOR, LEADER, ADMIN, AUDITOR})
    @Operation(summary = "The petitions the caller may see, a page at a time",
            description = "The same petitions the read by id shows the caller (docs/security.md), filtered in the "
                    + "database: a petitioner its own online submissions, a clerk what clerks of its area registered and "
                    + "petitions of its area, a handler its unit's cases, a dispatcher, supervisor, auditor or admin the "
                    + "cases of its area, a leader the cases it owns; never an accusation against the caller's own unit. "
                    + "A role without the claim that bounds it lists nothing. No personal data of petitioners.")
    @APIResponse(responseCode = "200", description = "One page: items, page, size and the total of the filtered list",
            content = @Content(schema = @Schema(implementation = PetitionSummaryPage.class)))
    @APIResponse(responseCode = "400", description = "Invalid parameter, named (page, size, status, channel, from, to, q, sort)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "No platform role that sees petitions")
    public Uni<PageOf<PetitionSummary>> list(
            @Parameter(description = "Page number, from 0", schema = @Schema(type = SchemaType.INTEGER, minimum = "0", defaultValue = "0"))
            @QueryParam("page") String page,
            @Parameter(description = "Items per page, 1 to 100", schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
                    maximum = "100", defaultValue = "20"))
            @QueryParam("size") String size,
            @Parameter(description = "Case statuses, comma-separated (REGISTERED,ASSIGNED); all if absent")
            @QueryParam("status") List<String> status,
            @Parameter(description = "Channels, comma-separated (ONLINE, LETTER, VISIT, PHONE, TRANSFERRED, OPEN311); all if absent")
            @QueryParam("channel") List<String> channel,
            @Parameter(description = "Received on or after this day (Beijing time), yyyy-MM-dd",
                    schema = @Schema(type = SchemaType.STRING, format = "date"))
            @QueryParam("from") String from,
            @Parameter(description = "Received on or before this day (Beijing time), yyyy-MM-dd",
                    schema = @Schema(type = SchemaType.STRING, format = "date"))
            @QueryParam("to") String to,
            @Parameter(description = "Text the title contains (case-insensitive), at most " + MAX_QUERY_TEXT + " characters")
            @QueryParam("q") String q,
            @Parameter(description = "-received (newest first, the default) or received (oldest first)",
                    schema = @Schema(enumeration = {"-received", "received"}, defaultValue = "-received"))
            @QueryParam("sort") String sort) {
        PageRequest request = PageRequest.of(integer("page", page), integer("size", size));
        LocalDate fromDay = day("from", from);
        LocalDate toDay = day("to", to);
        if (fromDay != null && toDay != null && toDay.isBefore(fromDay)) {
            throw FieldException.of("to", "不得早于起始日期 / must not be before from");
        }
        if (q != null && q.length() > MAX_QUERY_TEXT) {
            throw FieldException.of("q", "最多 " + MAX_QUERY_TEXT + " 个字符 / at most " + MAX_QUERY_TEXT + " characters");
        }
        boolean newestFirst;
        if (sort == null || sort.isBlank() || "-received".equals(sort.strip())) {
            newestFirst = true;
        } else if ("received".equals(sort.strip())) {
            newestFirst = false;
        } else {
            throw FieldException.of("sort", "须为 -received 或 received / must be -received or received");
        }
        PetitionListing listing = new PetitionListing(values("status", status, CaseStatus.class),
                values("channel", channel, Channel.class), startOf(fromDay), startOf(toDay == null ? null : toDay.plusDays(1)),
                q, newestFirst);
        return petitions.visibleTo(caller.get(), listing, request).map(found -> found.map(p -> PetitionSummary.of(p, texts)));
    }

    /** The answer's shape, for the OpenAPI document. */
    @Schema(name = "PageOfPetitionSummary")
    public record PetitionSummaryPage(List<PetitionSummary> items, int page, int size, long total) {
    }

    private static final int MAX_QUERY_TEXT = 200;

    private static Integer integer(String parameter, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw FieldException.of(parameter, "须为整数 / must be a whole number");
        }
    }

    private static LocalDate day(String parameter, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeException e) {
            throw FieldException.of(parameter, "须为日期 yyyy-MM-dd / must be a date yyyy-MM-dd");
        }
    }

    private static Instant startOf(LocalDate day) {
        return day == null ? null : day.atStartOfDay(BeijingTime.ZONE).toInstant();
    }

    /** The values of a repeatable, comma-separated parameter, each a constant of the enum. */
    private static <E extends Enum<E>> Set<E> values(String parameter, List<String> lists, Class<E> type) {
        Set<E> values = EnumSet.noneOf(type);
        if (lists == null) {
            return values;
        }
        for (String list : lists) {
            for (String value : list.split(",")) {
                if (value.isBlank()) {
                    continue;
                }
                try {
                    values.add(Enum.valueOf(type, value.strip()));
                } catch (IllegalArgumentException e) {
                    throw FieldException.of(parameter, "须为以下之一 / must be one of: " + java.util.Arrays.toString(type.getEnumConstants()));
                }
            }
        }
        return values;
    }

    @GET
    @Path("{caseId}")
    @WithSession
    @RolesAllowed({CITIZEN, CLERK, DISPATCHER, HANDLER, SUPERVISOR, LEADER, ADMIN, AUDITOR})
    @Operation(summary = "A registered petition", description = "Personal data in full only for the handler chain "
            + "(the dispatcher, the clerk who registered it, handlers of the assigned department); masked for the other "
            + "roles. A petitioner sees only their own petitions, a handler only those assigned to their department, and "
            + "never an accusation against their own unit.")
    @APIResponse(responseCode = "200", description = "The petition",
            content = @Content(schema = @Schema(implementation = PetitionView.class)))
    @APIResponse(responseCode = "404", description = "No such petition, or not one the caller may see",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<PetitionView> get(@PathParam("caseId") UUID caseId) {
        return visible(caseId)
                .chain(petition -> {
                    Visibility visibility = access.of(petition);
                    Uni<Void> audited = visibility == Visibility.FULL
                            ? reads.record(petition.id, caller.get(), PersonalDataRead.PETITION) : Uni.createFrom().voidItem();
                    return audited.chain(() -> petitions.petitioners(petition))
                            .map(petitioners -> view(petition, petitioners, visibility));
                });
    }

    @GET
    @Path("{caseId}/timeline")
    @WithSession
    @RolesAllowed({CITIZEN, CLERK, DISPATCHER, HANDLER, SUPERVISOR, LEADER, ADMIN, AUDITOR})
    @Operation(summary = "The petition's status and timeline, as the public tracking shows it",
            description = "For anyone who may read the petition (the petitioner's own, a clerk's, the handler chain's): "
                    + "the same view as POST /api/tracking, without the tracking secret and without personal data.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = TrackingView.class)))
    @APIResponse(responseCode = "404", description = "No such petition, or not visible to the caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<TrackingView> timeline(@PathParam("caseId") UUID caseId) {
        return visible(caseId).chain(tracking::tracked).map(tracked -> TrackingView.of(tracked, texts));
    }

    /** The petition, if the caller may see it at all; otherwise 404, the same as for one that does not exist. */
    private Uni<Petition> visible(UUID caseId) {
        return petitions.findById(caseId)
                .onItem().ifNull().failWith(() -> new NotFoundException("no petition " + caseId))
                .invoke(petition -> {
                    if (access.of(petition) == Visibility.NONE) {
                        throw new NotFoundException("no petition " + caseId);
                    }
                });
    }

    private PetitionView view(Petition petition, List<Petitioner> petitioners, Visibility visibility) {
        if (visibility != Visibility.FULL) {
            return PetitionMapper.toMaskedView(petition, petitioners, access.isOwner(petition));
        }
        LOG.infof("personal data of case %s shown to %s", petition.id, access.caller());
        return PetitionMapper.toFullView(petition, petitioners, protection::decrypt);
    }

    @POST
    @Path("{caseId}/actions")
    @RolesAllowed({CITIZEN, CLERK})
    @Operation(summary = "Evaluate the reply, request review or re-review, or withdraw",
            description = "A petitioner acts on their own petition; a clerk records the action of a petitioner who "
                    + "wrote, called or came in. Each action is checked against the case's state and its window, "
                    + "recorded on the timeline and published as petition.action.v1.")
    @APIResponse(responseCode = "200", description = "Done; the updated status and timeline",
            content = @Content(schema = @Schema(implementation = TrackingView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request: each bad field is named",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such petition, or not the caller's own",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Not allowed in the case's state, or its window has closed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<TrackingView> act(@PathParam("caseId") UUID caseId, @Valid @NotNull ActionRequest body) {
        boolean clerk = identity.hasRole(CLERK);
        return actions.apply(caseId, body.toRequest(), clerk ? "CLERK" : "ONLINE",
                        petition -> access.isOwner(petition) || clerk && access.of(petition) != Visibility.NONE)
                .chain(tracking::tracked)
                .map(tracked -> TrackingView.of(tracked, texts));
    }

    /** The language and channels asked for; the account (token subject) only of a petitioner submitting themselves. */
    private ContactPreferences preferences(SubmitPetitionRequest body, boolean clerk) {
        String userId = clerk ? null : identity.getPrincipal() instanceof JsonWebToken token && token.getSubject() != null
                ? token.getSubject() : identity.getPrincipal().getName();
        return new ContactPreferences(body.language(), userId,
                body.notifyBy() == null ? null : body.notifyBy().stream().distinct().map(Enum::name).toList());
    }

    /** The area of the clerk's petition office (its locality claim): a clerk without one registers nothing. */
    private String clerkArea() {
        Jurisdiction area = caller.get().area();
        if (area == null) {
            throw new ForbiddenException("登记员的令牌未载明所属辖区 / the clerk's token names no locality");
        }
        return area.prefix();
    }

    /** A petitioner's own submission is ONLINE; a clerk must say how the petition arrived. */
    private static Channel channelFor(Channel requested, boolean clerk) {
        if (clerk) {
            if (requested == null || !CLERK_CHANNELS.contains(requested)) {
                throw FieldException.of("channel", "登记员登记来信、来访、来电或转送事项 / a clerk registers LETTER, VISIT, PHONE or TRANSFERRED");
            }
            return requested;
        }
        if (requested != null && requested != Channel.ONLINE) {
            throw FieldException.of("channel", "信访人本人提交的为网上信访 / a petitioner's own submission is ONLINE");
        }
        return Channel.ONLINE;
    }

}
