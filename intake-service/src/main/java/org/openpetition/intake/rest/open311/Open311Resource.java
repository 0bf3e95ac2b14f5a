package org.openpetition.intake.rest.open311;

import static org.openpetition.platform.security.Roles.OPEN311_CLIENT;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.openpetition.contracts.taxonomy.SubjectCategories;
import org.openpetition.contracts.taxonomy.SubjectCategory;
import org.openpetition.intake.i18n.Messages;
import org.openpetition.intake.i18n.Texts;
import org.openpetition.intake.service.Open311Requests;
import org.openpetition.intake.service.Open311Requests.Found;
import org.openpetition.intake.service.Open311Requests.Rejected;

/**
 * Open311 GeoReport v2 (https://wiki.open311.org/GeoReport_v2): city apps and hotline platforms submit
 * service requests, which become petitions of channel OPEN311, and read back the status of their own.
 * A client authenticates with a bearer token of the Keycloak client-credentials grant (role
 * open311-client), which replaces GeoReport's api_key. Differences from a public 311 server, on purpose:
 * the jurisdiction_id is required and is the administrative division code where the matter arose;
 * a client sees only the requests it submitted (petitions are not public); errors use GeoReport's
 * error list, each naming the field. Texts a city app shows its users (service names, status notes,
 * the notice of a new request) are in Chinese, or in English for a client whose Accept-Language asks for it.
 */
@Path("/open311/v2")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Open311", description = "Open311 GeoReport v2 for city apps and hotline platforms")
public class Open311Resource {

    private final Open311Requests requests;
    private final SecurityIdentity identity;
    private final Texts texts;

    public Open311Resource(Open311Requests requests, SecurityIdentity identity, Texts texts) {
        this.requests = requests;
        this.identity = identity;
        this.texts = texts;
    }

    @GET
    @Path("services.json")
    @PermitAll
    @Operation(summary = "GeoReport service list: one service per active subject category")
    public List<GeoReport.Service> services(@Context HttpHeaders headers) {
        boolean english = english(headers);
        SubjectCategories taxonomy = SubjectCategories.shipped();
        return taxonomy.all().stream().filter(SubjectCategory::active)
                .map(c -> new GeoReport.Service(c.code(), name(c, english), name(c, english), false, "realtime",
                        c.english(), c.parent() == null ? name(c, english)
                        : taxonomy.find(c.parent()).map(parent -> name(parent, english)).orElse(null)))
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
                    + "the petitioner is sent the registration receipt and later notices (petitioner.contact.v1). "
                    + "An Idempotency-Key header makes retries safe, as for /api/petitions.")
    @APIResponse(responseCode = "201", description = "A list with the created request")
    @APIResponse(responseCode = "400", description = "GeoReport errors: a list of {code, description}, each naming the field")
    public Uni<Response> create(@RestForm("jurisdiction_id") String jurisdictionId,
                                @RestForm("service_code") String serviceCode,
                                @RestForm("description") String description,
                                @RestForm("address_string") String addressString,
                                @RestForm("lat") String lat, @RestForm("long") String lon,
                                @RestForm("first_name") String firstName, @RestForm("last_name") String lastName,
                                @RestForm("phone") String phone, @RestForm("email") String email,
                                @HeaderParam("Idempotency-Key") String idempotencyKey,
                                @Context HttpHeaders headers) {
        Open311Requests.Form form = new Open311Requests.Form(jurisdictionId, serviceCode, description, addressString, lat,
                lon, firstName, lastName, phone, email);
        Messages messages = texts.in(english(headers));
        return requests.register(form, client(), idempotencyKey)
                .map(result -> Response.status(Response.Status.CREATED).entity(List.of(new GeoReport.Created(
                        result.petition().trackingCode, messages.open311Registered(), null, result.querySecret()))).build())
                .onFailure(Rejected.class).recoverWithItem(e -> error((Rejected) e));
    }

    @GET
    @Path("requests/{id}.json")
    @RolesAllowed(OPEN311_CLIENT)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "GeoReport: one service request of this client, by its service_request_id (the tracking code)")
    @APIResponse(responseCode = "200", description = "A list with the request")
    @APIResponse(responseCode = "404", description = "GeoReport errors: no such request of this client")
    public Uni<Response> request(@PathParam("id") String id, @Context HttpHeaders headers) {
        return respond(requests.byId(client(), id), english(headers));
    }

    @GET
    @Path("requests.json")
    @RolesAllowed(OPEN311_CLIENT)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "GeoReport: this client's service requests",
            description = "By service_request_id (comma-separated), or in a period (start_date, end_date; default the "
                    + "last 90 days), optionally by status (open, closed) and service_code; at most 1000, newest first.")
    @APIResponse(responseCode = "200", description = "A list of requests")
    @APIResponse(responseCode = "400", description = "GeoReport errors: a bad date or status")
    public Uni<Response> requests(@QueryParam("service_request_id") String ids, @QueryParam("start_date") String startDate,
                                  @QueryParam("end_date") String endDate, @QueryParam("status") String status,
                                  @QueryParam("service_code") String serviceCode, @Context HttpHeaders headers) {
        return respond(ids != null && !ids.isBlank() ? requests.byIds(client(), ids)
                : requests.inPeriod(client(), startDate, endDate, status, serviceCode), english(headers));
    }

    private Uni<Response> respond(Uni<List<Found>> found, boolean english) {
        return found.map(list -> Response.ok(list.stream().map(f -> request(f, english)).toList()).build())
                .onFailure(Rejected.class).recoverWithItem(e -> error((Rejected) e));
    }

    private GeoReport.Request request(Found found, boolean english) {
        var p = found.petition();
        Texts.Label status = texts.status(p.status);
        return new GeoReport.Request(p.trackingCode, Open311Requests.geoReportStatus(p), english ? status.en() : status.zh(),
                SubjectCategories.shipped().find(p.subjectCategory).map(c -> name(c, english)).orElse(null),
                p.subjectCategory, p.content, p.assignedDepartmentName, null, p.receivedAt, found.updated(), null,
                p.addressText, null, null, null, null, null);
    }

    private String client() {
        return identity.getPrincipal().getName();
    }

    /** The client asks for English first (Accept-Language); Chinese otherwise. */
    private static boolean english(HttpHeaders headers) {
        List<Locale> languages = headers.getAcceptableLanguages();
        return !languages.isEmpty() && "en".equals(languages.get(0).getLanguage());
    }

    private static String name(SubjectCategory category, boolean english) {
        return english ? category.english() : category.chinese();
    }

    private static Response error(Rejected rejected) {
        return Response.status(rejected.status()).type(MediaType.APPLICATION_JSON)
                .entity(GeoReport.errors(rejected.status(), rejected.descriptions())).build();
    }
}
