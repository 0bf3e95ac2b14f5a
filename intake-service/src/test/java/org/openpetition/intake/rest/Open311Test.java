package org.openpetition.intake.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.*;
import static org.openpetition.intake.IntakeTestSupport.*;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openpetition.contracts.Topics;
import org.openpetition.devinfra.InfraTestResource;

/** Open311 GeoReport v2: a city app's service request becomes a petition, and the app reads its status back. */
@QuarkusTest
@WithTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "service", value = "intake"))
class Open311Test {

    @Test
    void aServiceRequestBecomesAPetitionAndItsStatusCanBeRead() {
        given().when().get("/open311/v2/services.json").then().statusCode(200)
                .body("find { it.service_code == 'PROPERTY_MANAGEMENT' }.service_name", is("物业管理"))
                .body("find { it.service_code == 'PROPERTY_MANAGEMENT' }.group", is("城乡建设"))
                .body("find { it.service_code == 'PROPERTY_MANAGEMENT' }.metadata", is(false))
                .body("find { it.service_code == 'PROPERTY_MANAGEMENT' }.type", is("realtime"));

        String description = "小区电梯长期故障无人维修，物业公司不予理睬，老人出行困难。" + UUID.randomUUID();
        var created = client().formParam("jurisdiction_id", "450326").formParam("service_code", "PROPERTY_MANAGEMENT")
                .formParam("description", description).formParam("lat", "24.98").formParam("long", "109.98")
                .formParam("first_name", "小红").formParam("last_name", "李").formParam("phone", "13712345678")
                .when().post("/open311/v2/requests.json").then().statusCode(201)
                .body("size()", is(1))
                .body("[0].service_request_id", matchesPattern("XF\\d{8}-[2-9A-HJKMNP-Z]{8}"))
                .body("[0].query_secret", matchesPattern("[2-9A-HJKMNP-Z]{8}"))
                .extract();
        String id = created.path("[0].service_request_id");
        String secret = created.path("[0].query_secret");

        var records = published(Topics.PETITION_SUBMITTED_V1, caseIdOf(id), 1);
        assertEquals(1, records.size());
        assertTrue(records.get(0).value().contains("\"channel\":\"OPEN311\""), records.get(0).value());
        assertTrue(records.get(0).value().contains("\"localityCode\":\"450326\""), records.get(0).value());
        assertFalse(records.get(0).value().contains("13712345678"), "no phone on the topic");

        client().when().get("/open311/v2/requests/" + id + ".json").then().statusCode(200)
                .body("[0].service_request_id", is(id))
                .body("[0].status", is("open"))
                .body("[0].service_code", is("PROPERTY_MANAGEMENT"))
                .body("[0].description", is(description))
                .body("[0].address", is("WGS84 24.98,109.98"))
                .body("[0].requested_datetime", notNullValue())
                .body("[0].status_notes", is("已登记"))
                .body(not(containsString("13712345678")));
        client().header("Accept-Language", "en").when().get("/open311/v2/requests/" + id + ".json").then().statusCode(200)
                .body("[0].status_notes", is("Registered"))
                .body("[0].service_name", is("Property management"));
        client().queryParam("service_request_id", id + ",XF20200101-NOSUCH00").when().get("/open311/v2/requests.json")
                .then().statusCode(200).body("service_request_id", contains(id));
        // the list is read as one CSV record: a quoted value keeps its comma (and matches no request)
        client().queryParam("service_request_id", "\"" + id + ",X\", " + id).when().get("/open311/v2/requests.json")
                .then().statusCode(200).body("service_request_id", contains(id));
        client().queryParam("status", "open").when().get("/open311/v2/requests.json")
                .then().statusCode(200).body("service_request_id", hasItem(id));

        // the petitioner follows it like any petition
        given().contentType("application/json").body("{\"trackingCode\": \"" + id + "\", \"querySecret\": \"" + secret + "\"}")
                .when().post("/api/tracking").then().statusCode(200).body("status", is("REGISTERED"));
        // the clerk's view names Open311 as the channel and Chinese names family name first
        String caseId = records.get(0).key();
        given().auth().oauth2(token("auditor")).when().get("/api/petitions/" + caseId).then()
                .body("channel", is("OPEN311")).body("petitioners[0].name", is("李小红"));
    }

    @Test
    void errorsAreGeoReportErrorsNamingTheField() {
        client().formParam("jurisdiction_id", "51").formParam("service_code", "POTHOLES").formParam("description", "太短")
                .when().post("/open311/v2/requests.json").then().statusCode(400)
                .body("code", everyItem(is(400)))
                .body("description", hasItems(startsWith("jurisdiction_id: "), startsWith("service_code: "),
                        startsWith("description: "), startsWith("first_name/last_name: ")));
        client().when().get("/open311/v2/requests/XF20200101-NOSUCH00.json").then().statusCode(404)
                .body("[0].code", is(404)).body("[0].description", startsWith("service_request_id"));
        client().queryParam("start_date", "yesterday").when().get("/open311/v2/requests.json").then().statusCode(400)
                .body("[0].description", startsWith("start_date/end_date"));
    }

    @Test
    void aRetriedRequestWithTheSameIdempotencyKeyRegistersOnce() {
        String key = UUID.randomUUID().toString();
        String description = "小区路灯损坏已有一月，夜间出行很不安全，请求维修。" + UUID.randomUUID();
        String first = request(key, description).statusCode(201).extract().path("[0].service_request_id");
        String secret = request(key, description).statusCode(201)
                .body("[0].service_request_id", is(first)).extract().path("[0].query_secret");
        assertNotNull(secret, "the replay gives the query secret again");
        request(key, description + "！").statusCode(422).contentType("application/problem+json");
        request("has spaces", description).statusCode(400).body("[0].description", startsWith("Idempotency-Key: "));
    }

    @Test
    void onlyOpen311ClientsMayUseIt() {
        given().formParam("jurisdiction_id", "450326").when().post("/open311/v2/requests.json").then().statusCode(401);
        given().auth().oauth2(token("citizen")).formParam("jurisdiction_id", "450326").when()
                .post("/open311/v2/requests.json").then().statusCode(403);
        given().auth().oauth2(token("clerk")).when().get("/open311/v2/requests.json").then().statusCode(403);
    }

    private static io.restassured.response.ValidatableResponse request(String idempotencyKey, String description) {
        return client().header("Idempotency-Key", idempotencyKey).formParam("jurisdiction_id", "450326")
                .formParam("service_code", "PROPERTY_MANAGEMENT").formParam("description", description)
                .formParam("first_name", "小红").formParam("last_name", "李").when().post("/open311/v2/requests.json").then();
    }

    private static RequestSpecification client() {
        return given().auth().oauth2(infra().keycloak().clientToken("open311-demo", "open311-demo-secret"))
                .contentType("application/x-www-form-urlencoded; charset=UTF-8");
    }
}
