package org.openpetition.supervision.messaging;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.openpetition.contracts.CloudEvent;
import org.openpetition.contracts.Topics;
import org.openpetition.contracts.event.CaseAssignedV1;
import org.openpetition.contracts.event.CaseReturnedV1;
import org.openpetition.devinfra.InfraTestResource;
import org.openpetition.devinfra.SharedInfrastructure;
import org.openpetition.devinfra.TopicProbe;
import org.openpetition.supervision.service.DeadlineSweep;

/**
 * 退回 through the real broker: case.returned.v1 stops the returning department's acceptance clock (no
 * alert afterwards), records the RETURNED step and publishes it on case.lifecycle.v1; routing's next
 * case.assigned.v1 starts the new department's clock; a case in the dispatcher's queue waits without one;
 * either topic may arrive first. Cases in 南昌市东湖区 (360102), June to August 2025.
 */
@QuarkusTest
@WithTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "service", value = "supervision"))
class CaseReturnFlowTest {

    private static final String LOCALITY = "360102";

    @Inject
    ObjectMapper json;

    @Inject
    DeadlineSweep sweep;

    private final TopicProbe probe = new TopicProbe(SharedInfrastructure.get().kafka().bootstrapServers());

    @Test
    void aReturnStopsTheClockAndTheRerouteStartsTheNewDepartments() throws Throwable {
        UUID caseId = UUID.randomUUID();
        String a = "360102-RTA1";
        String b = "360102-RTB1";
        // assigned on 2 June 2025, Beijing time: acceptance due 17 June, warned from 14 June
        assign(caseId, a, Instant.parse("2025-06-02T02:00:00Z"));
        awaitCase(caseId, c -> c.body("status", is("ASSIGNED")).body("acceptanceDue", is("2025-06-17"))
                .body("nextAlertOn", is("2025-06-14")));

        String returnId = UUID.randomUUID().toString();
        giveBack(caseId, returnId, a, "REROUTED", Instant.parse("2025-06-05T01:00:00Z"));
        awaitCase(caseId, c -> c.body("status", is("RETURNED")).body("due", nullValue()).body("nextAlertOn", nullValue())
                .body("departmentCode", is(a)));
        sweep("2025-06-20"); // the returning department's limit ran out: nothing is issued for it
        alerts(caseId).body("size()", is(0));
        given().auth().oauth2(token("auditor")).when().get("/api/cases/" + caseId + "/steps").then().statusCode(200)
                .body("step", contains("RETURNED")).body("[0].departmentCode", is(a))
                .body("[0].reason", is("不属于本单位职责"));
        JsonNode lifecycle = json.readTree(probe.awaitRecords(Topics.CASE_LIFECYCLE_V1, caseId.toString(), 1,
                Duration.ofSeconds(30)).get(0).value());
        assertEquals("RETURNED", lifecycle.get("step").asText());
        assertEquals(a, lifecycle.get("departmentCode").asText());
        assertEquals("2025-06-05T01:00:00Z", lifecycle.get("at").asText());

        // routing's reroute: the new department's acceptance limit runs from its assignment (5 June: due 20 June)
        assign(caseId, b, Instant.parse("2025-06-05T01:00:01Z"));
        awaitCase(caseId, c -> c.body("status", is("ASSIGNED")).body("departmentCode", is(b))
                .body("acceptanceDue", is("2025-06-20")).body("dueKind", is("ACCEPTANCE")).body("assignments", is(2)));
        // the return delivered again changes nothing; the positive marker: a later return on the same partition, by a
        // unit that does not hold the case (history only), is applied after it
        giveBack(caseId, returnId, a, "REROUTED", Instant.parse("2025-06-05T01:00:00Z"));
        giveBack(caseId, UUID.randomUUID().toString(), "360102-RTX1", "REROUTED", Instant.parse("2025-06-06T01:00:00Z"));
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> steps(caseId)
                .body("departmentCode", contains(a, "360102-RTX1")));
        sweep("2025-06-17");
        sweep("2025-06-21");
        alerts(caseId).body("alert", contains("WARNING", "OVERDUE")).body("departmentCode", everyItem(is(b)))
                .body("due", everyItem(is("2025-06-20")));
        awaitCase(caseId, c -> c.body("status", is("ASSIGNED")).body("departmentCode", is(b)));
    }

    @Test
    void aCaseInTheDispatchersQueueWaitsWithoutAClockUntilItIsAssigned() throws Throwable {
        UUID caseId = UUID.randomUUID();
        String a = "360102-RTA2";
        assign(caseId, a, Instant.parse("2025-07-01T02:00:00Z")); // due 16 July
        awaitCase(caseId, c -> c.body("acceptanceDue", is("2025-07-16")));
        giveBack(caseId, UUID.randomUUID().toString(), a, "DISPATCHER_QUEUE", Instant.parse("2025-07-03T02:00:00Z"));
        awaitCase(caseId, c -> c.body("status", is("RETURNED")).body("nextAlertOn", nullValue()));
        sweep("2025-08-30");
        alerts(caseId).body("size()", is(0));
        // a dispatcher resolves the queue on 4 August: due 19 August
        String c = "360102-RTC2";
        assign(caseId, c, Instant.parse("2025-08-04T02:00:00Z"));
        awaitCase(caseId, v -> v.body("status", is("ASSIGNED")).body("departmentCode", is(c))
                .body("acceptanceDue", is("2025-08-19")).body("nextAlertOn", is("2025-08-16")));
    }

    @Test
    void eitherTopicMayArriveFirst() throws Throwable {
        // the return overtakes the returning department's own assignment: the case opens returned
        UUID early = UUID.randomUUID();
        giveBack(early, UUID.randomUUID().toString(), "360102-RTA3", "DISPATCHER_QUEUE",
                Instant.parse("2025-07-10T02:00:00Z"));
        // the return is remembered before the assignment is sent
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> returnRemembered(early));
        assign(early, "360102-RTA3", Instant.parse("2025-07-08T02:00:00Z"));
        awaitCase(early, v -> v.body("status", is("RETURNED")).body("nextAlertOn", nullValue()));
        given().auth().oauth2(token("auditor")).when().get("/api/cases/" + early + "/steps").then().statusCode(200)
                .body("step", contains("RETURNED"));

        // the new department's assignment overtakes the return: its clock keeps running
        UUID late = UUID.randomUUID();
        assign(late, "360102-RTA4", Instant.parse("2025-07-08T02:00:00Z"));
        awaitCase(late, v -> v.body("departmentCode", is("360102-RTA4")));
        assign(late, "360102-RTB4", Instant.parse("2025-07-10T02:00:01Z")); // due 25 July
        awaitCase(late, v -> v.body("departmentCode", is("360102-RTB4")));
        giveBack(late, UUID.randomUUID().toString(), "360102-RTA4", "REROUTED", Instant.parse("2025-07-10T02:00:00Z"));
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(token("auditor")).when().get("/api/cases/" + late + "/steps").then()
                        .statusCode(200).body("step", contains("RETURNED")));
        caseView(late).body("status", is("ASSIGNED")).body("departmentCode", is("360102-RTB4"))
                .body("acceptanceDue", is("2025-07-25")).body("nextAlertOn", is("2025-07-22"));
    }

    private void assign(UUID caseId, String department, Instant assignedAt) throws Exception {
        CaseAssignedV1 event = new CaseAssignedV1(caseId, "XF-RET", department, "部门 " + department,
                department.toLowerCase() + "@example.invalid", LOCALITY, "URBAN_HOUSING", "test",
                Instant.parse("2025-06-01T00:00:00Z"), assignedAt, false, null, null, CaseAssignedV1.DECIDED_BY_RULES,
                null, null);
        probe.sendCloudEvent(Topics.CASE_ASSIGNED_V1, caseId.toString(), UUID.randomUUID().toString(),
                CloudEvent.TYPE_CASE_ASSIGNED_V1, json.writeValueAsString(event));
    }

    private void giveBack(UUID caseId, String eventId, String department, String next, Instant at) throws Exception {
        CaseReturnedV1 event = new CaseReturnedV1(caseId, "XF-RET", department, "部门 " + department,
                "不属于本单位职责", 1, 2, next, at);
        probe.sendCloudEvent(Topics.CASE_RETURNED_V1, caseId.toString(), eventId, CloudEvent.TYPE_CASE_RETURNED_V1,
                json.writeValueAsString(event));
    }

    /** Whether a return of a case not yet on the clock is kept (early_return), read directly. */
    private static boolean returnRemembered(UUID caseId) {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> Panache.getSession()
                    .chain(s -> s.createNativeQuery("select count(*) from early_return where case_id = :id", Long.class)
                            .setParameter("id", caseId).getSingleResult()))) > 0;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private static ValidatableResponse steps(UUID caseId) {
        return given().auth().oauth2(token("auditor")).when().get("/api/cases/" + caseId + "/steps").then().statusCode(200);
    }

    private void sweep(String day) throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> sweep.sweep(LocalDate.parse(day)));
    }

    private static void awaitCase(UUID caseId, java.util.function.Consumer<ValidatableResponse> check) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> check.accept(caseView(caseId)));
    }

    /** Read as the demo auditor (national scope): 南昌市东湖区 is not the demo supervisor's area. */
    private static ValidatableResponse caseView(UUID caseId) {
        return given().auth().oauth2(token("auditor")).when().get("/api/cases/" + caseId).then().statusCode(200);
    }

    private static ValidatableResponse alerts(UUID caseId) {
        return given().auth().oauth2(token("auditor")).when().get("/api/cases/" + caseId + "/alerts").then()
                .statusCode(200);
    }

    private static String token(String user) {
        return SharedInfrastructure.get().keycloak().accessToken(user);
    }
}
