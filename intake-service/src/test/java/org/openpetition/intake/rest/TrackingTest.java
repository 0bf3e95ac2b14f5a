package org.openpetition.intake.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openpetition.intake.IntakeTestSupport.*;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.openpetition.contracts.CloudEvent;
import org.openpetition.contracts.Topics;
import org.openpetition.contracts.event.CaseAssignedV1;
import org.openpetition.contracts.event.CaseDivertedV1;
import org.openpetition.devinfra.InfraTestResource;
import org.openpetition.devinfra.TopicProbe;

/** Public tracking by code and query secret; the timeline follows case.assigned.v1 from the real broker. */
@QuarkusTest
@WithTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "service", value = "intake"))
class TrackingTest {

    @Inject
    ObjectMapper json;

    @Test
    void petitionerFollowsTheCaseWithoutAnAccountAndWithoutPersonalData() throws Exception {
        // a petitioner of their own (a phone no other test uses), so that this is no repeat of another test's petition
        String phone = "135" + String.format("%08d", java.util.concurrent.ThreadLocalRandom.current().nextInt(100_000_000));
        var receipt = given().auth().oauth2(token("clerk")).contentType("application/json")
                .body(petitionJson("LETTER").replace("13800138000", phone))
                .when().post("/api/petitions").then().statusCode(201)
                .body("querySecret", matchesPattern("[2-9A-HJKMNP-Z]{8}")).extract();
        String caseId = receipt.path("caseId");
        String code = receipt.path("trackingCode");
        String secret = receipt.path("querySecret");

        track(code, secret).statusCode(200)
                .body("status", is("REGISTERED"))
                .body("statusZh", is("已登记"))
                .body("timeline.status", contains("REGISTERED"))
                .body(not(containsString("张三")))
                .body(not(containsString(phone)))
                .body(not(containsString("加装电梯")));
        track(code, secret.toLowerCase()).statusCode(200);

        String wrongSecret = track(code, "ZZZZZZZZ").statusCode(404).contentType("application/problem+json")
                .extract().path("detail");
        track("XF20260101-NOSUCH00", secret).statusCode(404).body("detail", is(wrongSecret));

        // the same event twice, then a later one (a reassignment) on the same partition: once the later one shows,
        // the duplicate has been consumed before it and must have left no step of its own
        String eventId = UUID.randomUUID().toString();
        assigned(UUID.fromString(caseId), eventId, "511703-ZJJ", "达州市达川区住房和城乡建设局");
        assigned(UUID.fromString(caseId), eventId, "511703-ZJJ", "达州市达川区住房和城乡建设局");
        assigned(UUID.fromString(caseId), UUID.randomUUID().toString(), "511703-SWJ", "达州市达川区水务局");
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> track(code, secret).statusCode(200)
                .body("timeline.body", hasItem("达州市达川区水务局")));
        track(code, secret).statusCode(200)
                .body("status", is("ASSIGNED"))
                .body("statusEn", is("Assigned to the competent body"))
                .body("timeline.status", contains("REGISTERED", "ASSIGNED", "ASSIGNED"))
                .body("timeline[1].body", is("达州市达川区住房和城乡建设局"))
                .body("timeline[1].statusZh", is("已转送交办"));
    }

    @Test
    void aDivertedPetitionShowsTheLegalChannelOnceAndIsClosed() throws Exception {
        var receipt = given().auth().oauth2(token("clerk")).contentType("application/json").body(petitionJson("LETTER"))
                .when().post("/api/petitions").then().statusCode(201).extract();
        UUID caseId = UUID.fromString(receipt.path("caseId"));
        String code = receipt.path("trackingCode");
        String secret = receipt.path("querySecret");
        String guidance = "该事项属于劳动人事争议仲裁范围，请向劳动人事争议仲裁委员会申请仲裁。";
        String guidanceEn = "This matter belongs to labour arbitration: apply to the labour dispute arbitration commission.";
        Instant at = Instant.now();
        CaseDivertedV1 event = new CaseDivertedV1(caseId, code, "511703001", "ARBITRATION", "ARBITRATION", guidance,
                "主题分类 ARBITRATION 属于法定途径", at, at, guidanceEn, "subject category ARBITRATION is a legal channel");
        String eventId = UUID.randomUUID().toString();
        TopicProbe kafka = new TopicProbe(infra().kafka().bootstrapServers());
        kafka.sendCloudEvent(Topics.CASE_DIVERTED_V1, caseId.toString(), eventId, CloudEvent.TYPE_CASE_DIVERTED_V1,
                json.writeValueAsString(event));
        kafka.sendCloudEvent(Topics.CASE_DIVERTED_V1, caseId.toString(), eventId, CloudEvent.TYPE_CASE_DIVERTED_V1,
                json.writeValueAsString(event));
        // a later event on the same partition (an older producer's, without English): once it shows, the duplicate
        // before it has been consumed
        String later = "请向人民法院起诉。";
        kafka.sendCloudEvent(Topics.CASE_DIVERTED_V1, caseId.toString(), UUID.randomUUID().toString(),
                CloudEvent.TYPE_CASE_DIVERTED_V1, json.writeValueAsString(new CaseDivertedV1(caseId, code, "511703001",
                        "LITIGATION", "LITIGATION", later, "主题分类 LITIGATION 属于法定途径", at, at.plusSeconds(1))));

        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> track(code, secret).statusCode(200)
                .body("timeline.note", hasItem(later)));
        track(code, secret).statusCode(200)
                .body("status", is("DIVERTED"))
                .body("statusZh", is("已导入法定途径"))
                .body("timeline.status", contains("REGISTERED", "DIVERTED", "DIVERTED"))
                .body("timeline[1].note", is(guidance))
                .body("timeline[1].noteEn", is(guidanceEn))
                .body("timeline[1].body", nullValue())
                .body("timeline[2].noteEn", nullValue());
        given().auth().oauth2(token("clerk")).when().get("/api/petitions/" + caseId).then().statusCode(200)
                .body("status", is("DIVERTED"));
        try (Connection db = DriverManager.getConnection(infra().postgres().jdbcUrl("intake"), "intake", "intake");
             PreparedStatement closed = db.prepareStatement("select closed_at from petition where id = ?")) {
            closed.setObject(1, caseId);
            try (ResultSet row = closed.executeQuery()) {
                assertTrue(row.next());
                assertNotNull(row.getTimestamp(1), "a diverted petition counts as closed (repeat detection's window)");
            }
        }
    }

    @Test
    void aRetriedRegistrationReturnsTheSameQuerySecret() {
        String key = UUID.randomUUID().toString();
        String first = given().auth().oauth2(token("citizen")).header("Idempotency-Key", key)
                .contentType("application/json").body(petitionJson(null)).when().post("/api/petitions")
                .then().statusCode(201).extract().path("querySecret");
        given().auth().oauth2(token("citizen")).header("Idempotency-Key", key)
                .contentType("application/json").body(petitionJson(null)).when().post("/api/petitions")
                .then().statusCode(201).body("querySecret", is(first));
    }

    @Test
    void trackingQueryIsValidated() {
        given().contentType("application/json").body("{\"trackingCode\": \"\"}").when().post("/api/tracking")
                .then().statusCode(400).body("errors.field", containsInAnyOrder("trackingCode", "querySecret"));
    }

    private static ValidatableResponse track(String code, String secret) {
        return given().contentType("application/json")
                .body("{\"trackingCode\": \"" + code + "\", \"querySecret\": \"" + secret + "\"}")
                .when().post("/api/tracking").then();
    }

    private void assigned(UUID caseId, String eventId, String departmentCode, String departmentName) throws Exception {
        Instant now = Instant.now();
        CaseAssignedV1 event = new CaseAssignedV1(caseId, "XF", departmentCode, departmentName,
                departmentCode.toLowerCase() + "@dept.demo.openpetition.local", "511703", "URBAN_HOUSING", "test", now, now, false, null, null, null, null, null);
        new TopicProbe(infra().kafka().bootstrapServers()).sendCloudEvent(Topics.CASE_ASSIGNED_V1, caseId.toString(),
                eventId, CloudEvent.TYPE_CASE_ASSIGNED_V1, json.writeValueAsString(event));
    }
}
