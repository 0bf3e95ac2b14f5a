package org.openpetition.intake.service;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openpetition.intake.IntakeTestSupport.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.openpetition.contracts.event.CaseLifecycleV1;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.openpetition.contracts.Topics;
import org.openpetition.devinfra.InfraTestResource;
import org.openpetition.devinfra.TopicProbe;

/** 重复访 and 集体访: detected at registration against the real database, carried in the event. */
@QuarkusTest
@WithTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "service", value = "intake"))
class RepeatAndCollectiveTest {

    private static final String MATTER = "我家承包的耕地被村委会收回用于建设厂房，至今没有给予任何补偿，请求依法处理。";
    private static final String SAME_MATTER = "我家承包的耕地被村委会收回建厂房，到现在也没有任何补偿，请求依法处理此事。";
    private static final String OTHER_MATTER = "建议在县城主要路口增设红绿灯和人行横道，保障学生上下学的交通安全。";

    @Test
    void samePetitionerOnTheSameMatterIsLinkedToTheEarlierCase() throws Exception {
        String idNumber = residentId();
        String first = register("511703001", MATTER, "{\"name\": \"孙八\", \"idNumber\": \"" + idNumber + "\"}");
        String repeat = register("511703", SAME_MATTER, "{\"name\": \"孙八\", \"idNumber\": \"" + idNumber + "\"}");

        given().auth().oauth2(token("clerk")).get("/api/petitions/" + first)
                .then().body("repeatOfCaseId", nullValue());
        given().auth().oauth2(token("clerk")).get("/api/petitions/" + repeat)
                .then().body("repeatOfCaseId", is(first));
        JsonNode event = event(repeat);
        assertEquals(first, event.get("repeatOfCaseId").asText(), "the link travels in the event");
        assertTrue(event.get("repeatOfCaseId") != null && !event.get("collective").asBoolean());
    }

    @Test
    void aRepeatShowsWhoHandlesTheEarlierCaseAndItsCodeOnlyToTheSameAccount() {
        String phone = "136" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        String person = "{\"name\": \"冯三\", \"phone\": \"" + phone + "\"}";
        var receipt = given().auth().oauth2(token("citizen")).contentType("application/json")
                .body("""
                        {"kind": "SOLUTION_REQUEST", "subjectCategory": "RURAL_LAND", "localityCode": "511703",
                         "title": "耕地补偿", "content": "%s", "petitioners": [%s]}
                        """.formatted(MATTER, person))
                .when().post("/api/petitions").then().statusCode(201).extract();
        String first = receipt.path("caseId");
        String firstCode = receipt.path("trackingCode");
        assigned(UUID.fromString(first), "511703-NYJ", "达州市达川区农业农村局");
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                count("select count(*) from petition where id = ? and status = 'ASSIGNED'", UUID.fromString(first)) == 1);

        String online = given().auth().oauth2(token("citizen")).contentType("application/json")
                .body("""
                        {"kind": "SOLUTION_REQUEST", "subjectCategory": "RURAL_LAND", "localityCode": "511703",
                         "title": "耕地补偿", "content": "%s", "petitioners": [%s]}
                        """.formatted(SAME_MATTER, person))
                .when().post("/api/petitions").then().statusCode(201).extract().path("caseId");
        given().auth().oauth2(token("citizen")).get("/api/petitions/" + online + "/timeline").then().statusCode(200)
                .body("status", is("ASSIGNED")).body("timeline[0].status", is("REGISTERED"))
                .body("timeline[1].status", is("LINKED_TO_EARLIER")).body("timeline[1].statusZh", is("与同一事项一并办理"))
                .body("timeline[1].body", is("达州市达川区农业农村局")).body("timeline[1].note", containsString(firstCode));

        // registered by a clerk: the petitioner is told who handles it, not another petition's code
        String byClerk = register("511703", SAME_MATTER, person);
        given().auth().oauth2(token("clerk")).get("/api/petitions/" + byClerk).then().body("repeatOfCaseId", is(first));
        given().auth().oauth2(token("clerk")).get("/api/petitions/" + byClerk + "/timeline").then().statusCode(200)
                .body("status", is("ASSIGNED")).body("timeline[1].body", is("达州市达川区农业农村局"))
                .body("timeline[1].note", not(containsString(firstCode)));
    }

    @Test
    void samePhoneFindsTheEarlierCaseToo() {
        String phone = "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        String first = register("450326", MATTER, "{\"name\": \"周九\", \"phone\": \"" + phone + "\"}");
        String repeat = register("450326", SAME_MATTER, "{\"name\": \"周九\", \"phone\": \"" + phone + "\"}");
        given().auth().oauth2(token("clerk")).get("/api/petitions/" + repeat)
                .then().body("repeatOfCaseId", is(first));
    }

    @Test
    void anotherMatterAnotherPetitionerOrAnotherCountyIsANewCase() {
        String idNumber = residentId();
        String person = "{\"name\": \"吴十\", \"idNumber\": \"" + idNumber + "\"}";
        register("411625", MATTER, person);
        String otherMatter = register("411625", OTHER_MATTER, person);
        String otherPerson = register("411625", SAME_MATTER, "{\"name\": \"郑一\", \"idNumber\": \"" + residentId() + "\"}");
        String otherCounty = register("411602", SAME_MATTER, person);
        for (String caseId : new String[] {otherMatter, otherPerson, otherCounty}) {
            given().auth().oauth2(token("clerk")).get("/api/petitions/" + caseId)
                    .then().body("repeatOfCaseId", nullValue());
        }
    }

    @Test
    void aRecentlyClosedCaseStillTakesRepeatsAnOldClosedOneDoesNot() {
        String phone = "137" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        String person = "{\"name\": \"钱二\", \"phone\": \"" + phone + "\"}";
        String first = register("411622", MATTER, person);
        lifecycle(UUID.fromString(first), CaseLifecycleV1.Step.REPLIED, Instant.now(), null);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                count("select count(*) from petition where id = ? and closed_at is not null", UUID.fromString(first)) == 1);
        String afterReply = register("411622", SAME_MATTER, person);
        given().auth().oauth2(token("clerk")).get("/api/petitions/" + afterReply)
                .then().body("repeatOfCaseId", is(first));

        // the same case, closed longer ago than petition.repeat.recently-closed-days (180)
        count("with u as (update petition set closed_at = now() - interval '181 days' where id = ? returning 1) "
                + "select count(*) from u", UUID.fromString(first));
        String muchLater = register("411622", SAME_MATTER, person);
        given().auth().oauth2(token("clerk")).get("/api/petitions/" + muchLater)
                .then().body("repeatOfCaseId", nullValue());
    }

    @Test
    void fivePetitionersMakeACollectivePetition() throws Exception {
        StringBuilder five = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            five.append(i == 0 ? "" : ",").append("{\"name\": \"村民").append(i).append("\"}");
        }
        String collective = register("411622", OTHER_MATTER, five.toString());
        given().auth().oauth2(token("clerk")).get("/api/petitions/" + collective)
                .then().body("collective", is(true)).body("petitionerCount", is(5));
        assertTrue(event(collective).get("collective").asBoolean());
        String four = register("411622", OTHER_MATTER, five.substring(0, five.lastIndexOf(",{")));
        given().auth().oauth2(token("clerk")).get("/api/petitions/" + four).then().body("collective", is(false));
    }

    private static String register(String locality, String content, String petitioners) {
        return given().auth().oauth2(token("clerk")).contentType("application/json")
                .body("""
                        {"channel": "LETTER", "kind": "SOLUTION_REQUEST", "subjectCategory": "RURAL_LAND",
                         "localityCode": "%s", "title": "耕地补偿", "content": "%s", "petitioners": [%s]}
                        """.formatted(locality, content, petitioners))
                .when().post("/api/petitions").then().statusCode(201).extract().path("caseId");
    }

    private static JsonNode event(String caseId) throws Exception {
        var records = new TopicProbe(infra().kafka().bootstrapServers())
                .awaitRecords(Topics.PETITION_SUBMITTED_V1, caseId, 1, Duration.ofSeconds(30));
        return new ObjectMapper().readTree(records.get(0).value());
    }

    /** A valid, random resident identity card number of 达川区 (check digit computed per GB 11643). */
    private static String residentId() {
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        String body = "51170319" + (60 + ThreadLocalRandom.current().nextInt(40)) + "0101"
                + String.format("%03d", ThreadLocalRandom.current().nextInt(1000));
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * weights[i];
        }
        return body + "10X98765432".charAt(sum % 11);
    }
}
