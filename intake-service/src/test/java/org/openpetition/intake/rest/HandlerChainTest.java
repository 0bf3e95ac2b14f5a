package org.openpetition.intake.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.*;
import static org.openpetition.intake.IntakeTestSupport.*;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.openpetition.contracts.Topics;
import org.openpetition.devinfra.InfraTestResource;

/**
 * Personal data in full only for the handler chain; the accused unit never sees an accusation. The
 * handler user of the realm belongs to department 511703-ZJJ (达川区住房和城乡建设局).
 */
@QuarkusTest
@WithTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "service", value = "intake"))
class HandlerChainTest {

    @Test
    void theAssignedDepartmentSeesPersonalDataInFullOthersMaskedOrNothing() {
        String id = validIdNumber();
        String caseId = register(petition("SOLUTION_REQUEST", id, null));

        given().auth().oauth2(token("handler")).when().get("/api/petitions/" + caseId).then().statusCode(404);

        assigned(UUID.fromString(caseId), "511703-ZJJ", "达州市达川区住房和城乡建设局");
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(token("handler")).when().get("/api/petitions/" + caseId).then().statusCode(200)
                        .body("personalDataMasked", is(false))
                        .body("assignedDepartmentCode", is("511703-ZJJ"))
                        .body("petitioners[0].idNumber", is(id))
                        .body("petitioners[0].phone", is("13900139000"))
                        .body("petitioners[0].address", is("达川区翠屏街道2号")));
        given().auth().oauth2(token("dispatcher")).when().get("/api/petitions/" + caseId).then().statusCode(200)
                .body("personalDataMasked", is(false)).body("petitioners[0].idNumber", is(id));
        // the demo leader owns no case here: a leader sees the cases it owns (包案) only
        given().auth().oauth2(token("leader")).when().get("/api/petitions/" + caseId).then().statusCode(404);
        for (String role : new String[] {"supervisor", "auditor"}) {
            given().auth().oauth2(token(role)).when().get("/api/petitions/" + caseId).then().statusCode(200)
                    .body("personalDataMasked", is(true))
                    .body("petitioners[0].idNumber", is(id.substring(0, 4) + "**********" + id.substring(14)))
                    .body("petitioners[0].phone", is("139****9000"))
                    .body("petitioners[0].address", nullValue())
                    .body(not(containsString(id)));
        }
    }

    @Test
    void aHandlerOfAnotherDepartmentSeesNothing() {
        String caseId = register(petition("SOLUTION_REQUEST", validIdNumber(), null));
        assigned(UUID.fromString(caseId), "511703-RSJ", "达州市达川区人力资源和社会保障局");
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(token("dispatcher")).when().get("/api/petitions/" + caseId).then()
                        .body("assignedDepartmentCode", is("511703-RSJ")));
        given().auth().oauth2(token("handler")).when().get("/api/petitions/" + caseId).then().statusCode(404);
    }

    @Test
    void anAccusationNeverReachesTheAccusedUnitAndTravelsWithItsAccusedParty() throws Exception {
        String accused = """
                {"unitCode": "511703-ZJJ", "unitName": "区住建局", "officialName": "李某", "officialPosition": "科长"}""";
        String caseId = register(petition("ACCUSATION", validIdNumber(), accused));

        var records = published(Topics.PETITION_SUBMITTED_V1, caseId, 1);
        assertTrue(records.get(0).value().contains("\"accused\":{\"unitCode\":\"511703-ZJJ\""), records.get(0).value());

        // even if it were (wrongly) assigned to the accused unit, its handlers would not see it
        assigned(UUID.fromString(caseId), "511703-ZJJ", "达州市达川区住房和城乡建设局");
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(token("clerk")).when().get("/api/petitions/" + caseId).then()
                        .body("assignedDepartmentCode", is("511703-ZJJ"))
                        .body("accused.officialName", is("李某")));
        // the petition office's dispatcher sees an accusation without the accuser's identity or the accused
        given().auth().oauth2(token("dispatcher")).when().get("/api/petitions/" + caseId).then().statusCode(200)
                .body("personalDataMasked", is(true)).body("accused", nullValue());
        given().auth().oauth2(token("handler")).when().get("/api/petitions/" + caseId).then().statusCode(404);
        given().auth().oauth2(token("supervisor")).when().get("/api/petitions/" + caseId).then().statusCode(200)
                .body("accused", nullValue());
    }

    @Test
    void showingPersonalDataIsLoggedWithoutThePersonalData() throws Exception {
        String id = validIdNumber();
        String caseId = register(petition("SOLUTION_REQUEST", id, null));
        given().auth().oauth2(token("dispatcher")).when().get("/api/petitions/" + caseId).then().statusCode(200);
        String log = Files.readString(Path.of("target/intake-test.log"));
        assertTrue(log.contains("personal data of case " + caseId + " shown to dispatcher"), "access is logged");
        assertFalse(log.contains(id), "identity number in the log");
        assertFalse(log.contains("13900139000"), "phone number in the log");
    }

    @Test
    void everyReadOfPersonalDataInClearIsAuditedForTheAuditorsOfTheArea() {
        String caseId = register(petition("SOLUTION_REQUEST", validIdNumber(), null));
        assigned(UUID.fromString(caseId), "511703-ZJJ", "达州市达川区住房和城乡建设局");
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(token("handler")).when().get("/api/petitions/" + caseId).then().statusCode(200)
                        .body("personalDataMasked", is(false)));
        given().auth().oauth2(token("supervisor")).when().get("/api/petitions/" + caseId).then().statusCode(200)
                .body("personalDataMasked", is(true));

        var reads = given().auth().oauth2(token("auditor")).queryParam("caseId", caseId)
                .when().get("/api/audit/personal-data-reads").then().statusCode(200).extract().jsonPath();
        assertTrue(reads.getList("readBy").contains("handler"), reads.prettify());
        assertFalse(reads.getList("readBy").contains("supervisor"), "a masked view is not a read in clear: " + reads.prettify());
        assertTrue(reads.getList("roles").stream().allMatch(r -> r.toString().matches("[a-z0-9,-]+")), reads.prettify());
        assertFalse(reads.prettify().contains("13900139000"));

        String otherArea = "auditor-4116-" + UUID.randomUUID().toString().substring(0, 8);
        infra().keycloak().createUser(otherArea, "auditor", java.util.Map.of("locality", "4116"));
        given().auth().oauth2(infra().keycloak().accessToken(otherArea)).queryParam("caseId", caseId)
                .when().get("/api/audit/personal-data-reads").then().statusCode(200).body("size()", is(0));
        given().auth().oauth2(token("handler")).when().get("/api/audit/personal-data-reads").then().statusCode(403);
    }

    private static String register(String body) {
        return given().auth().oauth2(token("clerk")).contentType("application/json").body(body)
                .when().post("/api/petitions").then().statusCode(201).extract().path("caseId");
    }

    private static String petition(String kind, String idNumber, String accused) {
        return """
                {"channel": "LETTER", "kind": "%s", "subjectCategory": "URBAN_HOUSING", "localityCode": "511703",
                 "title": "反映情况", "content": "%s", "accused": %s,
                 "petitioners": [{"name": "赵六", "idNumber": "%s", "phone": "13900139000", "address": "达川区翠屏街道2号"}]}
                """.formatted(kind, "内容" + UUID.randomUUID(), accused, idNumber);
    }

    /** A valid resident identity number, different each time so that petitions are not repeats. */
    private static String validIdNumber() {
        String body = "511703" + "1980" + "0101" + String.format("%03d", (int) (Math.random() * 1000));
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * weights[i];
        }
        return body + "10X98765432".charAt(sum % 11);
    }
}
