package org.openpetition.supervision.service;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.Optional;
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
import org.openpetition.contracts.event.CircularV1;
import org.openpetition.contracts.event.UnitContact;
import org.openpetition.devinfra.InfraTestResource;
import org.openpetition.devinfra.OutboxProbe;
import org.openpetition.devinfra.PlatformService;
import org.openpetition.devinfra.SharedInfrastructure;
import org.openpetition.devinfra.TopicProbe;
import org.openpetition.supervision.indicators.DivisionPrefix;

/**
 * The circular of overdue units goes out as supervision.circular.v1 (real broker): issued by a supervisor
 * through the API, and on the schedule by two replicas at once without a duplicate. Cases of 南昌市西湖区
 * (360103) assigned on 4 May 2023: acceptance due 19 May, overdue from 20 May.
 */
@QuarkusTest
@WithTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "service", value = "supervision"))
class CircularTest {

    private static final UnitContact BODY = new UnitContact("3601-CIRB", "南昌市某局", "3601-cirb@example.invalid");

    @Inject
    DeadlineSweep sweep;

    @Inject
    Circulars circulars;

    @Inject
    ObjectMapper json;

    private final TopicProbe probe = new TopicProbe(SharedInfrastructure.get().kafka().bootstrapServers());

    @Test
    void aSupervisorIssuesTheCircularAndItGoesOutOnce() throws Throwable {
        List<UUID> cases = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            cases.add(assign("360103-CIR1", BODY));
        }
        cases.add(assign("360103-CIR2", null));
        for (UUID id : cases) {
            Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(token("auditor"))
                    .when().get("/api/cases/" + id).then().statusCode(200).body("acceptanceDue", is("2023-05-19")));
        }
        VertxContextSupport.subscribeAndAwait(() -> sweep.sweep(LocalDate.parse("2023-06-10")));

        // the supervisor of 511703 may not issue one for 南昌
        given().auth().oauth2(token("supervisor")).queryParam("locality", "360103").queryParam("from", "2023-05-01")
                .queryParam("to", "2023-06-10").when().post("/api/supervision/circulars").then().statusCode(403);
        given().auth().oauth2(token("leader")).queryParam("locality", "360103").when().post("/api/supervision/circulars")
                .then().statusCode(403);
        given().auth().oauth2(token("admin")).queryParam("locality", "3601x").when().post("/api/supervision/circulars")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", contains("locality"));
        given().auth().oauth2(token("admin")).queryParam("from", "2023-06-11").queryParam("to", "2023-06-10")
                .when().post("/api/supervision/circulars").then().statusCode(400).body("errors.field", contains("from"));
        given().auth().oauth2(token("admin")).queryParam("to", "2999-01-01")
                .when().post("/api/supervision/circulars").then().statusCode(400).body("errors.field", contains("to"));
        given().auth().oauth2(token("admin")).queryParam("from", "2021-01-01").queryParam("to", "2023-06-10")
                .when().post("/api/supervision/circulars").then().statusCode(400).body("errors.field", contains("from"));

        String id = given().auth().oauth2(token("admin")).queryParam("locality", "360103").queryParam("from", "2023-05-01")
                .queryParam("to", "2023-06-10").when().post("/api/supervision/circulars").then().statusCode(201)
                .header("Location", containsString("/api/supervision/circulars/")).body("localityPrefix", is("360103"))
                .body("lines.department.code", contains("360103-CIR1", "360103-CIR2"))
                .extract().path("circularId");
        List<org.apache.kafka.clients.consumer.ConsumerRecord<String, String>> records = new OutboxProbe(
                SharedInfrastructure.get(), PlatformService.SUPERVISION).published(Topics.SUPERVISION_CIRCULAR_V1, id, 1);
        assertEquals(1, records.size(), "exactly one supervision.circular.v1 record");
        assertEquals(CloudEvent.TYPE_SUPERVISION_CIRCULAR_V1, TopicProbe.header(records.get(0), CloudEvent.HEADER_TYPE));
        CircularV1 issued = json.readValue(records.get(0).value(), CircularV1.class);
        assertEquals(UUID.fromString(id), issued.circularId());
        assertEquals(LocalDate.parse("2023-05-01"), issued.from());
        assertEquals(LocalDate.parse("2023-06-10"), issued.to());
        assertEquals(List.of(
                new CircularV1.Line(new UnitContact("360103-CIR1", "部门 360103-CIR1", "360103-cir1@example.invalid"),
                        "360103", 3, 3, 6, BODY),
                new CircularV1.Line(new UnitContact("360103-CIR2", "部门 360103-CIR2", "360103-cir2@example.invalid"),
                        "360103", 1, 1, 2, null)), issued.lines());
        // kept as issued
        given().auth().oauth2(token("auditor")).when().get("/api/supervision/circulars/" + id).then().statusCode(200)
                .body("circularId", is(id)).body("lines.size()", is(2))
                .body("lines[0].supervisingBody.email", is("3601-cirb@example.invalid"));
        given().auth().oauth2(token("leader")).when().get("/api/supervision/circulars/" + id).then().statusCode(403);
        given().auth().oauth2(token("auditor")).when().get("/api/supervision/circulars/" + UUID.randomUUID()).then()
                .statusCode(404);
    }

    @Test
    void twoReplicasIssueTheScheduledCircularOnce() throws Throwable {
        DivisionPrefix area = new DivisionPrefix("360103");
        LocalDate from = LocalDate.parse("2023-05-22");
        LocalDate to = LocalDate.parse("2023-05-28");
        ExecutorService replicas = Executors.newFixedThreadPool(2);
        List<Optional<CircularV1>> results = new ArrayList<>();
        try {
            Callable<Optional<CircularV1>> run = () -> {
                try {
                    return VertxContextSupport.subscribeAndAwait(() -> circulars.issue(area, from, to, Circulars.SCHEDULE, true));
                } catch (Throwable e) {
                    throw new IllegalStateException(e);
                }
            };
            Future<Optional<CircularV1>> first = replicas.submit(run);
            Future<Optional<CircularV1>> second = replicas.submit(run);
            results.add(first.get());
            results.add(second.get());
        } finally {
            replicas.shutdown();
        }
        assertEquals(1, results.stream().filter(Optional::isPresent).count(), "one replica issued it: " + results);
        // the whole schedule on Monday 29 May (22 to 28 May) for the configured localities (the whole country
        // in tests): issued once, not by a second run
        int again = VertxContextSupport.subscribeAndAwait(() -> circulars.issueScheduled(LocalDate.parse("2023-05-29")));
        int thirdRun = VertxContextSupport.subscribeAndAwait(() -> circulars.issueScheduled(LocalDate.parse("2023-05-29")));
        assertEquals(0, thirdRun, "the schedule's circulars were issued by the run before");
        List<org.apache.kafka.clients.consumer.ConsumerRecord<String, String>> records = new OutboxProbe(
                SharedInfrastructure.get(), PlatformService.SUPERVISION).published(Topics.SUPERVISION_CIRCULAR_V1,
                r -> period(r.value(), "360103", "2023-05-22"));
        assertEquals(1, records.size(), "exactly one scheduled circular of 360103 for 22 to 28 May");
        assertEquals(1, again, "the country's circular of 22 to 28 May");
    }

    private boolean period(String value, String prefix, String from) {
        try {
            JsonNode c = json.readTree(value);
            return prefix.equals(c.get("localityPrefix").asText()) && from.equals(c.get("from").asText());
        } catch (Exception e) {
            return false;
        }
    }

    private UUID assign(String department, UnitContact body) throws Exception {
        UUID caseId = UUID.randomUUID();
        CaseAssignedV1 event = new CaseAssignedV1(caseId, "XF-CIR", department, "部门 " + department,
                department.toLowerCase() + "@example.invalid", "360103", "URBAN_HOUSING", "test",
                Instant.parse("2023-05-04T01:00:00Z"), Instant.parse("2023-05-04T02:00:00Z"), false, null, null, null, null, body);
        probe.sendCloudEvent(Topics.CASE_ASSIGNED_V1, caseId.toString(), UUID.randomUUID().toString(),
                CloudEvent.TYPE_CASE_ASSIGNED_V1, json.writeValueAsString(event));
        return caseId;
    }

    private static String token(String user) {
        return SharedInfrastructure.get().keycloak().accessToken(user);
    }
}
