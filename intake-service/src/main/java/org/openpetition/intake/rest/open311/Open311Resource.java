package org.openpetition.intake.rest.open311;

import static org.openpetition.platform.security.Roles.OPEN311_CLIENT;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.openpetition.contracts.taxonomy.SubjectCategories;
import org.openpetition.contracts.taxonomy.SubjectCategory;
import org.openpetition.intake.Channel;
import org.openpetition.intake.Petition;
import org.openpetition.intake.PetitionKind;
import org.openpetition.intake.repository.PetitionRepository;
import org.openpetition.intake.repository.StatusEntryRepository;
import org.openpetition.intake.rest.PetitionMapper;
import org.openpetition.intake.rest.SubmitPetitionRequest;
import org.openpetition.intake.service.ContactPreferences;
import org.openpetition.intake.service.PetitionRegistration;

/**
 * Open311 GeoReport v2 (https://wiki.open311.org/GeoReport_v2): city apps and hotline platforms submit
 * service requests, which become petitions of channel OPEN311, and read back the status of their own.
 * A client authenticates with a bearer token of the Keycloak client-credentials grant (role
 * open311-client), which replaces GeoReport's api_key. Differences from a public 311 server, on purpose:
 * the jurisdiction_id is required and is the administrative division code where the matter arose;
 * a client sees only the requests it submitted (petitions are not public); errors use GeoReport's
 * error list, each naming the field.
 */
@Path("/open311/v2")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Open311", description = "Open311 GeoReport v2 for city apps and hotline platforms")
public class Open311Resource {

    private static final int MAX_REQUESTS = 1000;
    private static final Map<String, String> FIELD_NAMES = Map.of("subjectCategory", "service_code",
            "localityCode", "jurisdiction_id", "content", "description", "addressText", "address_string",
            "petitioners[0].name", "first_name/last_name", "petitioners[0].phone", "phone", "petitioners[0].email", "email",
            "title", "description");

    private final PetitionRegistration registration;
    private final PetitionRepository petitions;
    private final StatusEntryRepository statuses;
    private final SecurityIdentity identity;
    private final Validator validator;

    public Open311Resource(PetitionRegistration registration, PetitionRepository petitions, StatusEntryRepository statuses,
                           SecurityIdentity identity, Validator validator) {
        this.registration = registration;
        this.petitions = petitions;
        this.statuses = statuses;
        this.identity = identity;
        this.validator = validator;
    }

    @GET
    @Path("services.json")
    @PermitAll
    @Operation(summary = "GeoReport service list: one service per active subject category")
    public List<GeoReport.Service> services() {
        SubjectCategories taxonomy = SubjectCategories.shipped();
        return taxonomy.all().stream().filter(SubjectCategory::active)
                .map(c -> new GeoReport.Service(c.code(), c.chinese(), c.chinese() + " / " + c.english(), false,
                        "realtime", c.english(), c.parent() == null ? c.chinese()
                        : taxonomy.find(c.parent()).map(SubjectCategory::chinese).orElse(null)))
                .toList();
    }

    @POST
    @Path("requests.json")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(OPEN311_CLIENT)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "GeoReport: create a service request (registers a petition, channel OPEN311)",
            description = "jurisdiction_id is required: the administrative division code where the matter arose. "
                    + "The response carries this server's extension query_secret, which the petitioner needs with "
                    + "the service_request_id (the tracking code) to follow the case at /api/tracking. The GeoReport "
                    + "fields phone (a mobile number or a landline with area code) and email (an email address) say where "
                    + "the petitioner is sent the registration receipt and later notices (petitioner.contact.v1).")
    @APIResponse(responseCode = "201", description = "A list with the created request")
    @APIResponse(responseCode = "400", description = "GeoReport errors: a list of {code, description}, each naming the field")
    public Uni<Response> create(@RestForm("jurisdiction_id") String jurisdictionId,
                                @RestForm("service_code") String serviceCode,
                                @RestForm("description") String description,
                                @RestForm("address_string") String addressString,
                                @RestForm("lat") String lat, @RestForm("long") String lon,
                                @RestForm("first_name") String firstName, @RestForm("last_name") String lastName,
                                @RestForm("phone") String phone, @RestForm("email") String email,
                                @HeaderParam("Idempotency-Key") String idempotencyKey) {
        SubmitPetitionRequest request = new SubmitPetitionRequest(Channel.OPEN311, PetitionKind.SOLUTION_REQUEST,
                serviceCode, jurisdictionId, address(addressString, lat, lon), title(serviceCode, description),
                description, null, List.of(new SubmitPetitionRequest.PetitionerInput(null, name(firstName, lastName),
                        null, blankToNull(phone), null, null, blankToNull(email))), null, null, null, null, null);
        List<String> errors = validator.validate(request).stream()
                .map(Open311Resource::describe).sorted().toList();
        if (!errors.isEmpty()) {
            return Uni.createFrom().item(error(400, errors));
        }
        Petition petition = PetitionMapper.toEntity(request, Channel.OPEN311);
        String client = identity.getPrincipal().getName();
        return registration.register(petition, client, OPEN311_CLIENT, ContactPreferences.NONE, blankToNull(idempotencyKey),
                        idempotencyKey == null ? null : String.join("\u0000", Arrays.asList(jurisdictionId, serviceCode,
                                description, addressString, lat, lon, firstName, lastName, phone)) + emailPart(email))
                .map(result -> Response.status(Response.Status.CREATED).entity(List.of(new GeoReport.Created(
                        result.petition().trackingCode, "已登记，请凭查询码和查询密码查询办理进展 / Registered: follow it "
                        + "with the tracking code and query secret", null, result.querySecret()))).build());
    }

    @GET
    @Path("requests/{id}.json")
    @RolesAllowed(OPEN311_CLIENT)
    @SecurityRequirement(name = "bearer")
    @WithSession
    @Operation(summary = "GeoReport: one service request of this client, by its service_request_id (the tracking code)")
    @APIResponse(responseCode = "200", description = "A list with the request")
    @APIResponse(responseCode = "404", description = "GeoReport errors: no such request of this client")
    public Uni<Response> request(@PathParam("id") String id) {
        return petitions.findByTrackingCodes(identity.getPrincipal().getName(), List.of(id))
                .chain(this::toRequests)
                .map(found -> found.isEmpty() ? error(404, List.of("service_request_id: 无此请求 / no such request of this client"))
                        : Response.ok(found).build());
    }

    @GET
    @Path("requests.json")
    @RolesAllowed(OPEN311_CLIENT)
    @SecurityRequirement(name = "bearer")
    @WithSession
    @Operation(summary = "GeoReport: this client's service requests",
            description = "By service_request_id (comma-separated), or in a period (start_date, end_date; default the "
                    + "last 90 days), optionally by status (open, closed) and service_code; at most 1000, newest first.")
    @APIResponse(responseCode = "200", description = "A list of requests")
    @APIResponse(responseCode = "400", description = "GeoReport errors: a bad date or status")
    public Uni<Response> requests(@QueryParam("service_request_id") String ids, @QueryParam("start_date") String startDate,
                                  @QueryParam("end_date") String endDate, @QueryParam("status") String status,
                                  @QueryParam("service_code") String serviceCode) {
        String client = identity.getPrincipal().getName();
        if (ids != null && !ids.isBlank()) {
            List<String> codes = Arrays.stream(ids.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                    .limit(MAX_REQUESTS).toList();
            return petitions.findByTrackingCodes(client, codes).chain(this::toRequests).map(r -> Response.ok(r).build());
        }
        Instant end;
        Instant start;
        try {
            end = endDate == null ? Instant.now() : OffsetDateTime.parse(endDate).toInstant();
            start = startDate == null ? end.minus(Duration.ofDays(90)) : OffsetDateTime.parse(startDate).toInstant();
        } catch (DateTimeParseException e) {
            return Uni.createFrom().item(error(400, List.of("start_date/end_date: 须为 ISO 8601 时间，如 "
                    + "2026-11-01T00:00:00+08:00 / must be ISO 8601 date-times such as 2026-11-01T00:00:00+08:00")));
        }
        if (status != null && !Set.of("open", "closed").contains(status)) {
            return Uni.createFrom().item(error(400, List.of("status: 须为 open 或 closed / must be open or closed")));
        }
        return petitions.findRegisteredBy(client, start, end, MAX_REQUESTS)
                .map(found -> found.stream()
                        .filter(p -> serviceCode == null || serviceCode.equals(p.subjectCategory))
                        .filter(p -> status == null || status.equals(GeoReportStatus.of(p)))
                        .toList())
                .chain(this::toRequests)
                .map(r -> Response.ok(r).build());
    }

    private Uni<List<GeoReport.Request>> toRequests(List<Petition> found) {
        return statuses.lastChanged(found.stream().map(p -> p.id).toList())
                .map(changed -> found.stream().map(p -> new GeoReport.Request(p.trackingCode, GeoReportStatus.of(p),
                                p.status.chinese() + " / " + p.status.english(),
                                SubjectCategories.shipped().find(p.subjectCategory).map(SubjectCategory::chinese).orElse(null),
                                p.subjectCategory, p.content, p.assignedDepartmentName, null, p.receivedAt,
                                changed.getOrDefault(p.id, p.receivedAt), null, p.addressText, null, null, null, null, null))
                        .sorted(Comparator.comparing(GeoReport.Request::requestedDatetime).reversed())
                        .toList());
    }

    private static String describe(ConstraintViolation<SubmitPetitionRequest> violation) {
        String path = violation.getPropertyPath().toString();
        return FIELD_NAMES.getOrDefault(path, path) + ": " + violation.getMessage();
    }

    private static Response error(int code, List<String> descriptions) {
        return Response.status(code).type(MediaType.APPLICATION_JSON).entity(GeoReport.errors(code, descriptions)).build();
    }

    /** GeoReport knows only open and closed. */
    static final class GeoReportStatus {
        static String of(Petition petition) {
            return petition.closedAt == null ? "open" : "closed";
        }
    }

    private static String address(String addressString, String lat, String lon) {
        if (addressString != null && !addressString.isBlank()) {
            return addressString.strip();
        }
        return lat != null && lon != null && !lat.isBlank() && !lon.isBlank() ? "WGS84 " + lat.strip() + "," + lon.strip() : null;
    }

    /** The service's name and the beginning of the description. */
    private static String title(String serviceCode, String description) {
        String service = SubjectCategories.shipped().find(serviceCode).map(SubjectCategory::chinese).orElse("Open311");
        String text = description == null ? "" : description.strip().replaceAll("\\s+", " ");
        return service + "：" + (text.length() > 40 ? text.substring(0, 40) + "…" : text);
    }

    /** Chinese names are family name first, without a space; others given name first. */
    private static String name(String first, String last) {
        String f = first == null ? "" : first.strip();
        String l = last == null ? "" : last.strip();
        boolean chinese = (f + l).codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
        return (chinese ? l + f : (f + " " + l)).strip();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** The email joins the request's fingerprint only when given, so that keys used before it existed still match. */
    private static String emailPart(String email) {
        return email == null ? "" : "\u0000" + email;
    }
}
