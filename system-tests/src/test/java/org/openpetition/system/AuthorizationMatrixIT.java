package org.openpetition.system;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openpetition.system.AuthorizationMatrixIT.Who.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openpetition.devinfra.KeycloakServer;
import org.openpetition.devinfra.Platform;
import org.openpetition.devinfra.PlatformService;

/**
 * The authorization matrix (docs/security.md): every operation of the four services' OpenAPI documents,
 * called by every kind of caller, for one case of 达川区's housing bureau (511703-ZJJ). The callers are
 * users created through Keycloak's admin API the way an operator creates officials, so their tokens
 * carry the realm's default roles beside the platform role; each role comes as a user of the case's area
 * or unit ("own"), of another area or unit ("other") and without the claim that bounds it ("none"), plus
 * a user with the default roles only (whose claims would name the case's unit and the whole country) and
 * an anonymous caller. {@link #EXPECTED} is the one table of who gets through, mirroring docs/security.md; any
 * operation the documents list and the table does not fails the test, so a new endpoint cannot go
 * unclassified. "Through" is any answer but 401, 403 and 404 (a refused state change, 409, or a
 * rejected body, 400, come after the access decision); a 5xx fails the test for every caller.
 */
class AuthorizationMatrixIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** The callers: a platform role and its bounding claims, or none. */
    enum Who {
        ANONYMOUS(null, Map.of()),
        DEFAULT_ROLES_ONLY(null, Map.of("department", "511703-ZJJ", "locality", "CN", "leader_id", "511703-L01")),
        CITIZEN_OWN("citizen", Map.of()),
        CITIZEN_OTHER("citizen", Map.of()),
        CLERK_OWN("clerk", Map.of("locality", "511703")),
        CLERK_OTHER("clerk", Map.of("locality", "411625")),
        CLERK_NONE("clerk", Map.of()),
        DISPATCHER_OWN("dispatcher", Map.of("locality", "511703")),
        DISPATCHER_OTHER("dispatcher", Map.of("locality", "411625")),
        DISPATCHER_NONE("dispatcher", Map.of()),
        HANDLER_OWN("handler", Map.of("department", "511703-ZJJ", "locality", "511703")),
        HANDLER_OTHER("handler", Map.of("department", "511703-RSJ", "locality", "511703")),
        HANDLER_NONE("handler", Map.of("locality", "511703")),
        SUPERVISOR_OWN("supervisor", Map.of("locality", "511703")),
        SUPERVISOR_OTHER("supervisor", Map.of("locality", "411625")),
        SUPERVISOR_NONE("supervisor", Map.of()),
        /** The supervising body of the case's unit (达州市住房和城乡建设局): records the review opinion. */
        REVIEWER("supervisor", Map.of("department", "5117-ZJJ", "locality", "5117")),
        LEADER_OWN("leader", Map.of("leader_id", "511703-L01", "locality", "511703")),
        LEADER_OTHER("leader", Map.of("leader_id", "4116-L01", "locality", "4116")),
        LEADER_NONE("leader", Map.of()),
        AUDITOR_OWN("auditor", Map.of("locality", "511703")),
        AUDITOR_OTHER("auditor", Map.of("locality", "411625")),
        AUDITOR_NONE("auditor", Map.of()),
        ADMIN_OWN("admin", Map.of("locality", "511703")),
        ADMIN_OTHER("admin", Map.of("locality", "411625")),
        ADMIN_NONE("admin", Map.of()),
        /** A national body's operator (locality claim CN): the delivery log. */
        ADMIN_NATIONAL("admin", Map.of("locality", "CN"));

        final String role;
        final Map<String, String> claims;

        Who(String role, Map<String, String> claims) {
            this.role = role;
            this.claims = claims;
        }

        String username() {
            return "m-" + name().toLowerCase().replace('_', '-');
        }
    }

    private static final Set<Who> EVERYONE = EnumSet.allOf(Who.class);
    private static final Set<Who> SIGNED_IN = EnumSet.complementOf(EnumSet.of(ANONYMOUS));
    /** Those who see the case: its unit, the area's dispatcher, supervisors, auditors and admins, its leader. */
    private static final Set<Who> CASE_READERS = EnumSet.of(HANDLER_OWN, DISPATCHER_OWN, SUPERVISOR_OWN, REVIEWER,
            LEADER_OWN, AUDITOR_OWN, ADMIN_OWN, ADMIN_NATIONAL);

    /** One operation: where, how it is called, and who gets through. Operations run in this order. */
    record Op(PlatformService service, String method, String path, Set<Who> through, Function<Fixture, RequestSpecification> request) {
    }

    /** The case and the other things the operations name. */
    record Fixture(String caseId, String trackingCode, String querySecret, String attachmentId, String circularId,
                   String inboxId, String notificationId, String orderId) {
    }

    private static final List<Op> EXPECTED = List.of(
            // intake-service
            op(PlatformService.INTAKE, "GET", "/api/subject-categories", EVERYONE, f -> given()),
            op(PlatformService.INTAKE, "POST", "/api/petitions", EnumSet.of(CITIZEN_OWN, CITIZEN_OTHER, CLERK_OWN, CLERK_OTHER),
                    f -> json("""
                            {"channel": "LETTER", "kind": "SUGGESTION", "subjectCategory": "URBAN_HOUSING", "localityCode": "511703",
                             "title": "建议", "content": "建议增设社区公共停车位，方便居民出行。", "petitioners": [{"name": "李四"}]}""")),
            // the list answers every platform role (a role without its claim gets an empty page); who sees which
            // petition in it is intake's PetitionListTest
            op(PlatformService.INTAKE, "GET", "/api/petitions", EnumSet.complementOf(EnumSet.of(ANONYMOUS, DEFAULT_ROLES_ONLY)),
                    f -> given().queryParam("status", "REGISTERED,ASSIGNED")),
            // the petition office of the case's area (CLERK_OWN) sees it masked and records the petitioner's actions
            op(PlatformService.INTAKE, "GET", "/api/petitions/{caseId}", union(CASE_READERS, EnumSet.of(CITIZEN_OWN, CLERK_OWN)),
                    f -> given()),
            op(PlatformService.INTAKE, "GET", "/api/petitions/{caseId}/timeline", union(CASE_READERS, EnumSet.of(CITIZEN_OWN, CLERK_OWN)),
                    f -> given()),
            op(PlatformService.INTAKE, "POST", "/api/petitions/{caseId}/actions", EnumSet.of(CITIZEN_OWN, CLERK_OWN),
                    f -> json("{\"action\": \"EVALUATE\", \"evaluation\": \"SATISFIED\"}")),
            op(PlatformService.INTAKE, "POST", "/api/petitions/{caseId}/attachments", EnumSet.of(CITIZEN_OWN, CLERK_OWN),
                    f -> given().multiPart("file", "note.txt", "补充材料".getBytes(), "text/plain")),
            op(PlatformService.INTAKE, "GET", "/api/petitions/{caseId}/attachments", EnumSet.of(CITIZEN_OWN, HANDLER_OWN, DISPATCHER_OWN),
                    f -> given()),
            op(PlatformService.INTAKE, "GET", "/api/petitions/{caseId}/attachments/{attachmentId}",
                    EnumSet.of(CITIZEN_OWN, HANDLER_OWN, DISPATCHER_OWN), f -> given()),
            op(PlatformService.INTAKE, "POST", "/api/tracking", EVERYONE,
                    f -> json("{\"trackingCode\": \"" + f.trackingCode() + "\", \"querySecret\": \"" + f.querySecret() + "\"}")),
            op(PlatformService.INTAKE, "POST", "/api/tracking/actions", EVERYONE,
                    f -> json("{\"trackingCode\": \"" + f.trackingCode() + "\", \"querySecret\": \"" + f.querySecret()
                            + "\", \"action\": \"EVALUATE\", \"evaluation\": \"SATISFIED\"}")),
            op(PlatformService.INTAKE, "GET", "/api/audit/personal-data-reads", EnumSet.of(AUDITOR_OWN, AUDITOR_OTHER), f -> given()),
            op(PlatformService.INTAKE, "POST", "/api/admin/personal-data/re-encryption", roles("admin"), f -> given()),
            op(PlatformService.INTAKE, "GET", "/open311/v2/services.json", EVERYONE, f -> given()),
            op(PlatformService.INTAKE, "POST", "/open311/v2/requests.json", Set.of(), f -> given().formParam("service_code", "URBAN_HOUSING")),
            op(PlatformService.INTAKE, "GET", "/open311/v2/requests.json", Set.of(), f -> given()),
            op(PlatformService.INTAKE, "GET", "/open311/v2/requests/{id}.json", Set.of(), f -> given()),
            // routing-service: reads
            op(PlatformService.ROUTING, "GET", "/api/assignments/{caseId}", CASE_READERS, f -> given()),
            op(PlatformService.ROUTING, "GET", "/api/assignments/queue", roles("dispatcher", "supervisor", "admin", "auditor"), f -> given()),
            op(PlatformService.ROUTING, "GET", "/api/directory/divisions", EVERYONE, f -> given().queryParam("q", "达川")),
            op(PlatformService.ROUTING, "GET", "/api/directory/divisions/{code}", EVERYONE, f -> given()),
            op(PlatformService.ROUTING, "GET", "/api/directory/unit-names", EVERYONE, f -> given().queryParam("locality", "511703")),
            op(PlatformService.ROUTING, "GET", "/api/directory/units",
                    roles("dispatcher", "handler", "supervisor", "leader", "admin", "auditor"), f -> given()),
            op(PlatformService.ROUTING, "GET", "/api/directory/units/{code}",
                    roles("dispatcher", "handler", "supervisor", "leader", "admin", "auditor"), f -> given()),
            op(PlatformService.ROUTING, "GET", "/api/directory/leaders", roles("dispatcher", "supervisor", "leader", "admin", "auditor"),
                    f -> given()),
            op(PlatformService.ROUTING, "POST", "/api/directory/divisions", roles("admin"),
                    f -> given().contentType("text/csv").body("code,name\n")),
            op(PlatformService.ROUTING, "POST", "/api/directory/import", roles("admin"), f -> json("{}")),
            // supervision-service: reads
            // the list answers every caller of a list role, each with its own scope (empty for OTHER and NONE)
            op(PlatformService.SUPERVISION, "GET", "/api/cases", roles("dispatcher", "handler", "supervisor", "leader", "admin", "auditor"),
                    f -> given().queryParam("status", "ASSIGNED,ACCEPTED").queryParam("sort", "urgency")),
            op(PlatformService.SUPERVISION, "GET", "/api/cases/{caseId}", CASE_READERS, f -> given()),
            op(PlatformService.SUPERVISION, "GET", "/api/cases/{caseId}/steps", CASE_READERS, f -> given()),
            op(PlatformService.SUPERVISION, "GET", "/api/cases/{caseId}/alerts", CASE_READERS, f -> given()),
            op(PlatformService.SUPERVISION, "GET", "/api/cases/{caseId}/supervision-orders", CASE_READERS, f -> given()),
            op(PlatformService.SUPERVISION, "GET", "/api/calendar/years",
                    roles("handler", "supervisor", "leader", "admin", "auditor", "dispatcher", "clerk"), f -> given()),
            op(PlatformService.SUPERVISION, "GET", "/api/calendar/years/{year}",
                    roles("handler", "supervisor", "leader", "admin", "auditor", "dispatcher", "clerk"), f -> given()),
            op(PlatformService.SUPERVISION, "PUT", "/api/calendar/years/{year}", roles("admin"),
                    f -> json("{\"holidays\": {\"2026-13-01\": \"no such day\"}}")),
            op(PlatformService.SUPERVISION, "GET", "/api/reports/indicators", areaOf511703("supervisor", "leader", "admin", "auditor"),
                    f -> given().queryParam("locality", "511703")),
            op(PlatformService.SUPERVISION, "GET", "/api/reports/daily", areaOf511703("supervisor", "leader", "admin", "auditor"),
                    f -> given().queryParam("locality", "511703")),
            op(PlatformService.SUPERVISION, "GET", "/api/supervision/circular", areaOf511703("supervisor", "leader", "admin", "auditor"),
                    f -> given().queryParam("locality", "511703")),
            op(PlatformService.SUPERVISION, "POST", "/api/supervision/circulars", areaOf511703("supervisor", "admin"),
                    f -> given().queryParam("locality", "511703")),
            op(PlatformService.SUPERVISION, "GET", "/api/supervision/circulars/{circularId}",
                    areaOf511703("supervisor", "leader", "admin", "auditor"), f -> given()),
            op(PlatformService.SUPERVISION, "POST", "/api/supervision/sweeps", roles("admin"), f -> given()),
            // supervision-service: the steps of the case
            op(PlatformService.SUPERVISION, "POST", "/api/cases/{caseId}/accept", EnumSet.of(HANDLER_OWN), f -> given()),
            op(PlatformService.SUPERVISION, "POST", "/api/cases/{caseId}/not-accept", EnumSet.of(HANDLER_OWN),
                    f -> json("{\"reason\": \"不属于信访事项\"}")),
            op(PlatformService.SUPERVISION, "POST", "/api/cases/{caseId}/extension", EnumSet.of(HANDLER_OWN),
                    f -> json("{\"days\": 30, \"reason\": \"情况复杂\"}")),
            op(PlatformService.SUPERVISION, "POST", "/api/cases/{caseId}/hearing/start", EnumSet.of(HANDLER_OWN, SUPERVISOR_OWN, REVIEWER),
                    f -> given()),
            op(PlatformService.SUPERVISION, "POST", "/api/cases/{caseId}/hearing/end", EnumSet.of(HANDLER_OWN, SUPERVISOR_OWN, REVIEWER),
                    f -> given()),
            op(PlatformService.SUPERVISION, "POST", "/api/cases/{caseId}/reply", EnumSet.of(HANDLER_OWN),
                    f -> json("{\"text\": \"经调查核实，已协调物业公司安排加装电梯的前期工作。\"}")),
            op(PlatformService.SUPERVISION, "POST", "/api/cases/{caseId}/review-opinion", EnumSet.of(REVIEWER),
                    f -> json("{\"text\": \"复查意见：维持原处理意见，请承办单位继续跟进。\"}")),
            // 复核 belongs to the body above the supervising body, which supervision does not know: any supervisor of the area
            op(PlatformService.SUPERVISION, "POST", "/api/cases/{caseId}/re-review-opinion", EnumSet.of(SUPERVISOR_OWN, REVIEWER),
                    f -> json("{\"text\": \"复核意见：维持复查意见，本案终结。\"}")),
            // 督办: a supervisor of the area or of the supervising body issues; the department's handler answers
            op(PlatformService.SUPERVISION, "POST", "/api/cases/{caseId}/supervision-orders", EnumSet.of(SUPERVISOR_OWN, REVIEWER),
                    f -> orderRequest()),
            op(PlatformService.SUPERVISION, "POST", "/api/cases/{caseId}/supervision-orders/{orderId}/answer", EnumSet.of(HANDLER_OWN),
                    f -> json("{\"text\": \"已约谈信访人，正在协调处理，十日内报告。\"}")),
            // notification-service
            op(PlatformService.NOTIFICATION, "GET", "/api/inbox", SIGNED_IN, f -> given()),
            op(PlatformService.NOTIFICATION, "POST", "/api/inbox/{id}/read", EnumSet.of(HANDLER_OWN), f -> given()),
            op(PlatformService.NOTIFICATION, "GET", "/api/inbox/stream", SIGNED_IN, f -> given()),
            op(PlatformService.NOTIFICATION, "PUT", "/api/preferences/{recipientKey}", union(EnumSet.of(HANDLER_OWN), roles("admin")),
                    f -> json("{\"channels\": [\"EMAIL\", \"INBOX\"], \"language\": \"zh\"}")),
            op(PlatformService.NOTIFICATION, "GET", "/api/preferences/{recipientKey}", union(EnumSet.of(HANDLER_OWN), roles("admin")),
                    f -> given()),
            op(PlatformService.NOTIFICATION, "GET", "/api/notifications", EnumSet.of(ADMIN_NATIONAL), f -> given()),
            op(PlatformService.NOTIFICATION, "GET", "/api/notifications/{id}", EnumSet.of(ADMIN_NATIONAL), f -> given()),
            op(PlatformService.NOTIFICATION, "POST", "/api/notifications/{id}/retry", EnumSet.of(ADMIN_NATIONAL), f -> given()),
            // routing-service: who handles the case, last (a return sends the case elsewhere)
            op(PlatformService.ROUTING, "POST", "/api/assignments/{caseId}/assign", EnumSet.of(DISPATCHER_OWN),
                    f -> json("{\"departmentCode\": \"511703-ZJJ\", \"reason\": \"维持原承办单位\"}")),
            op(PlatformService.ROUTING, "POST", "/api/assignments/{caseId}/return", EnumSet.of(HANDLER_OWN),
                    f -> json("{\"reason\": \"不属于本单位职责\"}")));

    private static Platform platform;
    private static final Map<Who, String> TOKENS = new EnumMap<>(Who.class);
    private static Fixture fixture;

    @BeforeAll
    static void startPlatformAndCreateUsers() throws Exception {
        platform = SharedPlatform.get();
        KeycloakServer keycloak = platform.infrastructure().keycloak();
        for (Who who : Who.values()) {
            if (who != ANONYMOUS) {
                keycloak.createUser(who.username(), who.role, who.claims);
                TOKENS.put(who, keycloak.accessToken(who.username()));
            }
        }
        fixture = fixture();
    }

    @Test
    void usersCreatedByAnOperatorCarryTheRealmDefaultRoles() throws Exception {
        JsonNode claims = JSON.readTree(java.util.Base64.getUrlDecoder().decode(TOKENS.get(HANDLER_OWN).split("\\.")[1]));
        Set<String> roles = new TreeSet<>();
        claims.path("realm_access").path("roles").forEach(r -> roles.add(r.asText()));
        assertTrue(roles.containsAll(Set.of("handler", "default-roles-petition", "offline_access", "uma_authorization")),
                "roles " + roles);
        assertEquals("511703-ZJJ", claims.path("department").asText());
    }

    @Test
    void everyOperationOfEveryServiceIsClassifiedAndEveryCallerGetsWhatTheTableSays() throws Exception {
        Set<String> documented = new TreeSet<>();
        for (PlatformService service : PlatformService.apis()) {
            JsonNode paths = JSON.readTree(given().queryParam("format", "json").get(openApiUrl(service)).asString()).path("paths");
            for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> path = it.next();
                path.getValue().fieldNames().forEachRemaining(method -> documented.add(service + " " + method.toUpperCase() + " " + path.getKey()));
            }
        }
        Set<String> classified = new TreeSet<>();
        EXPECTED.forEach(op -> classified.add(op.service() + " " + op.method() + " " + op.path()));
        Set<String> unclassified = new TreeSet<>(documented);
        unclassified.removeAll(classified);
        assertEquals(Set.of(), unclassified, "operations in the OpenAPI documents without a row in the matrix");
        Set<String> stale = new TreeSet<>(classified);
        stale.removeAll(documented);
        assertEquals(Set.of(), stale, "rows of the matrix for operations the documents no longer list");

        List<String> wrong = new ArrayList<>();
        int calls = 0;
        for (Op op : EXPECTED) {
            // the callers refused first, so that a state change by one let through does not decide another's answer
            List<Who> order = new ArrayList<>(EnumSet.complementOf(EnumSet.copyOf(union(op.through(), EnumSet.of(ANONYMOUS)))));
            order.add(0, ANONYMOUS);
            order.addAll(op.through().stream().filter(w -> w != ANONYMOUS).toList());
            for (Who who : order) {
                int status = call(op, who);
                calls++;
                boolean through = status != 401 && status != 403 && status != 404;
                if (status >= 500 || through != op.through().contains(who)) {
                    wrong.add(op.service() + " " + op.method() + " " + op.path() + " as " + who + ": " + status
                            + " (expected " + (op.through().contains(who) ? "through" : "401, 403 or 404") + ")");
                }
            }
        }
        System.out.printf("AUTHORIZATION MATRIX: %d operations x %d callers = %d calls, %d not as the table says%n",
                EXPECTED.size(), Who.values().length, calls, wrong.size());
        assertEquals(List.of(), wrong);
    }

    private static int call(Op op, Who who) throws Exception {
        String path = op.path().replace("{caseId}", fixture.caseId()).replace("{attachmentId}", fixture.attachmentId())
                .replace("{circularId}", fixture.circularId()).replace("{orderId}", fixture.orderId()).replace("{code}", op.path().contains("units") ? "511703-ZJJ" : "511703")
                .replace("{year}", "2026").replace("{recipientKey}", "unit:511703-ZJJ")
                .replace("{id}", switch (op.service()) {
                    case NOTIFICATION -> op.path().startsWith("/api/inbox") ? fixture.inboxId() : fixture.notificationId();
                    default -> "00000000-0000-0000-0000-000000000000";
                });
        String url = url(op.service()) + path;
        if (op.path().endsWith("/stream")) {
            return streamStatus(url, TOKENS.get(who));
        }
        RequestSpecification request = op.request().apply(fixture);
        if (who != ANONYMOUS) {
            request = request.auth().oauth2(TOKENS.get(who));
        }
        return request.request(op.method(), url).statusCode();
    }

    /** An SSE stream answers with its headers and stays open: the status is all the matrix needs. */
    private static int streamStatus(String url, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream")
                .timeout(Duration.ofSeconds(10));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<InputStream> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        response.body().close();
        return response.statusCode();
    }

    /** The case (online, by CITIZEN_OWN, three households so that a leader owns it), its attachment, a circular, messages. */
    private static Fixture fixture() {
        Response receipt = json("""
                {"kind": "SOLUTION_REQUEST", "subjectCategory": "URBAN_HOUSING", "localityCode": "511703001",
                 "title": "小区加装电梯", "content": "我们小区六层住宅无电梯，老人上下楼困难，申请加装电梯。", "households": 3,
                 "petitioners": [{"name": "王五", "phone": "13800138111"}]}""")
                .auth().oauth2(TOKENS.get(CITIZEN_OWN)).post(url(PlatformService.INTAKE) + "/api/petitions");
        receipt.then().statusCode(201);
        String caseId = receipt.path("caseId");
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> given().auth().oauth2(TOKENS.get(HANDLER_OWN))
                .get(url(PlatformService.SUPERVISION) + "/api/cases/" + caseId).statusCode() == 200);
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> "511703-ZJJ".equals(given().auth().oauth2(TOKENS.get(HANDLER_OWN))
                .get(url(PlatformService.INTAKE) + "/api/petitions/" + caseId).path("assignedDepartmentCode")));
        String attachmentId = given().auth().oauth2(TOKENS.get(CITIZEN_OWN)).multiPart("file", "photo.txt", "楼道照片".getBytes(), "text/plain")
                .post(url(PlatformService.INTAKE) + "/api/petitions/" + caseId + "/attachments").then().statusCode(201)
                .extract().path("attachmentId");
        String circularId = given().auth().oauth2(TOKENS.get(SUPERVISOR_OWN)).queryParam("locality", "511703")
                .post(url(PlatformService.SUPERVISION) + "/api/supervision/circulars").then().statusCode(201).extract().path("circularId");
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> !given().auth().oauth2(TOKENS.get(HANDLER_OWN))
                .get(url(PlatformService.NOTIFICATION) + "/api/inbox").jsonPath().getList("messages").isEmpty());
        String inboxId = given().auth().oauth2(TOKENS.get(HANDLER_OWN)).get(url(PlatformService.NOTIFICATION) + "/api/inbox")
                .jsonPath().getString("messages[0].id");
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> !given().auth().oauth2(TOKENS.get(ADMIN_NATIONAL))
                .get(url(PlatformService.NOTIFICATION) + "/api/notifications?caseId=" + caseId).jsonPath().getList("$").isEmpty());
        String notificationId = given().auth().oauth2(TOKENS.get(ADMIN_NATIONAL))
                .get(url(PlatformService.NOTIFICATION) + "/api/notifications?caseId=" + caseId).jsonPath().getString("[0].id");
        String orderId = orderRequest().auth().oauth2(TOKENS.get(SUPERVISOR_OWN))
                .post(url(PlatformService.SUPERVISION) + "/api/cases/" + caseId + "/supervision-orders").then().statusCode(201)
                .extract().path("id");
        return new Fixture(caseId, receipt.path("trackingCode"), receipt.path("querySecret"), attachmentId, circularId, inboxId,
                notificationId, orderId);
    }

    /** A supervision order whose answer day is a random day of the coming year (each caller's its own, no 409). */
    private static RequestSpecification orderRequest() {
        String due = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"))
                .plusDays(2 + java.util.concurrent.ThreadLocalRandom.current().nextInt(360)).toString();
        return json("{\"reason\": \"信访人反映久拖未办\", \"demand\": \"请报告办理情况。\", \"answerDue\": \"" + due + "\"}");
    }

    private static Op op(PlatformService service, String method, String path, Set<Who> through,
                         Function<Fixture, RequestSpecification> request) {
        return new Op(service, method, path, through, request);
    }

    private static RequestSpecification json(String body) {
        return given().contentType("application/json").body(body);
    }

    /** Every caller holding one of the roles, whatever its claims. */
    private static Set<Who> roles(String... roles) {
        Set<Who> found = EnumSet.noneOf(Who.class);
        for (Who who : Who.values()) {
            if (who.role != null && List.of(roles).contains(who.role)) {
                found.add(who);
            }
        }
        return found;
    }

    /** The callers holding one of the roles whose locality claim covers 511703 (达川区). */
    private static Set<Who> areaOf511703(String... roles) {
        Set<Who> found = EnumSet.noneOf(Who.class);
        for (Who who : roles(roles)) {
            String locality = who.claims.get("locality");
            if (locality != null && ("CN".equals(locality) || "511703".startsWith(locality))) {
                found.add(who);
            }
        }
        return found;
    }

    private static Set<Who> union(Set<Who> a, Set<Who> b) {
        Set<Who> all = EnumSet.noneOf(Who.class);
        all.addAll(a);
        all.addAll(b);
        return all;
    }

    private static String url(PlatformService service) {
        return platform.service(service).url();
    }

    private static String openApiUrl(PlatformService service) {
        return platform.service(service).managementUrl() + "/q/openapi";
    }
}
