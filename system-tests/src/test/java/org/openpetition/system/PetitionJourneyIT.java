package org.openpetition.system;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openpetition.contracts.rules.BeijingTime;
import org.openpetition.devinfra.Infrastructure;
import org.openpetition.devinfra.ListeningSockets;
import org.openpetition.devinfra.Platform;
import org.openpetition.devinfra.PlatformService;
import org.openpetition.devinfra.ServiceProcess;

/**
 * The four packaged services as separate processes against one PostgreSQL, one Kafka broker and
 * one Keycloak: a petition submitted over HTTP with a real token is assigned, gets its deadline,
 * and the department's notice is delivered to the SMTP server.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PetitionJourneyIT {

    private static Platform platform;

    @BeforeAll
    static void startPlatform() throws Exception {
        Path workDir = Files.createTempDirectory("petition-system-");
        long start = System.nanoTime();
        // no quiet hours: the journey waits for the receipt by SMS, which from 21:00 to 08:00 Beijing time would be held
        // until the morning (the hold itself is tested in notification-service's DeliveryReliabilityTest)
        platform = Platform.start(Path.of(System.getProperty("petition.project.dir")), workDir,
                Path.of(System.getProperty("petition.dist.dir")), Infrastructure.Ports.random(), Platform.randomServicePorts(),
                Map.of(PlatformService.NOTIFICATION, Map.of("petition.notify.quiet-start", "00:00", "petition.notify.quiet-end", "00:00")));
        System.out.printf("SYSTEM TEST: platform (infrastructure + 4 services + portal) ready in %.1f s%n", (System.nanoTime() - start) / 1e9);
        for (ServiceProcess service : platform.services()) {
            System.out.printf("SYSTEM TEST: %-21s started in %5d ms, RSS %4d MiB (right after start)%n",
                    service.service().module(), service.startupMillis(), service.residentMiB());
        }
    }

    @AfterAll
    static void stopPlatform() {
        if (platform != null) {
            for (ServiceProcess service : platform.services()) {
                System.out.printf("SYSTEM TEST: %-21s RSS %4d MiB (after the journey)%n", service.service().module(),
                        service.residentMiB());
            }
            platform.close();
        }
    }

    @Test
    @Order(1)
    void petitionTravelsThroughAllFourServices() throws Exception {
        String clerk = token("clerk");
        String dispatcher = token("dispatcher");
        String auditor = token("auditor");

        long submitted = System.nanoTime();
        Response receipt = given().auth().oauth2(clerk).contentType("application/json")
                .body("""
                        {"channel": "VISIT", "kind": "SOLUTION_REQUEST", "subjectCategory": "URBAN_HOUSING",
                         "localityCode": "511703001", "title": "小区加装电梯",
                         "content": "我们小区六层住宅无电梯，老人上下楼困难，申请加装电梯，请予协调。",
                         "petitioners": [{"name": "张三", "phone": "13800138000"}]}
                        """)
                .when().post(url(PlatformService.INTAKE) + "/api/petitions");
        receipt.then().statusCode(201);
        String caseId = receipt.path("caseId");
        String trackingCode = receipt.path("trackingCode");
        String querySecret = receipt.path("querySecret");

        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(() ->
                given().auth().oauth2(dispatcher).get(url(PlatformService.ROUTING) + "/api/assignments/" + caseId)
                        .statusCode() == 200);
        long assignedMillis = (System.nanoTime() - submitted) / 1_000_000;
        Response assignment = given().auth().oauth2(dispatcher).get(url(PlatformService.ROUTING) + "/api/assignments/" + caseId);
        assignment.then().body("outcome", is("ASSIGNED")).body("departmentCode", is("511703-ZJJ"))
                .body("competentLocalityCode", is("511703"));
        long decidedAfterReceipt = Duration.between(Instant.parse(assignment.path("receivedAt")),
                Instant.parse(assignment.path("decidedAt"))).toMillis();
        System.out.printf("SYSTEM TEST: submit-to-assignment %d ms (HTTP submit until the routing API shows it);"
                + " decision %d ms after receipt (service clocks)%n", assignedMillis, decidedAfterReceipt);

        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() ->
                given().auth().oauth2(dispatcher).get(url(PlatformService.SUPERVISION) + "/api/cases/" + caseId)
                        .statusCode() == 200);
        String due = given().auth().oauth2(dispatcher).get(url(PlatformService.SUPERVISION) + "/api/cases/" + caseId)
                .then().body("status", is("ASSIGNED")).extract().path("acceptanceDue");
        LocalDate today = LocalDate.now(BeijingTime.ZONE);
        assertTrue(!LocalDate.parse(due).isBefore(today.plusDays(15)), "acceptance due " + due + ", at least 15 days on");

        String departmentMail = "511703-zjj@dept.demo.openpetition.local";
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> platform.infrastructure().smtp()
                .receivedFor(departmentMail).stream().anyMatch(m -> subject(m).contains(trackingCode)));
        long sentMillis = (System.nanoTime() - submitted) / 1_000_000;
        given().auth().oauth2(auditor).get(url(PlatformService.NOTIFICATION) + "/api/notifications?caseId=" + caseId
                        + "&kind=CASE_ASSIGNED&channel=EMAIL")
                .then().statusCode(200).body("[0].status", is("SENT")).body("[0].recipient", is(departmentMail));
        // the petitioner's registration receipt, from intake's petitioner.contact.v1, on the real SMS gateway
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> platform.infrastructure().sms()
                .receivedFor("13800138000").stream().anyMatch(sms -> sms.text().contains(trackingCode)
                        && sms.text().contains(querySecret)));
        System.out.printf("SYSTEM TEST: submit-to-email-delivered %d ms; acceptance due %s%n", sentMillis, due);

        given().auth().oauth2(dispatcher).get(url(PlatformService.INTAKE) + "/api/petitions/" + caseId)
                .then().statusCode(200).body("trackingCode", is(trackingCode));

        // the petitioner, without an account, sees the case assigned on the public tracking endpoint
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().contentType("application/json")
                .body("{\"trackingCode\": \"" + trackingCode + "\", \"querySecret\": \"" + querySecret + "\"}")
                .post(url(PlatformService.INTAKE) + "/api/tracking")
                .then().statusCode(200).body("status", is("ASSIGNED"))
                .body("timeline[1].body", is("达州市达川区住房和城乡建设局")));

        // the department accepts and replies; the petitioner sees it, is dissatisfied and asks for review
        String handler = token("handler");
        String supervision = url(PlatformService.SUPERVISION) + "/api/cases/" + caseId;
        given().auth().oauth2(handler).post(supervision + "/accept").then().statusCode(200).body("status", is("ACCEPTED"));
        given().auth().oauth2(handler).contentType("application/json")
                .body("{\"text\": \"经核实，该小区加装电梯已列入老旧小区改造计划，将于明年三月前完工。\"}")
                .post(supervision + "/reply").then().statusCode(200).body("status", is("REPLIED"));
        String tracking = "{\"trackingCode\": \"" + trackingCode + "\", \"querySecret\": \"" + querySecret + "\"";
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().contentType("application/json")
                .body(tracking + "}").post(url(PlatformService.INTAKE) + "/api/tracking")
                .then().statusCode(200).body("status", is("REPLIED")));
        given().contentType("application/json").body(tracking + ", \"action\": \"EVALUATE\", \"evaluation\": \"DISSATISFIED\"}")
                .post(url(PlatformService.INTAKE) + "/api/tracking/actions").then().statusCode(200);
        given().contentType("application/json").body(tracking + ", \"action\": \"REQUEST_REVIEW\"}")
                .post(url(PlatformService.INTAKE) + "/api/tracking/actions").then().statusCode(200);
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(dispatcher)
                .get(supervision).then().statusCode(200)
                .body("status", is("UNDER_REVIEW")).body("evaluation", is("DISSATISFIED")).body("dueKind", is("REVIEW")));
    }

    @Test
    @Order(2)
    void everyApiNeedsAToken() {
        given().get(url(PlatformService.INTAKE) + "/api/petitions/00000000-0000-0000-0000-000000000000").then().statusCode(401);
        given().get(url(PlatformService.ROUTING) + "/api/assignments/queue").then().statusCode(401);
        given().get(url(PlatformService.SUPERVISION) + "/api/cases/00000000-0000-0000-0000-000000000000").then().statusCode(401);
        given().get(url(PlatformService.NOTIFICATION) + "/api/notifications").then().statusCode(401);
    }

    @Test
    @Order(2)
    void healthMetricsAndOpenApiAreServedOnTheManagementPortOnly() {
        for (ServiceProcess service : platform.services()) {
            if (!service.service().api()) {
                continue; // the portal serves pages, not an API: no OpenAPI document (its health is checked below)
            }
            String management = service.managementUrl();
            assertNotEquals(service.url(), management, service.service() + ": the management interface has a port of its own");
            given().get(management + "/q/health/ready").then().statusCode(200);
            given().get(management + "/q/openapi").then().statusCode(200).body(containsString("/api/"));
            given().get(management + "/q/swagger-ui/").then().statusCode(200);
            given().get(management + "/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
            for (String path : List.of("/q/health", "/q/health/ready", "/q/openapi", "/q/swagger-ui/", "/q/metrics")) {
                given().get(service.url() + path).then().statusCode(404);
            }
        }
    }

    @Test
    @Order(3)
    void nothingListensBeyondLoopback() throws Exception {
        List<ListeningSockets.Listener> listeners = ListeningSockets.ofThisProcessTree();
        System.out.println("SYSTEM TEST: listening sockets: " + listeners);
        assertFalse(listeners.isEmpty());
        List<ListeningSockets.Listener> exposed = listeners.stream().filter(l -> !l.isLoopback()).toList();
        assertEquals(List.of(), exposed, "sockets listening beyond 127.0.0.1");
        for (ServiceProcess service : platform.services()) {
            assertTrue(listeners.stream().anyMatch(l -> l.pid() == service.pid()), service.service() + " listens");
        }
        // PostgreSQL daemonizes out of this process tree: check its port, whoever holds it
        int postgresPort = platform.infrastructure().postgres().port();
        List<ListeningSockets.Listener> postgres = ListeningSockets.onPorts(java.util.Set.of(postgresPort));
        assertFalse(postgres.isEmpty(), "PostgreSQL listens on " + postgresPort);
        assertTrue(postgres.stream().allMatch(ListeningSockets.Listener::isLoopback), "PostgreSQL: " + postgres);
    }

    @Test
    @Order(4)
    void warmSubmitToAssignmentLatency() {
        String clerk = token("clerk");
        // 永福县 is not the demo dispatcher's area (达川区): the national auditor reads the decision
        String auditor = token("auditor");
        int petitions = 10;
        List<Long> millis = new java.util.ArrayList<>();
        for (int i = 0; i < petitions; i++) {
            long submitted = System.nanoTime();
            String caseId = given().auth().oauth2(clerk).contentType("application/json")
                    .body("""
                            {"channel": "LETTER", "kind": "SUGGESTION", "subjectCategory": "EDUCATION",
                             "localityCode": "450326", "title": "建议增加校车线路",
                             "content": "建议在永福县城与各乡镇之间增加校车线路，方便学生上下学。",
                             "petitioners": [{"name": "李四"}]}
                            """)
                    .when().post(url(PlatformService.INTAKE) + "/api/petitions")
                    .then().statusCode(201).extract().path("caseId");
            // a generous bound: the test is about every petition arriving, not about its speed
            Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(10)).until(() ->
                    given().auth().oauth2(auditor).get(url(PlatformService.ROUTING) + "/api/assignments/" + caseId)
                            .statusCode() == 200);
            long took = (System.nanoTime() - submitted) / 1_000_000;
            given().auth().oauth2(auditor).get(url(PlatformService.ROUTING) + "/api/assignments/" + caseId)
                    .then().statusCode(200).body("outcome", is("ASSIGNED")).body("competentLocalityCode", is("450326"));
            assertTrue(took > 0, "petition " + (i + 1) + ": submit-to-assignment measured, " + took + " ms");
            millis.add(took);
        }
        List<Long> sorted = millis.stream().sorted().toList();
        System.out.printf("SYSTEM TEST: warm submit-to-assignment over %d petitions: min %d ms, median %d ms, max %d ms %s%n",
                sorted.size(), sorted.get(0), sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1), millis);
    }

    private static String url(PlatformService service) {
        return platform.service(service).url();
    }

    private static String token(String user) {
        return platform.infrastructure().keycloak().accessToken(user);
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (Exception e) {
            return "";
        }
    }
}
