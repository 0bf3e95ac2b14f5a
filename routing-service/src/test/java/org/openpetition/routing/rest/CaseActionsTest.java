package org.openpetition.routing.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.openpetition.contracts.rules.BeijingTime;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.openpetition.contracts.CloudEvent;
import org.openpetition.contracts.Topics;
import org.openpetition.contracts.event.PetitionSubmittedV1;
import org.openpetition.devinfra.InfraTestResource;
import org.openpetition.devinfra.SharedInfrastructure;
import org.openpetition.devinfra.TopicProbe;

/** People in the loop: the dispatcher's assignment (交办, reassignment, the queue) and the return loop (退回). */
@QuarkusTest
@WithTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "service", value = "routing"))
class CaseActionsTest {

    @Inject
    ObjectMapper json;

    private final TopicProbe probe = new TopicProbe(SharedInfrastructure.get().kafka().bootstrapServers());

    @Test
    void dispatcherResolvesTheQueueWithACustomDeadline() throws Exception {
        UUID caseId = submit("511703", "SPACE_TRAVEL", null);
        awaitOutcome(caseId, "DISPATCHER_QUEUE");
        LocalDate due = LocalDate.now(BeijingTime.ZONE).plusDays(5);
        // a unit outside the dispatcher's area (达川区) is refused
        given().auth().oauth2(token("dispatcher")).contentType(ContentType.JSON)
                .body("{\"departmentCode\": \"450326-XFJ\", \"reason\": \"按信访局职责受理\"}")
                .when().post("/api/assignments/" + caseId + "/assign")
                .then().statusCode(400).body("errors[0].field", is("departmentCode"));
        given().auth().oauth2(token("dispatcher")).contentType(ContentType.JSON)
                .body("{\"departmentCode\": \"511703-XFJ\", \"reason\": \"按信访局职责受理\", \"acceptanceDue\": \"" + due + "\"}")
                .when().post("/api/assignments/" + caseId + "/assign")
                .then().statusCode(200).body("outcome", is("ASSIGNED")).body("decidedBy", is("DISPATCHER"))
                .body("acceptanceDue", is(due.toString())).body("reason", containsString("交办"))
                .body("reasons", hasSize(2)).body("reasons[1]", is("按信访局职责受理"))
                .body("reasonEn", startsWith("Assigned with a deadline: dispatcher"));
        given().auth().oauth2(token("dispatcher")).when().get("/api/assignments/queue")
                .then().statusCode(200).body("caseId", not(hasItem(caseId.toString())));
        JsonNode event = assigned(caseId, 1).get(0);
        assertEquals("511703-XFJ", event.get("departmentCode").asText());
        assertEquals(due.toString(), event.get("acceptanceDue").asText());
        assertEquals("DISPATCHER", event.get("decidedBy").asText());
    }

    @Test
    void dispatcherInputIsCheckedAndOnlyADispatcherMayAssign() throws Exception {
        UUID caseId = submit("511703", "EDUCATION", null);
        awaitOutcome(caseId, "ASSIGNED");
        given().auth().oauth2(token("dispatcher")).contentType(ContentType.JSON)
                .body("{\"departmentCode\": \"511703-NOPE\", \"reason\": \"x\"}")
                .when().post("/api/assignments/" + caseId + "/assign")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", is("departmentCode"));
        given().auth().oauth2(token("dispatcher")).contentType(ContentType.JSON)
                .body("{\"departmentCode\": \"511703-JYJ\", \"reason\": \"x\", \"acceptanceDue\": \"2020-01-01\"}")
                .when().post("/api/assignments/" + caseId + "/assign")
                .then().statusCode(400).body("errors[0].field", is("acceptanceDue"));
        given().auth().oauth2(token("dispatcher")).contentType(ContentType.JSON).body("{\"departmentCode\": \"511703-JYJ\"}")
                .when().post("/api/assignments/" + caseId + "/assign")
                .then().statusCode(400).body("errors.field", hasItem("reason"));
        given().auth().oauth2(token("handler")).contentType(ContentType.JSON)
                .body("{\"departmentCode\": \"511703-ZJJ\", \"reason\": \"x\"}")
                .when().post("/api/assignments/" + caseId + "/assign").then().statusCode(403);
        given().auth().oauth2(token("dispatcher")).contentType(ContentType.JSON)
                .body("{\"departmentCode\": \"511703-JYJ\", \"reason\": \"x\"}")
                .when().post("/api/assignments/" + UUID.randomUUID() + "/assign").then().statusCode(404);
    }

    @Test
    void dispatcherCannotHandAnAccusationToTheAccusedLine() throws Exception {
        UUID caseId = submit("511703", "URBAN_HOUSING", new PetitionSubmittedV1.Accused("5117-ZJJ", "市住建局", null, null));
        awaitOutcome(caseId, "ASSIGNED");
        // with 达州市纪委监委: the county's dispatcher does not see it, the city's may not give it to the accused line
        given().auth().oauth2(token("dispatcher")).contentType(ContentType.JSON)
                .body("{\"departmentCode\": \"511703-JYJ\", \"reason\": \"属地办理\"}")
                .when().post("/api/assignments/" + caseId + "/assign").then().statusCode(404);
        given().auth().oauth2(cityDispatcher()).contentType(ContentType.JSON)
                .body("{\"departmentCode\": \"511703-ZJJ\", \"reason\": \"属地办理\"}")
                .when().post("/api/assignments/" + caseId + "/assign")
                .then().statusCode(400).body("errors[0].field", is("departmentCode"))
                .body("errors[0].reason", containsString("检举控告"));
    }

    @Test
    void aReturnedCaseIsRoutedAgainWithoutTheReturningUnitUpToTheLimit() throws Exception {
        UUID caseId = submit("511703", "URBAN_HOUSING", null);
        awaitOutcome(caseId, "ASSIGNED");

        // 1st return by 达川区住建局: routed again without it, to 达州市住建局
        given().auth().oauth2(token("handler")).contentType(ContentType.JSON).body("{\"reason\": \"系市级审批事项，非本局职责\"}")
                .when().post("/api/assignments/" + caseId + "/return")
                .then().statusCode(200).body("outcome", is("ASSIGNED")).body("departmentCode", is("5117-ZJJ"))
                .body("returnCount", is(1)).body("reason", startsWith("退回"))
                .body("reasonEn", containsString("returned the case (1 of 2): 系市级审批事项，非本局职责"));
        var returned = probe.awaitRecords(Topics.CASE_RETURNED_V1, caseId.toString(), 1, Duration.ofSeconds(30));
        assertEquals(CloudEvent.TYPE_CASE_RETURNED_V1, TopicProbe.header(returned.get(0), CloudEvent.HEADER_TYPE));
        JsonNode first = json.readTree(returned.get(0).value());
        assertEquals("511703-ZJJ", first.get("departmentCode").asText());
        assertEquals("REROUTED", first.get("next").asText());
        assertEquals(1, first.get("returnCount").asInt());
        assertEquals(2, first.get("maxReturns").asInt());
        assertEquals("5117-ZJJ", assigned(caseId, 2).get(1).get("departmentCode").asText());

        // no longer the handler's case: to it, the case is not there to return
        given().auth().oauth2(token("handler")).contentType(ContentType.JSON).body("{\"reason\": \"再次退回\"}")
                .when().post("/api/assignments/" + caseId + "/return").then().statusCode(404);

        // now with the city: the county's dispatcher no longer has it; the city's sends it back
        given().auth().oauth2(token("dispatcher")).contentType(ContentType.JSON)
                .body("{\"departmentCode\": \"511703-ZJJ\", \"reason\": \"属地办理\"}")
                .when().post("/api/assignments/" + caseId + "/assign").then().statusCode(404);
        // the 2nd return reaches the limit: the queue of the petition's area
        given().auth().oauth2(cityDispatcher()).contentType(ContentType.JSON)
                .body("{\"departmentCode\": \"511703-ZJJ\", \"reason\": \"属地办理\"}")
                .when().post("/api/assignments/" + caseId + "/assign").then().statusCode(200);
        given().auth().oauth2(token("handler")).contentType(ContentType.JSON).body("{\"reason\": \"仍非本局职责\"}")
                .when().post("/api/assignments/" + caseId + "/return")
                .then().statusCode(200).body("outcome", is("DISPATCHER_QUEUE")).body("returnCount", is(2))
                .body("reason", containsString("退回次数已达上限"))
                .body("reasonEn", containsString("return limit"))
                .body("reasons[0]", startsWith("退回："))
                .body("reasonsEn[0]", startsWith("Returned: "));
        given().auth().oauth2(token("dispatcher")).when().get("/api/assignments/queue")
                .then().body("caseId", hasItem(caseId.toString()));
        var both = probe.awaitRecords(Topics.CASE_RETURNED_V1, caseId.toString(), 2, Duration.ofSeconds(30));
        assertEquals("DISPATCHER_QUEUE", json.readTree(both.get(1).value()).get("next").asText());

        // assigned once more: a further return is refused
        given().auth().oauth2(token("dispatcher")).contentType(ContentType.JSON)
                .body("{\"departmentCode\": \"511703-ZJJ\", \"reason\": \"经研究由区住建局办理\"}")
                .when().post("/api/assignments/" + caseId + "/assign").then().statusCode(200);
        given().auth().oauth2(token("handler")).contentType(ContentType.JSON).body("{\"reason\": \"第三次\"}")
                .when().post("/api/assignments/" + caseId + "/return")
                .then().statusCode(409).contentType("application/problem+json").body("detail", containsString("退回次数已达上限"));
    }

    @Test
    void aReturnNeedsAReasonAndTheHandlerRole() throws Exception {
        UUID caseId = submit("511703", "URBAN_HOUSING", null);
        awaitOutcome(caseId, "ASSIGNED");
        given().auth().oauth2(token("handler")).contentType(ContentType.JSON).body("{\"reason\": \" \"}")
                .when().post("/api/assignments/" + caseId + "/return")
                .then().statusCode(400).body("errors[0].field", is("reason"));
        given().auth().oauth2(token("dispatcher")).contentType(ContentType.JSON).body("{\"reason\": \"x\"}")
                .when().post("/api/assignments/" + caseId + "/return").then().statusCode(403);
    }

    private java.util.List<JsonNode> assigned(UUID caseId, int atLeast) throws Exception {
        var records = probe.awaitRecords(Topics.CASE_ASSIGNED_V1, caseId.toString(), atLeast, Duration.ofSeconds(30));
        java.util.List<JsonNode> events = new java.util.ArrayList<>();
        for (var r : records) {
            events.add(json.readTree(r.value()));
        }
        return events;
    }

    private void awaitOutcome(UUID caseId, String outcome) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(token("auditor")).when().get("/api/assignments/" + caseId)
                        .then().statusCode(200).body("outcome", is(outcome)));
    }

    private UUID submit(String locality, String category, PetitionSubmittedV1.Accused accused) throws Exception {
        UUID caseId = UUID.randomUUID();
        PetitionSubmittedV1 event = new PetitionSubmittedV1(caseId, "XF20261124-ACT" + caseId.toString().substring(0, 5),
                "ONLINE", accused == null ? "SOLUTION_REQUEST" : "ACCUSATION", category, locality, "标题", "内容内容内容内容",
                null, 1, Instant.now(), null, false, accused, null, null);
        probe.sendCloudEvent(Topics.PETITION_SUBMITTED_V1, caseId.toString(), UUID.randomUUID().toString(),
                CloudEvent.TYPE_PETITION_SUBMITTED_V1, json.writeValueAsString(event));
        return caseId;
    }

    private static String token(String user) {
        return SharedInfrastructure.get().keycloak().accessToken(user);
    }

    private static String cityDispatcherName;

    /** A dispatcher of 达州市 (locality 5117), created as an operator creates users. */
    private static synchronized String cityDispatcher() {
        if (cityDispatcherName == null) {
            cityDispatcherName = "dispatcher-5117-" + UUID.randomUUID().toString().substring(0, 8);
            SharedInfrastructure.get().keycloak().createUser(cityDispatcherName, "dispatcher", java.util.Map.of("locality", "5117"));
        }
        return token(cityDispatcherName);
    }
}
