package org.openpetition.intake.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.openpetition.intake.IntakeTestSupport.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.openpetition.contracts.CloudEvent;
import org.openpetition.contracts.Topics;
import org.openpetition.devinfra.InfraTestResource;
import org.openpetition.devinfra.TopicProbe;

@QuarkusTest
@WithTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "service", value = "intake"))
class PetitionResourceTest {

    @Test
    void clerkRegistersALetterAndItIsPublishedAsACloudEvent() throws Exception {
        String caseId = given().auth().oauth2(token("clerk"))
                .contentType("application/json").body(petitionJson("LETTER"))
                .when().post("/api/petitions")
                .then().statusCode(201)
                .header("Location", containsString("/api/petitions/"))
                .body("trackingCode", matchesPattern("XF\\d{8}-[2-9A-HJKMNP-Z]{8}"))
                .body("status", is("REGISTERED"))
                .extract().path("caseId");

        var records = published(Topics.PETITION_SUBMITTED_V1, caseId, 1);
        assertEquals(1, records.size(), "exactly one petition.submitted.v1 record for the case");
        ConsumerRecord<String, String> record = records.get(0);
        assertEquals("1.0", TopicProbe.header(record, CloudEvent.HEADER_SPEC_VERSION));
        assertEquals(CloudEvent.TYPE_PETITION_SUBMITTED_V1, TopicProbe.header(record, CloudEvent.HEADER_TYPE));
        assertEquals("/intake-service", TopicProbe.header(record, CloudEvent.HEADER_SOURCE));
        assertEquals(caseId, TopicProbe.header(record, CloudEvent.HEADER_SUBJECT));
        UUID.fromString(TopicProbe.header(record, CloudEvent.HEADER_ID));
        JsonNode data = new ObjectMapper().readTree(record.value());
        assertEquals("LETTER", data.get("channel").asText());
        assertEquals("511703", data.get("localityCode").asText());
        assertEquals(1, data.get("petitionerCount").asInt());
        assertEquals(false, record.value().contains("13800138000"), "no petitioner phone on the topic");
        assertEquals(false, record.value().contains("张三"), "no petitioner name on the topic");

        given().auth().oauth2(token("dispatcher"))
                .when().get("/api/petitions/" + caseId)
                .then().statusCode(200)
                .body("channel", is("LETTER"))
                .body("petitionerCount", is(1))
                .body("registeredBy", is("clerk"));
    }

    @Test
    void theBodyAddressedAndTheHouseholdsTravelForRouting() throws Exception {
        String visit = petitionJson("VISIT").replace("\"eventDate\"", "\"addressedToLocality\": \"510000\", \"households\": 4, \"eventDate\"");
        String caseId = given().auth().oauth2(token("clerk")).contentType("application/json").body(visit)
                .when().post("/api/petitions").then().statusCode(201).extract().path("caseId");
        var records = published(Topics.PETITION_SUBMITTED_V1, caseId, 1);
        JsonNode data = new ObjectMapper().readTree(records.get(0).value());
        assertEquals("510000", data.get("addressedToLocality").asText(), "a visit to the provincial office: routing judges 越级");
        assertEquals(4, data.get("households").asInt());

        given().auth().oauth2(token("clerk")).contentType("application/json")
                .body(petitionJson("VISIT").replace("\"eventDate\"", "\"addressedToLocality\": \"5100\" , \"households\": 0, \"eventDate\""))
                .when().post("/api/petitions").then().statusCode(400)
                .body("errors.field", contains("households"));
        given().auth().oauth2(token("clerk")).contentType("application/json")
                .body(petitionJson("VISIT").replace("\"eventDate\"", "\"addressedToLocality\": \"51000\", \"eventDate\""))
                .when().post("/api/petitions").then().statusCode(400)
                .body("errors.field", contains("addressedToLocality"));
    }

    @Test
    void citizenSubmitsOnlineAndSeesOnlyOwnPetitions() {
        String caseId = given().auth().oauth2(token("citizen"))
                .contentType("application/json").body(petitionJson(null))
                .when().post("/api/petitions")
                .then().statusCode(201)
                .extract().path("caseId");
        given().auth().oauth2(token("citizen")).when().get("/api/petitions/" + caseId)
                .then().statusCode(200).body("channel", is("ONLINE"));

        String clerksCase = given().auth().oauth2(token("clerk"))
                .contentType("application/json").body(petitionJson("VISIT"))
                .when().post("/api/petitions").then().statusCode(201).extract().path("caseId");
        given().auth().oauth2(token("citizen")).when().get("/api/petitions/" + clerksCase)
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void channelMustFitTheRole() {
        given().auth().oauth2(token("citizen"))
                .contentType("application/json").body(petitionJson("VISIT"))
                .when().post("/api/petitions")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("channel"));
        given().auth().oauth2(token("clerk"))
                .contentType("application/json").body(petitionJson(null))
                .when().post("/api/petitions")
                .then().statusCode(400)
                .body("errors.field", contains("channel"));
    }

    @Test
    void malformedPetitionNamesEveryBadFieldAndStoresNothing() {
        long petitionsBefore = count("select count(*) from petition");
        long eventsBefore = count("select count(*) from outbox_event");
        given().auth().oauth2(token("clerk"))
                .contentType("application/json")
                .body("""
                        {"channel": "LETTER", "kind": "SOLUTION_REQUEST", "subjectCategory": "housing!",
                         "localityCode": "5117", "title": "", "content": "太短",
                         "petitioners": [{"name": "张三", "phone": "12345"}]}
                        """)
                .when().post("/api/petitions")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", is("https://openpetition.org/problems/validation"))
                .body("status", is(400))
                .body("errors.field", containsInAnyOrder("subjectCategory", "localityCode", "title", "content",
                        "petitioners[0].phone"))
                .body("errors.find { it.field == 'localityCode' }.reason", containsString("administrative division code"));
        assertEquals(petitionsBefore, count("select count(*) from petition"));
        assertEquals(eventsBefore, count("select count(*) from outbox_event"));
    }

    @Test
    void unreadableBodyIsAProblemToo() {
        given().auth().oauth2(token("clerk"))
                .contentType("application/json").body("{\"kind\": \"COMPLAINT\"}")
                .when().post("/api/petitions")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", is("kind"))
                .body("errors[0].reason", containsString("SOLUTION_REQUEST"));
        given().auth().oauth2(token("clerk"))
                .contentType("application/json").body("{not json")
                .when().post("/api/petitions")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(token("clerk"))
                .contentType("application/json")
                .when().post("/api/petitions")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", is("(body)"));
    }

    @Test
    void tokenAndRoleAreRequired() {
        long before = count("select count(*) from petition");
        given().contentType("application/json").body(petitionJson("LETTER"))
                .when().post("/api/petitions").then().statusCode(401);
        given().auth().oauth2("not-a-token").contentType("application/json").body(petitionJson("LETTER"))
                .when().post("/api/petitions").then().statusCode(401);
        given().auth().oauth2(token("auditor")).contentType("application/json").body(petitionJson("LETTER"))
                .when().post("/api/petitions").then().statusCode(403);
        given().auth().oauth2(token("handler")).contentType("application/json").body(petitionJson("LETTER"))
                .when().post("/api/petitions").then().statusCode(403);
        assertEquals(before, count("select count(*) from petition"));
    }
}
