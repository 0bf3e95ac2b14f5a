package org.openpetition.supervision.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openpetition.contracts.CloudEvent;
import org.openpetition.contracts.Topics;
import org.openpetition.contracts.event.CaseAssignedV1;
import org.openpetition.contracts.event.PetitionSubmittedV1;
import org.openpetition.contracts.rules.BeijingTime;
import org.openpetition.devinfra.InfraTestResource;
import org.openpetition.devinfra.SharedInfrastructure;
import org.openpetition.devinfra.TopicProbe;

/**
 * GET /api/cases: the staff workbench's list, scoped in the database exactly as the read by id. The cases
 * of this test lie in a locality of their own (a random code under 83, no real province) and belong to
 * units of their own, so the cases of other tests sharing the database do not count. Unit A holds an
 * overdue, a warning and a normal case, a case reassigned to it from unit B, and an accusation against A
 * itself (as if routed wrongly: the scope must still keep it from A); unit B one case.
 */
@QuarkusTest
@WithTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "service", value = "supervision"))
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseListTest {

    private static final String RUN = Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 1_000_000), 36);
    private static final String LOCALITY = "83" + ThreadLocalRandom.current().nextInt(1000, 5000);
    private static final String OTHER_LOCALITY = "83" + ThreadLocalRandom.current().nextInt(5000, 10000);
    private static final String UNIT_A = LOCALITY + "-A" + RUN;
    private static final String UNIT_B = LOCALITY + "-B" + RUN;
    private static final String UNIT_C = LOCALITY + "-C" + RUN;
    private static final LocalDate TODAY = LocalDate.now(BeijingTime.ZONE);

    @Inject
    ObjectMapper json;

    private final TopicProbe probe = new TopicProbe(SharedInfrastructure.get().kafka().bootstrapServers());
    private final Map<String, String> tokens = new LinkedHashMap<>();
    private final Map<String, String> issued = new java.util.HashMap<>();

    private final UUID overdue = UUID.randomUUID();
    private final UUID warning = UUID.randomUUID();
    private final UUID normal = UUID.randomUUID();
    private final UUID reassigned = UUID.randomUUID();
    private final UUID accusation = UUID.randomUUID();
    private final UUID ofB = UUID.randomUUID();
    private final List<UUID> all = List.of(overdue, warning, normal, reassigned, accusation, ofB);

    private boolean ready;

    /** Once for the class (RestAssured knows the application's port only from the first test on). */
    @BeforeEach
    void casesAndUsers() throws Exception {
        if (ready) {
            return;
        }
        ready = true;
        user("handler-a", "handler", Map.of("department", UNIT_A, "locality", LOCALITY));
        user("handler-b", "handler", Map.of("department", UNIT_B, "locality", LOCALITY));
        user("handler-c", "handler", Map.of("department", UNIT_C, "locality", LOCALITY));
        user("supervisor-here", "supervisor", Map.of("locality", LOCALITY));
        user("supervisor-elsewhere", "supervisor", Map.of("locality", OTHER_LOCALITY));
        user("supervisor-noclaim", "supervisor", Map.of());
        user("auditor-province", "auditor", Map.of("locality", "83"));
        user("defaults-only", null, Map.of("locality", "CN", "department", UNIT_A));

        // received at distinct times: the accusation first, then in the order below
        submitAccusation(accusation, UNIT_A, hoursAgo(60));
        // recorded before its case opens (either order is handled; this test asks for the usual one)
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> recorded(accusation));
        assign(accusation, UNIT_A, TODAY.plusDays(10), hoursAgo(60));
        assign(normal, UNIT_A, TODAY.plusDays(30), hoursAgo(50));
        assign(overdue, UNIT_A, TODAY.minusDays(2), hoursAgo(40));
        assign(reassigned, UNIT_B, TODAY.plusDays(3), hoursAgo(30));
        assign(warning, UNIT_A, TODAY.plusDays(1), hoursAgo(20));
        assign(ofB, UNIT_B, TODAY.plusDays(5), hoursAgo(10));
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> list("supervisor-here", Map.of())
                .statusCode(200).body("total", is(6)).body("items.find { it.caseId == '" + accusation + "' }.kind", is("ACCUSATION")));
        assign(reassigned, UNIT_A, TODAY.plusDays(20), hoursAgo(30));
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(token("supervisor-here"))
                .get("/api/cases/" + reassigned).then().statusCode(200).body("departmentCode", is(UNIT_A)));
    }

    @Test
    void aHandlerListsItsUnitsCasesNowAndBeforeButNotAnotherUnitsNorTheAccusationAgainstIt() {
        // this test's locality: the unit's cases of the other tests of this class lie elsewhere
        Map<String, String> here = Map.of("locality", LOCALITY);
        assertEquals(Set.of(overdue, warning, normal, reassigned), ids(list("handler-a", here).statusCode(200)));
        assertEquals(Set.of(ofB, reassigned), ids(list("handler-b", here).statusCode(200)), "B handled the reassigned case before");
        list("handler-c", Map.of()).statusCode(200).body("total", is(0)).body("items", empty());
        // asking for another unit's cases narrows the scope, never widens it
        list("handler-c", Map.of("department", UNIT_A)).statusCode(200).body("total", is(0));
        list("handler-a", Map.of("department", UNIT_B)).statusCode(200).body("total", is(0));
        given().auth().oauth2(token("handler-a")).get("/api/cases/" + accusation).then().statusCode(404);
    }

    @Test
    void supervisorsListTheirAreaOnlyAndAClaimIsNeeded() {
        ValidatableResponse here = list("supervisor-here", Map.of()).statusCode(200).body("total", is(6));
        assertEquals(Set.copyOf(all), ids(here));
        here.body("items.find { it.caseId == '" + accusation + "' }.accusation", is(true))
                .body("items.find { it.caseId == '" + ofB + "' }.accusation", is(false))
                .body("items.find { it.caseId == '" + ofB + "' }.departmentName", is("单位 " + UNIT_B))
                .body("items.find { it.caseId == '" + ofB + "' }.subjectCategory", is("URBAN_HOUSING"))
                .body("items.find { it.caseId == '" + ofB + "' }.localityCode", is(LOCALITY))
                .body("items.find { it.caseId == '" + ofB + "' }.trackingCode", is("XF-" + ofB.toString().substring(0, 8)))
                .body("items.find { it.caseId == '" + ofB + "' }.status", is("ASSIGNED"))
                .body("items.find { it.caseId == '" + ofB + "' }.dueKind", is("ACCEPTANCE"))
                .body("items.find { it.caseId == '" + ofB + "' }.due", is(TODAY.plusDays(5).toString()))
                .body("items.find { it.caseId == '" + ofB + "' }.receivedAt", notNullValue())
                .body("items.find { it.caseId == '" + ofB + "' }.assignedAt", notNullValue());
        list("supervisor-elsewhere", Map.of()).statusCode(200).body("total", is(0));
        list("supervisor-elsewhere", Map.of("locality", LOCALITY)).statusCode(200).body("total", is(0));
        list("supervisor-noclaim", Map.of()).statusCode(200).body("total", is(0));
        list("auditor-province", Map.of("locality", LOCALITY)).statusCode(200).body("total", is(6));
        list("auditor-province", Map.of("locality", OTHER_LOCALITY)).statusCode(200).body("total", is(0));
    }

    @Test
    void defaultRolesOnlyAndCitizensAreForbidden() {
        list("defaults-only", Map.of()).statusCode(403);
        given().auth().oauth2(SharedInfrastructure.get().keycloak().accessToken("citizen")).get("/api/cases").then().statusCode(403);
        given().get("/api/cases").then().statusCode(401);
    }

    @Test
    void urgencySortsOverdueThenWarningThenNearestDueAndPagesCountTheWhole() {
        Map<String, Object> unitA = Map.of("department", UNIT_A, "size", 2);
        list("supervisor-here", unitA).statusCode(200).body("total", is(5)).body("page", is(0)).body("size", is(2))
                .body("items.caseId", contains(overdue.toString(), warning.toString()))
                .body("items.dueState", contains("OVERDUE", "WARNING"));
        list("supervisor-here", Map.of("department", UNIT_A, "size", 2, "page", 1, "sort", "urgency")).statusCode(200)
                .body("total", is(5)).body("page", is(1))
                .body("items.caseId", contains(accusation.toString(), reassigned.toString()))
                .body("items.dueState", contains("NORMAL", "NORMAL"));
        list("supervisor-here", Map.of("department", UNIT_A, "size", 2, "page", 2)).statusCode(200)
                .body("items.caseId", contains(normal.toString()));
        list("supervisor-here", Map.of("department", UNIT_A, "size", 2, "page", 3)).statusCode(200)
                .body("total", is(5)).body("items", empty());

        list("supervisor-here", Map.of("sort", "received")).statusCode(200).body("items.caseId", contains(accusation.toString(),
                normal.toString(), overdue.toString(), reassigned.toString(), warning.toString(), ofB.toString()));
        list("supervisor-here", Map.of("sort", "-received", "size", 1)).statusCode(200).body("total", is(6))
                .body("items.caseId", contains(ofB.toString()));
    }

    @Test
    void filtersNarrowByStatusDueStateAndLocality() {
        assertEquals(Set.of(overdue, warning), ids(list("supervisor-here", Map.of("due", "WARNING,OVERDUE")).statusCode(200)));
        assertEquals(Set.of(overdue), ids(list("supervisor-here", Map.of("due", "OVERDUE")).statusCode(200)));
        list("supervisor-here", Map.of("status", "ASSIGNED,ACCEPTED")).statusCode(200).body("total", is(6));
        list("supervisor-here", Map.of("status", "FINAL")).statusCode(200).body("total", is(0));
        list("supervisor-here", Map.of("locality", LOCALITY + "001")).statusCode(200).body("total", is(0));
    }

    @Test
    void unknownFilterValuesAreRefusedNamingTheParameter() {
        list("supervisor-here", Map.of("status", "ASSIGNED,OPEN")).statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("status"));
        list("supervisor-here", Map.of("due", "LATE")).statusCode(400).body("errors.field", contains("due"));
        list("supervisor-here", Map.of("sort", "name")).statusCode(400).body("errors.field", contains("sort"));
        list("supervisor-here", Map.of("locality", "83x")).statusCode(400).body("errors.field", contains("locality"));
        list("supervisor-here", Map.of("size", 0)).statusCode(400).body("errors.field", contains("size"));
        list("supervisor-here", Map.of("page", -1)).statusCode(400).body("errors.field", contains("page"));
    }

    @Test
    void anAccusationRecordedAfterItsCaseOpenedIsMarkedOnTheCase() throws Exception {
        String elsewhere = "83" + ThreadLocalRandom.current().nextInt(1000, 10000) + "001";
        UUID late = UUID.randomUUID();
        CaseAssignedV1 event = new CaseAssignedV1(late, "XF-LATE", UNIT_A, "单位 A", null, elsewhere, "DISCIPLINE", "test",
                hoursAgo(1), Instant.now(), false, null, null, null, null, null);
        probe.sendCloudEvent(Topics.CASE_ASSIGNED_V1, late.toString(), UUID.randomUUID().toString(),
                CloudEvent.TYPE_CASE_ASSIGNED_V1, json.writeValueAsString(event));
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> list("handler-a", Map.of("locality", elsewhere))
                .statusCode(200).body("items.caseId", contains(late.toString())).body("items[0].kind", nullValue()));
        PetitionSubmittedV1 p = new PetitionSubmittedV1(late, "XF-LATE", "LETTER", "ACCUSATION", "DISCIPLINE", elsewhere, "检举",
                "检举内容", null, 1, hoursAgo(1), null, false, new PetitionSubmittedV1.Accused(UNIT_A, null, null, null), null, null);
        probe.sendCloudEvent(Topics.PETITION_SUBMITTED_V1, late.toString(), UUID.randomUUID().toString(),
                CloudEvent.TYPE_PETITION_SUBMITTED_V1, json.writeValueAsString(p));
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> list("auditor-province", Map.of("locality", elsewhere))
                .statusCode(200).body("items.caseId", contains(late.toString())).body("items[0].accusation", is(true)));
        list("handler-a", Map.of("locality", elsewhere)).statusCode(200).body("total", is(0));
        given().auth().oauth2(token("handler-a")).get("/api/cases/" + late).then().statusCode(404);
    }

    /** The list shows each caller exactly the cases the read by id shows it. */
    @Test
    void theListAndTheReadByIdAgreeForEveryCaller() {
        for (String user : tokens.keySet()) {
            if (user.equals("defaults-only")) {
                continue;
            }
            Set<UUID> listed = ids(list(user, Map.of("size", 100, "locality", LOCALITY)).statusCode(200));
            Set<UUID> readable = new HashSet<>();
            for (UUID id : all) {
                int status = given().auth().oauth2(token(user)).get("/api/cases/" + id).then().extract().statusCode();
                assertTrue(status == 200 || status == 404, user + " " + status);
                if (status == 200) {
                    readable.add(id);
                }
            }
            assertEquals(readable, listed, user);
        }
    }

    private ValidatableResponse list(String user, Map<String, ?> params) {
        return given().auth().oauth2(token(user)).queryParams(params).when().get("/api/cases").then();
    }

    private static Set<UUID> ids(ValidatableResponse response) {
        List<String> ids = response.extract().jsonPath().getList("items.caseId");
        Set<UUID> set = new HashSet<>();
        ids.forEach(id -> set.add(UUID.fromString(id)));
        assertEquals(ids.size(), set.size(), "no case twice");
        return set;
    }

    private void user(String name, String role, Map<String, String> claims) {
        String username = name + "-" + RUN;
        SharedInfrastructure.get().keycloak().createUser(username, role, claims);
        tokens.put(name, username);
    }

    private String token(String user) {
        return issued.computeIfAbsent(user, u -> SharedInfrastructure.get().keycloak().accessToken(tokens.get(u)));
    }

    private static boolean recorded(UUID petition) {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> Panache.getSession().chain(s -> s
                    .createNativeQuery("select count(*) from petition_record where petition_id = :id", Long.class)
                    .setParameter("id", petition).getSingleResult()))) == 1L;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant hoursAgo(int hours) {
        return Instant.now().minus(Duration.ofHours(hours));
    }

    private void submitAccusation(UUID caseId, String accusedUnit, Instant receivedAt) throws Exception {
        PetitionSubmittedV1 p = new PetitionSubmittedV1(caseId, "XF-" + caseId.toString().substring(0, 8), "ONLINE", "ACCUSATION",
                "DISCIPLINE", LOCALITY, "检举", "检举内容", null, 1, receivedAt, null, false,
                new PetitionSubmittedV1.Accused(accusedUnit, "单位 " + accusedUnit, null, null), null, null);
        probe.sendCloudEvent(Topics.PETITION_SUBMITTED_V1, caseId.toString(), UUID.randomUUID().toString(),
                CloudEvent.TYPE_PETITION_SUBMITTED_V1, json.writeValueAsString(p));
    }

    private void assign(UUID caseId, String department, LocalDate acceptanceDue, Instant receivedAt) throws Exception {
        CaseAssignedV1 event = new CaseAssignedV1(caseId, "XF-" + caseId.toString().substring(0, 8), department, "单位 " + department,
                null, LOCALITY, "URBAN_HOUSING", "test", receivedAt, receivedAt.plusSeconds(60), false, null, acceptanceDue,
                CaseAssignedV1.DECIDED_BY_DISPATCHER, null, null);
        probe.sendCloudEvent(Topics.CASE_ASSIGNED_V1, caseId.toString(), UUID.randomUUID().toString(),
                CloudEvent.TYPE_CASE_ASSIGNED_V1, json.writeValueAsString(event));
    }
}
