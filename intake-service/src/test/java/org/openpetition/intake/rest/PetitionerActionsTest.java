package org.openpetition.intake.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.*;
import static org.openpetition.intake.IntakeTestSupport.*;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.openpetition.contracts.CloudEvent;
import org.openpetition.contracts.Topics;
import org.openpetition.contracts.event.CaseLifecycleV1.Step;
import org.openpetition.devinfra.InfraTestResource;
import org.openpetition.devinfra.TopicProbe;

/**
 * After the reply the petitioner evaluates it and may ask for review and re-review within the windows;
 * an open case can be withdrawn. The case steps arrive as case.lifecycle.v1 on the real broker; the
 * actions leave as petition.action.v1.
 */
@QuarkusTest
@WithTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "service", value = "intake"))
class PetitionerActionsTest {

    @Test
    void evaluationReviewAndReReviewFollowTheCaseToFinal() throws Exception {
        Receipt r = submit();
        act(r, "{\"action\": \"EVALUATE\", \"evaluation\": \"SATISFIED\"}").statusCode(409)
                .contentType("application/problem+json")
                .body("type", endsWith("/state-conflict"))
                .body("detail", containsString("there is no reply to evaluate yet"));

        lifecycle(r.caseId(), Step.ACCEPTED, Instant.now(), null);
        lifecycle(r.caseId(), Step.REPLIED, Instant.now(), null);
        awaitStatus(r, "REPLIED");

        act(r, "{\"action\": \"EVALUATE\"}").statusCode(400).body("errors.field", contains("evaluation"));
        act(r, "{\"action\": \"EVALUATE\", \"evaluation\": \"DISSATISFIED\"}").statusCode(200)
                .body("status", is("REPLIED")) // an evaluation does not move the case
                .body("timeline.status", contains("REGISTERED", "ACCEPTED", "REPLIED", "EVALUATED"))
                .body("timeline[3].statusZh", is("已评价"))
                .body("timeline[3].note", is("不满意"))
                .body("timeline[3].noteEn", is("Dissatisfied"));
        act(r, "{\"action\": \"EVALUATE\", \"evaluation\": \"SATISFIED\"}").statusCode(409)
                .body("detail", containsString("evaluated already"));
        act(r, "{\"action\": \"REQUEST_RE_REVIEW\"}").statusCode(409).body("detail", containsString("no review opinion"));
        act(r, "{\"action\": \"REQUEST_REVIEW\", \"reason\": \"答复未解决实际问题\"}").statusCode(200)
                .body("status", is("UNDER_REVIEW"))
                .body("statusEn", is("Under review"))
                .body("timeline.status", contains("REGISTERED", "ACCEPTED", "REPLIED", "EVALUATED", "REVIEW_REQUESTED"))
                .body(not(containsString("答复未解决实际问题"))); // the petitioner's words stay off the public timeline
        act(r, "{\"action\": \"REQUEST_REVIEW\"}").statusCode(409).body("detail", containsString("requested already"));

        lifecycle(r.caseId(), Step.REVIEWED, Instant.now(), null);
        awaitStatus(r, "REVIEWED");
        // the signed-in petitioner acts on their own case
        given().auth().oauth2(token("citizen")).contentType("application/json").body("{\"action\": \"REQUEST_RE_REVIEW\"}")
                .when().post("/api/petitions/" + r.caseId() + "/actions").then().statusCode(200)
                .body("status", is("UNDER_RE_REVIEW"));

        lifecycle(r.caseId(), Step.RE_REVIEWED, Instant.now(), null);
        lifecycle(r.caseId(), Step.FINAL, Instant.now(), null);
        awaitStatus(r, "FINAL");
        act(r, "{\"action\": \"WITHDRAW\"}").statusCode(409).body("detail", containsString("final or withdrawn"));

        var actions = published(Topics.PETITION_ACTION_V1, r.caseId(), 3);
        assertEquals(3, actions.size(), "one event per accepted action, none for refused ones");
        assertEquals(CloudEvent.TYPE_PETITION_ACTION_V1, TopicProbe.header(actions.get(0), CloudEvent.HEADER_TYPE));
        assertTrue(actions.get(0).value().contains("\"action\":\"EVALUATED\""), actions.get(0).value());
        assertTrue(actions.get(0).value().contains("\"evaluation\":\"DISSATISFIED\""), actions.get(0).value());
        assertTrue(actions.get(0).value().contains("\"recordedBy\":\"ONLINE\""), actions.get(0).value());
        assertTrue(actions.get(1).value().contains("\"action\":\"REVIEW_REQUESTED\""), actions.get(1).value());
        assertTrue(actions.get(2).value().contains("\"action\":\"RE_REVIEW_REQUESTED\""), actions.get(2).value());
    }

    @Test
    void theWindowsCloseThirtyDaysAfterTheReply() {
        Receipt r = submit();
        lifecycle(r.caseId(), Step.REPLIED, Instant.now().minus(Duration.ofDays(31)), null);
        awaitStatus(r, "REPLIED");
        act(r, "{\"action\": \"EVALUATE\", \"evaluation\": \"SATISFIED\"}").statusCode(409)
                .body("detail", containsString("window of 30 days closed"));
        act(r, "{\"action\": \"REQUEST_REVIEW\"}").statusCode(409).body("detail", containsString("window of 30 days closed"));
    }

    @Test
    void anOpenCaseCanBeWithdrawnOnceAndAClerkCanRecordIt() {
        Receipt r = submit();
        lifecycle(r.caseId(), Step.NOT_ACCEPTED, Instant.now(), "属于诉讼渠道，请向人民法院起诉");
        awaitStatus(r, "NOT_ACCEPTED");
        act(r, "{\"action\": \"WITHDRAW\"}").statusCode(409).body("detail", containsString("closed"));

        Receipt open = submit();
        given().auth().oauth2(token("clerk")).contentType("application/json").body("{\"action\": \"WITHDRAW\"}")
                .when().post("/api/petitions/" + open.caseId() + "/actions").then().statusCode(200)
                .body("status", is("WITHDRAWN"));
        act(open, "{\"action\": \"WITHDRAW\"}").statusCode(409);
        var records = published(Topics.PETITION_ACTION_V1, open.caseId(), 1);
        assertEquals(1, records.size(), "one event for the withdrawal, none for the refused second one");
        assertTrue(records.get(0).value().contains("\"recordedBy\":\"CLERK\""), records.get(0).value());
    }

    @Test
    void theReasonOfANonAcceptanceIsOnTheTimelineAndOthersCannotAct() {
        Receipt r = submit();
        lifecycle(r.caseId(), Step.NOT_ACCEPTED, Instant.now(), "属于诉讼渠道，请向人民法院起诉");
        awaitStatus(r, "NOT_ACCEPTED");
        track(r).body("timeline[1].note", is("属于诉讼渠道，请向人民法院起诉"))
                .body("timeline[1].statusEn", is("Not accepted"));
        given().contentType("application/json").body("""
                {"trackingCode": "%s", "querySecret": "ZZZZZZZZ", "action": "WITHDRAW"}""".formatted(r.trackingCode()))
                .when().post("/api/tracking/actions").then().statusCode(404);
        given().auth().oauth2(token("handler")).contentType("application/json").body("{\"action\": \"WITHDRAW\"}")
                .when().post("/api/petitions/" + r.caseId() + "/actions").then().statusCode(403);
    }

    private record Receipt(UUID caseId, String trackingCode, String querySecret) {
    }

    private static Receipt submit() {
        var receipt = given().auth().oauth2(token("citizen")).contentType("application/json")
                .body(petitionJson(null).replace("申请加装电梯。", "申请加装电梯。" + UUID.randomUUID()).replace("13800138000",
                        "138" + String.format("%08d", (int) (Math.random() * 100_000_000))))
                .when().post("/api/petitions").then().statusCode(201).extract();
        return new Receipt(UUID.fromString(receipt.path("caseId")), receipt.path("trackingCode"), receipt.path("querySecret"));
    }

    private static ValidatableResponse act(Receipt r, String action) {
        String body = action.replaceFirst("\\{", "{\"trackingCode\": \"" + r.trackingCode() + "\", \"querySecret\": \""
                + r.querySecret() + "\", ");
        return given().contentType("application/json").body(body).when().post("/api/tracking/actions").then();
    }

    private static ValidatableResponse track(Receipt r) {
        return given().contentType("application/json")
                .body("{\"trackingCode\": \"" + r.trackingCode() + "\", \"querySecret\": \"" + r.querySecret() + "\"}")
                .when().post("/api/tracking").then();
    }

    private static void awaitStatus(Receipt r, String status) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> track(r).statusCode(200).body("status", is(status)));
    }
}
