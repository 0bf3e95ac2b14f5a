package org.openpetition.supervision.service;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.openpetition.contracts.CloudEvent;
import org.openpetition.contracts.Topics;
import org.openpetition.contracts.event.CaseAssignedV1;
import org.openpetition.contracts.event.CaseDeadlineV1;
import org.openpetition.contracts.event.UnitContact;
import org.openpetition.contracts.rules.BeijingTime;
import org.openpetition.devinfra.InfraTestResource;
import org.openpetition.devinfra.OutboxProbe;
import org.openpetition.devinfra.PlatformService;
import org.openpetition.devinfra.SharedInfrastructure;
import org.openpetition.devinfra.TopicProbe;

/**
 * A supervisor's own supervision order (督办单) on a case of 511703-ZJJ: checked, kept, issued as an alert
 * and case.deadline.v1 (real broker); answered by the department's handler only; an order left unanswered
 * past its day is escalated once, an answered one never.
 */
@QuarkusTest
@WithTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "service", value = "supervision"))
class SupervisionOrdersTest {

    @Inject
    SupervisionOrders orders;

    @Inject
    ObjectMapper json;

    private final TopicProbe probe = new TopicProbe(SharedInfrastructure.get().kafka().bootstrapServers());

    @Test
    void aSupervisorOrdersTheDepartmentAnswersAndAnOrderLeftUnansweredIsEscalatedOnce() throws Throwable {
        UUID caseId = assign("511703-ZJJ");
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(token("supervisor"))
                .when().get("/api/cases/" + caseId).then().statusCode(200));
        LocalDate today = LocalDate.now(BeijingTime.ZONE);
        LocalDate due = today.plusDays(5);
        String path = "/api/cases/" + caseId + "/supervision-orders";

        given().auth().oauth2(token("supervisor")).contentType("application/json")
                .body(Map.of("reason", " ", "demand", "请于期限内报告办理情况。", "answerDue", due.toString()))
                .when().post(path).then().statusCode(400).contentType("application/problem+json").body("errors.field", contains("reason"));
        given().auth().oauth2(token("supervisor")).contentType("application/json")
                .body(Map.of("reason", "信访人反映久拖未办", "demand", "请于期限内报告办理情况。", "answerDue", today.toString()))
                .when().post(path).then().statusCode(400).body("errors.field", contains("answerDue"));
        given().auth().oauth2(token("handler")).contentType("application/json")
                .body(Map.of("reason", "信访人反映久拖未办", "demand", "请于期限内报告办理情况。", "answerDue", due.toString()))
                .when().post(path).then().statusCode(403);
        given().auth().oauth2(token("supervisor")).contentType("application/json")
                .body(Map.of("reason", "信访人反映久拖未办", "demand", "请于期限内报告办理情况。", "answerDue", due.toString()))
                .when().post("/api/cases/" + UUID.randomUUID() + "/supervision-orders").then().statusCode(404);

        String first = given().auth().oauth2(token("supervisor")).contentType("application/json")
                .body(Map.of("reason", "信访人反映久拖未办", "demand", "请于期限内报告办理情况。", "answerDue", due.toString()))
                .when().post(path).then().statusCode(201).header("Location", containsString(path))
                .body("departmentCode", is("511703-ZJJ")).body("issuedBy", is("supervisor")).body("answer", nullValue())
                .extract().path("id");
        given().auth().oauth2(token("supervisor")).contentType("application/json")
                .body(Map.of("reason", "再次督办", "demand", "请报告。", "answerDue", due.toString()))
                .when().post(path).then().statusCode(409);
        given().auth().oauth2(token("auditor")).when().get("/api/cases/" + caseId + "/alerts").then().statusCode(200)
                .body("findAll { it.alert == 'SUPERVISION_ORDER' }.dueKind", contains("ORDER"))
                .body("findAll { it.alert == 'SUPERVISION_ORDER' }.due", contains(due.toString()));
        List<ConsumerRecord<String, String>> issued = new OutboxProbe(SharedInfrastructure.get(), PlatformService.SUPERVISION)
                .published(Topics.CASE_DEADLINE_V1, caseId, 1);
        CaseDeadlineV1 event = json.readValue(issued.get(0).value(), CaseDeadlineV1.class);
        assertEquals(CaseDeadlineV1.Alert.SUPERVISION_ORDER, event.alert());
        assertEquals("ORDER", event.dueKind());
        assertEquals(CloudEvent.TYPE_CASE_DEADLINE_V1, TopicProbe.header(issued.get(0), CloudEvent.HEADER_TYPE));

        // only a handler of the case's department answers
        String other = "handler-jyj-" + UUID.randomUUID().toString().substring(0, 8);
        SharedInfrastructure.get().keycloak().createUser(other, "handler", Map.of("department", "511703-JYJ", "locality", "511703"));
        given().auth().oauth2(SharedInfrastructure.get().keycloak().accessToken(other)).contentType("application/json")
                .body(Map.of("text", "已按要求办理并报告情况。")).when().post(path + "/" + first + "/answer").then().statusCode(404);
        given().auth().oauth2(token("handler")).contentType("application/json")
                .body(Map.of("text", "已约谈信访人，正在协调物业和业主，十日内答复。")).when().post(path + "/" + first + "/answer")
                .then().statusCode(200).body("answeredBy", is("handler")).body("answer", startsWith("已约谈"));
        given().auth().oauth2(token("handler")).contentType("application/json")
                .body(Map.of("text", "已约谈信访人，正在协调物业和业主，十日内答复。")).when().post(path + "/" + first + "/answer")
                .then().statusCode(409);

        // a second order goes unanswered past its day: escalated once; the answered one is not
        String second = given().auth().oauth2(token("supervisor")).contentType("application/json")
                .body(Map.of("reason", "答复意见未回应信访人诉求", "demand", "请重新核查并报告。", "answerDue", due.plusDays(1).toString()))
                .when().post(path).then().statusCode(201).extract().path("id");
        int escalated = VertxContextSupport.subscribeAndAwait(() -> orders.escalateOverdue(due.plusDays(3)));
        assertTrue(escalated >= 1, "the unanswered order is escalated");
        assertEquals(0, (int) VertxContextSupport.subscribeAndAwait(() -> orders.escalateOverdue(due.plusDays(3))), "once");
        given().auth().oauth2(token("leader")).when().get(path).then().statusCode(404);
        given().auth().oauth2(token("auditor")).when().get(path).then().statusCode(200)
                .body("find { it.id == '" + first + "' }.escalatedAt", nullValue())
                .body("find { it.id == '" + second + "' }.escalatedAt", notNullValue());
        given().auth().oauth2(token("auditor")).when().get("/api/cases/" + caseId + "/alerts").then().statusCode(200)
                .body("findAll { it.alert == 'ESCALATED_TO_SUPERVISING_BODY' && it.dueKind == 'ORDER' }.due",
                        contains(due.plusDays(1).toString()));
        new OutboxProbe(SharedInfrastructure.get(), PlatformService.SUPERVISION).published(Topics.CASE_DEADLINE_V1, caseId, 3);
    }

    private UUID assign(String department) throws Exception {
        UUID caseId = UUID.randomUUID();
        Instant now = Instant.now();
        CaseAssignedV1 event = new CaseAssignedV1(caseId, "XF-ORD", department, "部门 " + department,
                department.toLowerCase() + "@example.invalid", "511703", "URBAN_HOUSING", "test",
                now.minusSeconds(600), now, false, null, null, null, null, null);
        probe.sendCloudEvent(Topics.CASE_ASSIGNED_V1, caseId.toString(), UUID.randomUUID().toString(),
                CloudEvent.TYPE_CASE_ASSIGNED_V1, json.writeValueAsString(event));
        return caseId;
    }

    private static String token(String user) {
        return SharedInfrastructure.get().keycloak().accessToken(user);
    }
}
