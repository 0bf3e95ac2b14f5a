package org.openpetition.supervision.service;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.openpetition.contracts.CloudEvent;
import org.openpetition.contracts.Topics;
import org.openpetition.contracts.event.CaseAssignedV1;
import org.openpetition.devinfra.InfraTestResource;
import org.openpetition.devinfra.OutboxProbe;
import org.openpetition.devinfra.PlatformService;
import org.openpetition.devinfra.SharedInfrastructure;
import org.openpetition.devinfra.TopicProbe;

/**
 * The alert ladder on real dates, driven day by day: a case assigned on 5 January 2026 must be
 * accepted by 20 January; warned on 17 January, overdue on 21 January, supervision order on 23 January,
 * escalated to the supervising body on 26 January and to the leader on 31 January (defaults).
 */
@QuarkusTest
@WithTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "service", value = "supervision"))
class DeadlineSweepTest {

    @Inject
    DeadlineSweep sweep;

    @Inject
    ObjectMapper json;

    private final TopicProbe probe = new TopicProbe(SharedInfrastructure.get().kafka().bootstrapServers());

    @Test
    void aLateCaseClimbsTheLadderOnceDayByDay() throws Throwable {
        UUID caseId = assign(Instant.parse("2026-01-05T02:00:00Z"), "511703-ZJJ");
        case_(caseId).body("acceptanceDue", is("2026-01-20")).body("nextAlertOn", is("2026-01-17"));

        sweep("2026-01-16");
        alerts(caseId).body("size()", is(0));
        sweep("2026-01-17");
        sweep("2026-01-17");
        alerts(caseId).body("alert", contains("WARNING"));
        sweep("2026-01-24");
        alerts(caseId).body("alert", contains("WARNING", "OVERDUE", "SUPERVISION_ORDER"));
        case_(caseId).body("overdueSince", is("2026-01-21")).body("nextAlertOn", is("2026-01-26"));
        sweep("2026-02-15");
        sweep("2026-03-01");
        alerts(caseId).body("alert", contains("WARNING", "OVERDUE", "SUPERVISION_ORDER", "ESCALATED_TO_SUPERVISING_BODY",
                "ESCALATED_TO_LEADER")).body("due", everyItem(is("2026-01-20")));
        case_(caseId).body("nextAlertOn", nullValue());

        var events = new OutboxProbe(SharedInfrastructure.get(), PlatformService.SUPERVISION)
                .published(Topics.CASE_DEADLINE_V1, caseId, 5);
        assertEquals(5, events.size());
        assertEquals(CloudEvent.TYPE_CASE_DEADLINE_V1, TopicProbe.header(events.get(0), CloudEvent.HEADER_TYPE));
        var order = json.readTree(events.get(2).value());
        assertEquals("SUPERVISION_ORDER", order.get("alert").asText());
        assertEquals("ACCEPTANCE", order.get("dueKind").asText());
        assertEquals(3, order.get("daysOverdue").asInt(), "sent on 23 January for a limit ending on 20 January");
        assertEquals("511703-ZJJ", order.get("departmentCode").asText());
    }

    @Test
    void aCaseFirstSeenLateGetsNoWarningAndAcceptingStartsANewLadder() throws Throwable {
        UUID caseId = assign(Instant.parse("2025-12-01T02:00:00Z"), "511703-ZJJ");
        sweep("2025-12-19"); // due 16 December: overdue and the order, no warning
        alerts(caseId).body("alert", contains("OVERDUE", "SUPERVISION_ORDER"));
        given().auth().oauth2(token("handler")).when().post("/api/cases/" + caseId + "/accept").then().statusCode(200)
                .body("dueKind", is("REPLY")).body("overdueSince", nullValue());
    }

    @Test
    void twoReplicasSweepingAtOnceNeverIssueAnAlertTwice() throws Exception {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            ids.add(assign(Instant.parse("2024-03-04T02:00:00Z"), "511703-JYJ"));
        }
        ExecutorService replicas = Executors.newFixedThreadPool(2);
        try {
            Callable<Integer> run = () -> {
                try {
                    return VertxContextSupport.subscribeAndAwait(() -> sweep.sweep(LocalDate.parse("2024-04-30")));
                } catch (Throwable e) {
                    throw new IllegalStateException(e);
                }
            };
            Future<Integer> first = replicas.submit(run);
            Future<Integer> second = replicas.submit(run);
            int issued = first.get() + second.get();
            assertTrue(issued >= 40 * 4, "every case got its four overdue alerts: " + issued);
        } finally {
            replicas.shutdown();
        }
        for (UUID id : ids) { // each exactly once
            alerts(id).body("alert", contains("OVERDUE", "SUPERVISION_ORDER", "ESCALATED_TO_SUPERVISING_BODY",
                    "ESCALATED_TO_LEADER"));
        }

        // the circular of overdue units for that period lists the department with its orders and escalations
        // of the caller's own area only: the demo leader's is 达川区, not the city
        given().auth().oauth2(token("leader")).queryParam("from", "2024-03-01").queryParam("to", "2024-04-30")
                .queryParam("locality", "5117").when().get("/api/supervision/circular").then().statusCode(403);
        given().auth().oauth2(token("leader")).queryParam("from", "2024-03-01").queryParam("to", "2024-04-30")
                .queryParam("locality", "511703").when().get("/api/supervision/circular").then().statusCode(200)
                .body("from", is("2024-03-01"))
                .body("units.find { it.departmentCode == '511703-JYJ' }.overdueNow", greaterThanOrEqualTo(40))
                .body("units.find { it.departmentCode == '511703-JYJ' }.supervisionOrders", is(40))
                .body("units.find { it.departmentCode == '511703-JYJ' }.escalations", is(80));
        String csv = given().auth().oauth2(token("auditor")).accept("text/csv").queryParam("from", "2024-03-01")
                .queryParam("to", "2024-04-30").when().get("/api/supervision/circular").then().statusCode(200)
                .contentType(containsString("text/csv")).extract().asString();
        assertTrue(csv.startsWith("department_code,department_name,locality_code,overdue_now,supervision_orders,escalations\n"));
        assertTrue(csv.contains("\n511703-JYJ,部门,511703,"), csv); // a cell is quoted only when it must be (CsvTest)
        given().auth().oauth2(token("leader")).queryParam("from", "2024-05-01").queryParam("to", "2024-04-30")
                .when().get("/api/supervision/circular").then().statusCode(400).body("errors.field", contains("from"));
        given().auth().oauth2(token("handler")).when().get("/api/supervision/circular").then().statusCode(403);
    }

    private void sweep(String day) throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> sweep.sweep(LocalDate.parse(day)));
    }

    private UUID assign(Instant assignedAt, String department) throws Exception {
        UUID caseId = UUID.randomUUID();
        CaseAssignedV1 event = new CaseAssignedV1(caseId, "XF-TEST", department, "部门", "dept@example.invalid",
                "511703", "URBAN_HOUSING", "test", assignedAt.minusSeconds(60), assignedAt, false, null, null, null, null, null);
        probe.sendCloudEvent(Topics.CASE_ASSIGNED_V1, caseId.toString(), UUID.randomUUID().toString(),
                CloudEvent.TYPE_CASE_ASSIGNED_V1, json.writeValueAsString(event));
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> case_(caseId).statusCode(200));
        return caseId;
    }

    private static io.restassured.response.ValidatableResponse case_(UUID caseId) {
        return given().auth().oauth2(token("supervisor")).when().get("/api/cases/" + caseId).then();
    }

    private static io.restassured.response.ValidatableResponse alerts(UUID caseId) {
        return given().auth().oauth2(token("supervisor")).when().get("/api/cases/" + caseId + "/alerts").then()
                .statusCode(200);
    }

    private static String token(String user) {
        return SharedInfrastructure.get().keycloak().accessToken(user);
    }
}
