package org.openpetition.supervision.messaging;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.openpetition.contracts.CloudEvent;
import org.openpetition.contracts.Topics;
import org.openpetition.contracts.event.CaseAssignedV1;
import org.openpetition.devinfra.InfraTestResource;
import org.openpetition.devinfra.SharedInfrastructure;
import org.openpetition.devinfra.TopicProbe;

/** case.assigned.v1 from the real broker opens the case with its acceptance deadline. */
@QuarkusTest
@WithTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "service", value = "supervision"))
class CaseClockFlowTest {

    @Inject
    ObjectMapper json;

    private final TopicProbe probe = new TopicProbe(SharedInfrastructure.get().kafka().bootstrapServers());

    @Test
    void assignedCaseGetsItsAcceptanceDeadlineOnTheOfficialCalendar() throws Exception {
        UUID caseId = UUID.randomUUID();
        // assigned on 1 Feb 2026 (Beijing time): 15 days end in the Spring Festival holiday
        send(caseId, UUID.randomUUID().toString(), Instant.parse("2026-02-01T02:00:00Z"), "511703-ZJJ");
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(token("supervisor")).when().get("/api/cases/" + caseId)
                        .then().statusCode(200)
                        .body("status", is("ASSIGNED"))
                        .body("acceptanceDue", is("2026-02-24"))
                        .body("departmentCode", is("511703-ZJJ")));
        given().auth().oauth2(token("handler")).when().get("/api/cases/" + caseId).then().statusCode(200);
    }

    @Test
    void aDispatchersDeadlineAndTheSkipLevelMarkAreKept() throws Exception {
        UUID caseId = UUID.randomUUID();
        CaseAssignedV1 event = new CaseAssignedV1(caseId, "XF-TEST", "511703-ZJJ", "部门", "dept@example.invalid",
                "511703", "URBAN_HOUSING", "交办", Instant.parse("2026-03-02T01:00:00Z"), Instant.parse("2026-03-02T02:00:00Z"),
                true, null, java.time.LocalDate.parse("2026-03-06"), CaseAssignedV1.DECIDED_BY_DISPATCHER, List.of("交办"), null);
        probe.sendCloudEvent(Topics.CASE_ASSIGNED_V1, caseId.toString(), UUID.randomUUID().toString(),
                CloudEvent.TYPE_CASE_ASSIGNED_V1, json.writeValueAsString(event));
        // 交办 with a deadline: 6 March, not the 15-day default (17 March)
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(token("supervisor")).when().get("/api/cases/" + caseId).then().statusCode(200)
                        .body("acceptanceDue", is("2026-03-06")).body("due", is("2026-03-06"))
                        .body("nextAlertOn", is("2026-03-03")).body("skipLevel", is(true)));
    }

    @Test
    void redeliveryDoesNotChangeTheClock() throws Exception {
        UUID caseId = UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        send(caseId, eventId, Instant.parse("2025-09-16T01:00:00Z"), "511703-JYJ");
        send(caseId, eventId, Instant.parse("2025-12-01T01:00:00Z"), "511703-JYJ");
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(token("supervisor")).when().get("/api/cases/" + caseId)
                        .then().statusCode(200).body("acceptanceDue", is("2025-10-09")));
        // the positive marker: another case's assignment on the same partition (same record key) is applied after
        // the redelivered one
        UUID marker = UUID.randomUUID();
        CaseAssignedV1 next = new CaseAssignedV1(marker, "XF-TEST", "511703-JYJ", "部门", "dept@example.invalid", "511703",
                "URBAN_HOUSING", "test", Instant.parse("2025-09-16T00:00:00Z"), Instant.parse("2025-09-16T01:00:00Z"), false,
                null, null, null, null, null);
        probe.sendCloudEvent(Topics.CASE_ASSIGNED_V1, caseId.toString(), UUID.randomUUID().toString(),
                CloudEvent.TYPE_CASE_ASSIGNED_V1, json.writeValueAsString(next));
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(token("supervisor")).when().get("/api/cases/" + marker).then().statusCode(200));
        given().auth().oauth2(token("supervisor")).when().get("/api/cases/" + caseId)
                .then().statusCode(200).body("acceptanceDue", is("2025-10-09")).body("assignedAt", is("2025-09-16T01:00:00Z"));
        // a handler of another department does not see it
        given().auth().oauth2(token("handler")).when().get("/api/cases/" + caseId).then().statusCode(404);
    }

    @Test
    void apiRequiresTokenAndRole() {
        given().when().get("/api/cases/" + UUID.randomUUID()).then().statusCode(401);
        given().auth().oauth2(token("clerk")).when().get("/api/cases/" + UUID.randomUUID()).then().statusCode(403);
    }

    private void send(UUID caseId, String eventId, Instant assignedAt, String department) throws Exception {
        CaseAssignedV1 event = new CaseAssignedV1(caseId, "XF-TEST", department, "部门", "dept@example.invalid",
                "511703", "URBAN_HOUSING", "test", assignedAt.minusSeconds(60), assignedAt, false, null, null, null, null, null);
        probe.sendCloudEvent(Topics.CASE_ASSIGNED_V1, caseId.toString(), eventId, CloudEvent.TYPE_CASE_ASSIGNED_V1,
                json.writeValueAsString(event));
    }

    private static String token(String user) {
        return SharedInfrastructure.get().keycloak().accessToken(user);
    }
}
