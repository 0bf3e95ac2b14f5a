package org.openpetition.intake.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.*;
import static org.openpetition.intake.IntakeTestSupport.*;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openpetition.contracts.rules.BeijingTime;
import org.openpetition.devinfra.InfraTestResource;

/**
 * GET /api/petitions: the caller's petitions in pages, scoped in the database as the read by id scopes
 * one petition. Each test marks its petitions with a title of its own and lists with {@code q}, so
 * petitions of other tests in the shared database do not count.
 */
@QuarkusTest
@WithTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "service", value = "intake"))
class PetitionListTest {

    @Test
    void aCitizenListsItsOwnSubmissionsOnlyWithoutPersonalData() {
        String marker = marker();
        String other = newUser("citizen", Map.of());
        String mine = submit(token("citizen"), "ONLINE", marker, "511703", null);
        String theirs = submit(token(other), "ONLINE", marker, "511703", null);
        String registeredByClerk = submit(token("clerk"), "LETTER", marker, "511703", null);

        JsonPath page = list(token("citizen"), Map.of("q", marker));
        assertEquals(List.of(mine), page.getList("items.caseId"), page.prettify());
        assertEquals(1, page.getInt("total"));
        page = list(token(other), Map.of("q", marker));
        assertEquals(List.of(theirs), page.getList("items.caseId"), page.prettify());

        // the clerk's own registration, not the citizens' online submissions
        page = list(token("clerk"), Map.of("q", marker));
        assertTrue(page.getList("items.caseId").contains(registeredByClerk), page.prettify());
        assertTrue(page.getList("items.caseId").contains(mine), "petition locality 511703 lies in the clerk's area: " + page.prettify());

        String body = given().auth().oauth2(token("citizen")).queryParam("q", marker).when().get("/api/petitions")
                .then().statusCode(200)
                .body("items[0].trackingCode", matchesPattern("XF\\d{8}-[2-9A-HJKMNP-Z]{8}"))
                .body("items[0].channel", is("ONLINE"))
                .body("items[0].kind", is("SOLUTION_REQUEST"))
                .body("items[0].subjectCategory", is("URBAN_HOUSING"))
                .body("items[0].localityCode", is("511703"))
                .body("items[0].title", is(marker))
                .body("items[0].status", is("REGISTERED"))
                .body("items[0].statusZh", not(emptyOrNullString()))
                .body("items[0].statusEn", not(emptyOrNullString()))
                .body("items[0].receivedAt", notNullValue())
                .body("items[0].collective", is(false))
                .body("items[0]", not(hasKey("petitioners")))
                .body("items[0]", not(hasKey("repeatOfCaseId")))
                .extract().asString();
        assertFalse(body.contains("王五") || body.contains("13700137000"), "no petitioner's data in a list: " + body);
    }

    @Test
    void aClerkListsTheRegistrationsOfItsAreaAndNotAnotherAreas() {
        String marker = marker();
        String clerk4116 = newUser("clerk", Map.of("locality", "4116"));
        String here = submit(token("clerk"), "LETTER", marker, "511703", null);
        String there = submit(token(clerk4116), "VISIT", marker, "411602", null);
        String hereOnline = submit(token("citizen"), "ONLINE", marker, "511703", null);

        JsonPath page = list(token("clerk"), Map.of("q", marker));
        assertEquals(List.of(hereOnline, here), page.getList("items.caseId"), "newest first: " + page.prettify());
        page = list(token(clerk4116), Map.of("q", marker));
        assertEquals(List.of(there), page.getList("items.caseId"), page.prettify());
        assertEquals("VISIT", page.getString("items[0].channel"));

        page = list(token("clerk"), Map.of("q", marker, "channel", "LETTER"));
        assertEquals(List.of(here), page.getList("items.caseId"), page.prettify());
    }

    @Test
    void aRoleWithoutItsClaimListsNothingAndDefaultRolesAreRefused() {
        submit(token("clerk"), "LETTER", marker(), "511703", null);
        for (String role : new String[] {"clerk", "dispatcher", "handler", "supervisor", "auditor", "admin", "leader"}) {
            JsonPath page = list(token(newUser(role, Map.of())), Map.of());
            assertEquals(0, page.getInt("total"), role + " without a claim: " + page.prettify());
            assertEquals(List.of(), page.getList("items"));
        }
        String defaultRolesOnly = newUser(null, Map.of("locality", "511703"));
        given().auth().oauth2(token(defaultRolesOnly)).when().get("/api/petitions").then().statusCode(403);
        given().when().get("/api/petitions").then().statusCode(401);
    }

    @Test
    void pagesCarryTheTotalAndTheOrderAsked() {
        String marker = marker();
        String citizen = newUser("citizen", Map.of());
        String first = submit(token(citizen), "ONLINE", marker, "511703", null);
        String second = submit(token(citizen), "ONLINE", marker, "511703", null);
        String third = submit(token(citizen), "ONLINE", marker, "511703", null);

        JsonPath page = list(token(citizen), Map.of("q", marker, "size", "2"));
        assertEquals(3, page.getLong("total"), page.prettify());
        assertEquals(0, page.getInt("page"));
        assertEquals(2, page.getInt("size"));
        assertEquals(List.of(third, second), page.getList("items.caseId"));
        page = list(token(citizen), Map.of("q", marker, "size", "2", "page", "1"));
        assertEquals(List.of(first), page.getList("items.caseId"), page.prettify());
        assertEquals(3, page.getLong("total"));
        page = list(token(citizen), Map.of("q", marker, "size", "2", "page", "5"));
        assertEquals(List.of(), page.getList("items"));
        assertEquals(3, page.getLong("total"));
        page = list(token(citizen), Map.of("q", marker, "sort", "received"));
        assertEquals(List.of(first, second, third), page.getList("items.caseId"));
        page = list(token(citizen), Map.of("q", marker.toLowerCase()));
        assertEquals(3, page.getLong("total"), "q ignores case");
        page = list(token(citizen), Map.of("q", marker + "%"));
        assertEquals(0, page.getLong("total"), "% is a character, not a wildcard");
    }

    @Test
    void filtersByStatusAndReceptionDay() {
        String marker = marker();
        String citizen = newUser("citizen", Map.of());
        String registered = submit(token(citizen), "ONLINE", marker, "511703", null);
        String assigned = submit(token(citizen), "ONLINE", marker, "511703", null);
        String accepted = submit(token(citizen), "ONLINE", marker, "511703", null);
        execute("update petition set status = 'ASSIGNED', assigned_department_name = '达州市达川区住房和城乡建设局' where id = ?::uuid", assigned);
        execute("update petition set status = 'ACCEPTED' where id = ?::uuid", accepted);

        JsonPath page = list(token(citizen), Map.of("q", marker, "status", "ASSIGNED"));
        assertEquals(List.of(assigned), page.getList("items.caseId"), page.prettify());
        assertEquals("ASSIGNED", page.getString("items[0].status"));
        assertEquals("达州市达川区住房和城乡建设局", page.getString("items[0].assignedDepartmentName"));
        page = list(token(citizen), Map.of("q", marker, "status", "REGISTERED,ASSIGNED"));
        assertEquals(List.of(assigned, registered), page.getList("items.caseId"), page.prettify());
        assertEquals(2, page.getLong("total"));
        page = list(token(citizen), Map.of("q", marker, "channel", "LETTER"));
        assertEquals(0, page.getLong("total"));

        LocalDate today = LocalDate.now(BeijingTime.ZONE);
        page = list(token(citizen), Map.of("q", marker, "from", today.toString(), "to", today.toString()));
        assertEquals(3, page.getLong("total"), page.prettify());
        page = list(token(citizen), Map.of("q", marker, "to", today.minusDays(1).toString()));
        assertEquals(0, page.getLong("total"), page.prettify());
        page = list(token(citizen), Map.of("q", marker, "from", today.plusDays(1).toString()));
        assertEquals(0, page.getLong("total"), page.prettify());
    }

    @Test
    void invalidParametersAreNamed() {
        Map<String, String> bad = Map.of("status", "OPEN", "channel", "EMAIL", "from", "2026-13-01", "to", "yesterday",
                "size", "0", "page", "-1", "sort", "title");
        bad.forEach((parameter, value) -> given().auth().oauth2(token("citizen")).queryParam(parameter, value)
                .when().get("/api/petitions").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains(parameter)));
        given().auth().oauth2(token("citizen")).queryParam("status", "REGISTERED,assigned")
                .when().get("/api/petitions").then().statusCode(400).body("errors.field", contains("status"));
        given().auth().oauth2(token("citizen")).queryParam("from", "2026-12-31").queryParam("to", "2026-01-01")
                .when().get("/api/petitions").then().statusCode(400).body("errors.field", contains("to"));
        given().auth().oauth2(token("citizen")).queryParam("size", "101")
                .when().get("/api/petitions").then().statusCode(400).body("errors.field", contains("size"));
    }

    @Test
    void anAccusationIsNotListedForTheAccusedUnit() {
        String marker = marker();
        String accused = """
                {"unitCode": "511703-ZJJ", "unitName": "区住建局", "officialName": "李某", "officialPosition": "科长"}""";
        String accusation = submit(token("clerk"), "LETTER", marker, "511703", accused);
        String ordinary = submit(token("clerk"), "LETTER", marker, "511703", null);
        execute("update petition set assigned_department_code = '511703-ZJJ', status = 'ASSIGNED' where id in (?::uuid, ?::uuid)",
                accusation, ordinary);

        JsonPath page = list(token("handler"), Map.of("q", marker));
        assertEquals(List.of(ordinary), page.getList("items.caseId"), page.prettify());
        page = list(token("dispatcher"), Map.of("q", marker));
        assertEquals(List.of(ordinary, accusation), page.getList("items.caseId"), page.prettify());
        String body = given().auth().oauth2(token("dispatcher")).queryParam("q", marker).when().get("/api/petitions")
                .then().statusCode(200).extract().asString();
        assertFalse(body.contains("李某") || body.contains("区住建局"), "no accused party in a list: " + body);

        // a supervisor whose department is the accused unit: the area grants it, the accusation rule takes it away
        String supervisor = newUser("supervisor", Map.of("locality", "511703", "department", "511703-ZJJ"));
        page = list(token(supervisor), Map.of("q", marker));
        assertEquals(List.of(ordinary), page.getList("items.caseId"), page.prettify());
    }

    @Test
    void everyListedPetitionIsOneTheReadByIdShows() {
        String marker = marker();
        submit(token("clerk"), "LETTER", marker, "511703", null);
        submit(token("citizen"), "ONLINE", marker, "511703", null);
        String clerk4116 = newUser("clerk", Map.of("locality", "4116"));
        submit(token(clerk4116), "LETTER", marker, "411602", null);
        for (String user : new String[] {"citizen", "clerk", clerk4116, "dispatcher", "handler", "supervisor", "auditor",
                "admin", "leader"}) {
            String token = token(user);
            JsonPath page = list(token, Map.of("size", "40"));
            for (Object caseId : page.getList("items.caseId")) {
                given().auth().oauth2(token).when().get("/api/petitions/" + caseId).then()
                        .statusCode(200);
            }
        }
    }

    @Test
    void thePetitionerReadsItsOwnTimelineAndNobodyOutsideItsScopeDoes() {
        String marker = marker();
        String other = newUser("citizen", Map.of());
        String mine = submit(token("citizen"), "ONLINE", marker, "511703", null);

        String body = given().auth().oauth2(token("citizen")).when().get("/api/petitions/" + mine + "/timeline")
                .then().statusCode(200)
                .body("status", is("REGISTERED"))
                .body("statusZh", not(emptyOrNullString()))
                .body("timeline[0].status", is("REGISTERED"))
                .body("$", not(hasKey("querySecret")))
                .extract().asString();
        assertFalse(body.contains("王五") || body.contains("13700137000"), "no personal data on the timeline: " + body);
        given().auth().oauth2(token(other)).when().get("/api/petitions/" + mine + "/timeline").then().statusCode(404);
        given().auth().oauth2(token("clerk")).when().get("/api/petitions/" + mine + "/timeline").then().statusCode(200);
        given().when().get("/api/petitions/" + mine + "/timeline").then().statusCode(401);
    }

    private static JsonPath list(String token, Map<String, String> params) {
        return given().auth().oauth2(token).queryParams(params).when().get("/api/petitions")
                .then().statusCode(200).contentType("application/json").extract().jsonPath();
    }

    private static String submit(String token, String channel, String title, String locality, String accused) {
        String body = """
                {"channel": "%s", "kind": "%s", "subjectCategory": "URBAN_HOUSING", "localityCode": "%s",
                 "title": "%s", "content": "%s", "accused": %s,
                 "petitioners": [{"name": "王五", "phone": "13700137000", "address": "翠屏街道3号"}]}
                """.formatted(channel, accused == null ? "SOLUTION_REQUEST" : "ACCUSATION", locality, title,
                "列表测试内容 " + UUID.randomUUID(), accused);
        return given().auth().oauth2(token).contentType("application/json").body(body)
                .when().post("/api/petitions").then().statusCode(201).extract().path("caseId");
    }

    /** A title no other test uses, with letters in upper case (q ignores case). */
    private static String marker() {
        return "LIST-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase() + " 列表";
    }

    private static String newUser(String role, Map<String, String> claims) {
        String name = (role == null ? "default" : role) + "-" + UUID.randomUUID().toString().substring(0, 8);
        infra().keycloak().createUser(name, role, claims);
        return name;
    }
}
