package org.openpetition.intake.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.openpetition.intake.IntakeTestSupport.*;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.openpetition.devinfra.InfraTestResource;

/** Identity numbers: validated, stored only encrypted and hashed, shown masked, never logged. */
@QuarkusTest
@WithTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "service", value = "intake"))
class PetitionerIdentityTest {

    private static final String ID_NUMBER = "511703199001011238";

    static String body(String channel, String petitioners) {
        return """
                {"channel": "%s", "kind": "SOLUTION_REQUEST", "subjectCategory": "WAGE_ARREARS", "localityCode": "511703001",
                 "title": "拖欠工资", "content": "某建筑公司拖欠我们农民工工资三个月，请求协调解决。",
                 "petitioners": [%s]}
                """.formatted(channel, petitioners);
    }

    @Test
    void identityNumberIsStoredEncryptedAndHashedAndShownMasked() throws Exception {
        String person = """
                {"name": "王五", "idNumber": "%s", "phone": "13800138000"}""".formatted(ID_NUMBER);
        String caseId = given().auth().oauth2(token("clerk")).contentType("application/json")
                .body(body("LETTER", person)).when().post("/api/petitions")
                .then().statusCode(201).extract().path("caseId");
        String again = given().auth().oauth2(token("clerk")).contentType("application/json")
                .body(body("PHONE", person)).when().post("/api/petitions")
                .then().statusCode(201).extract().path("caseId");

        given().auth().oauth2(token("supervisor")).when().get("/api/petitions/" + caseId)
                .then().statusCode(200)
                .body("personalDataMasked", is(true))
                .body("petitioners[0].type", is("PERSON"))
                .body("petitioners[0].name", is("王五"))
                .body("petitioners[0].idNumber", is("5117**********1238"))
                .body("petitioners[0].phone", is("138****8000"))
                .body(not(containsString(ID_NUMBER)));

        assertEquals(0, count("select count(*) from petitioner where id_number_encrypted like ? or id_number_hash like ?"
                + " or id_number_masked like ?", "%" + ID_NUMBER + "%", "%" + ID_NUMBER + "%", "%" + ID_NUMBER + "%"),
                "the identity number is nowhere in clear");
        assertEquals(2, count("select count(distinct p.petition_id) from petitioner p where p.id_number_hash = "
                + "(select id_number_hash from petitioner where petition_id = ?)", UUID.fromString(caseId)),
                "the same number gives the same keyed hash, so the petitioner can be found again");
        assertNotEquals(0, count("select count(*) from petitioner where petition_id = ? and id_number_encrypted is not null",
                UUID.fromString(again)));

        Path log = Path.of("target/intake-test.log");
        assertFalse(Files.readString(log).contains(ID_NUMBER), "identity number in the log");
        assertFalse(Files.readString(log).contains("13800138000"), "phone number in the log");
    }

    @Test
    void invalidIdentityNumbersAreNamedInChineseAndEnglish() {
        given().auth().oauth2(token("clerk")).contentType("application/json")
                .body(body("LETTER", """
                        {"name": "王五", "idNumber": "511703199001011237"},
                        {"type": "LEGAL_PERSON", "name": "某某建筑有限公司", "idNumber": "91350100M000100Y44"}"""))
                .when().post("/api/petitions")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("petitioners[0].idNumber", "petitioners[1].idNumber"))
                .body("errors.find { it.field == 'petitioners[0].idNumber' }.reason",
                        allOf(containsString("身份证号码无效"), containsString("GB 11643"), containsString("not a valid")))
                .body("errors.find { it.field == 'petitioners[1].idNumber' }.reason", containsString("GB 32100"))
                .body(not(containsString("511703199001011237")));
    }

    @Test
    void organisationWithAValidCreditCodeIsRegistered() {
        given().auth().oauth2(token("clerk")).contentType("application/json")
                .body(body("LETTER", """
                        {"type": "LEGAL_PERSON", "name": "某某建筑有限公司", "idNumber": "91350100M000100Y43"}"""))
                .when().post("/api/petitions")
                .then().statusCode(201);
    }

    @Test
    void aVisitHasAtMostFiveRepresentatives() {
        StringBuilder six = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            six.append(i == 0 ? "" : ",").append("{\"name\": \"代表").append(i).append("\", \"representative\": true}");
        }
        given().auth().oauth2(token("clerk")).contentType("application/json").body(body("VISIT", six.toString()))
                .when().post("/api/petitions")
                .then().statusCode(400).body("errors.field", contains("petitioners"))
                .body("errors[0].reason", containsString("5"));
        given().auth().oauth2(token("clerk")).contentType("application/json")
                .body(body("VISIT", six.toString().replaceFirst("true", "false")))
                .when().post("/api/petitions")
                .then().statusCode(201);
    }

    @Test
    void idempotencyKeyMakesRetriesSafe() {
        String key = "retry-" + UUID.randomUUID();
        String petition = body("LETTER", "{\"name\": \"赵六\"}");
        long before = count("select count(*) from petition");
        String first = given().auth().oauth2(token("clerk")).header("Idempotency-Key", key)
                .contentType("application/json").body(petition).when().post("/api/petitions")
                .then().statusCode(201).header("Idempotent-Replayed", nullValue()).extract().path("caseId");
        given().auth().oauth2(token("clerk")).header("Idempotency-Key", key)
                .contentType("application/json").body(petition).when().post("/api/petitions")
                .then().statusCode(201).header("Idempotent-Replayed", is("true")).body("caseId", is(first));
        assertEquals(before + 1, count("select count(*) from petition"), "registered once");

        given().auth().oauth2(token("clerk")).header("Idempotency-Key", key)
                .contentType("application/json").body(body("LETTER", "{\"name\": \"钱七\"}"))
                .when().post("/api/petitions")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", is("https://openpetition.org/problems/idempotency-key-reused"));

        // the key belongs to the user: another user's same key is another request
        given().auth().oauth2(token("citizen")).header("Idempotency-Key", key)
                .contentType("application/json").body(body("ONLINE", "{\"name\": \"赵六\"}"))
                .when().post("/api/petitions")
                .then().statusCode(201).body("caseId", not(first));

        given().auth().oauth2(token("clerk")).header("Idempotency-Key", "has spaces")
                .contentType("application/json").body(petition).when().post("/api/petitions")
                .then().statusCode(400).body("errors.field", contains("idempotencyKey"));
    }

    @Test
    void theSameKeySentManyTimesAtOnceRegistersThePetitionOnce() throws Exception {
        String key = "race-" + UUID.randomUUID();
        String petition = body("LETTER", "{\"name\": \"孙九\"}");
        String token = token("clerk");
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(clients.submit(() -> given().auth().oauth2(token).header("Idempotency-Key", key)
                        .contentType("application/json").body(petition).when().post("/api/petitions")
                        .then().statusCode(201).extract().<String>path("caseId")));
            }
            Set<String> caseIds = new HashSet<>();
            for (Future<String> answer : answers) {
                caseIds.add(answer.get(60, TimeUnit.SECONDS));
            }
            assertEquals(1, caseIds.size(), "every request answers with the one registration: " + caseIds);
            String caseId = caseIds.iterator().next();
            assertEquals(1, count("select count(*) from idempotency_key where key = ?", key));
            assertEquals(1, count("select count(*) from petition p join idempotency_key k on k.case_id = p.id where k.key = ?", key));
            assertEquals(2, count("select count(*) from outbox_event where record_key = ?", caseId),
                    "its two events, once; the losers stored nothing");
            assertEquals(1, count("select count(*) from petition_status where petition_id = ?::uuid", caseId));
        } finally {
            clients.shutdownNow();
        }
    }
}
