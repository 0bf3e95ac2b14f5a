package org.openpetition.supervision.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.openpetition.contracts.CloudEvent;
import org.openpetition.contracts.Topics;
import org.openpetition.contracts.event.CaseAssignedV1;
import org.openpetition.contracts.event.PetitionerActionV1;
import org.openpetition.contracts.event.UnitContact;
import org.openpetition.devinfra.InfraTestResource;
import org.openpetition.devinfra.OutboxProbe;
import org.openpetition.devinfra.PlatformService;
import org.openpetition.devinfra.SharedInfrastructure;
import org.openpetition.devinfra.TopicProbe;
import org.openpetition.contracts.rules.BeijingTime;
import org.openpetition.contracts.rules.DayUnit;
import org.openpetition.supervision.calendar.DeadlineCalculator;
import org.openpetition.supervision.calendar.WorkCalendar;
import org.openpetition.supervision.repository.EarlyWithdrawalRepository;
import org.openpetition.supervision.service.PetitionerActions;

/**
 * The whole life of a case against the real stack: assigned (case.assigned.v1), accepted, extended,
 * a hearing, replied; review requested by the petitioner (petition.action.v1), review opinion,
 * re-review requested, re-review opinion, final. Each step is checked against the state and published
 * as case.lifecycle.v1. The handler user belongs to 511703-ZJJ.
 */
@QuarkusTest
@WithTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "service", value = "supervision"))
class CaseLifecycleTest {

    private static final ZoneId ZONE = BeijingTime.ZONE;
    private static final DeadlineCalculator DEADLINES = new DeadlineCalculator(WorkCalendar.fromClasspath(2000, 2100));
    private static final String REPLY = "经调查核实，小区加装电梯事项已列入本年度老旧小区改造计划，将于明年三月前完成。";

    @Inject
    ObjectMapper json;

    @Inject
    MeterRegistry metrics;

    @Inject
    EarlyWithdrawalRepository withdrawals;

    private final TopicProbe probe = new TopicProbe(SharedInfrastructure.get().kafka().bootstrapServers());

    @Test
    void aCaseRunsFromAssignmentThroughReviewAndReReviewToFinal() throws Exception {
        UUID caseId = assign("511703-ZJJ");
        LocalDate today = LocalDate.now(ZONE);

        act("handler", caseId, "reply", "{\"text\": \"" + REPLY + "\"}").statusCode(409)
                .contentType("application/problem+json").body("detail", is("只能答复已受理、办理中的案件（当前状态：ASSIGNED）"));
        actIn("en", "handler", caseId, "reply", "{\"text\": \"" + REPLY + "\"}").statusCode(409)
                .body("detail", is("Only an accepted case in handling can be replied to (now: ASSIGNED)."));
        act("handler", caseId, "accept", null).statusCode(200)
                .body("status", is("ACCEPTED"))
                .body("dueKind", is("REPLY"))
                .body("replyDue", is(DEADLINES.due(today, 60, DayUnit.CALENDAR).toString()));
        act("handler", caseId, "accept", null).statusCode(409);

        act("handler", caseId, "extension", "{\"days\": 31, \"reason\": \"情况复杂\"}").statusCode(400)
                .body("errors.field", contains("days"));
        act("handler", caseId, "extension", "{\"reason\": \"\"}").statusCode(400)
                .body("errors.field", containsInAnyOrder("days", "reason"));
        LocalDate extended = DEADLINES.due(DEADLINES.due(today, 60, DayUnit.CALENDAR), 20, DayUnit.CALENDAR);
        act("handler", caseId, "extension", "{\"days\": 20, \"reason\": \"需多部门会商\"}").statusCode(200)
                .body("extendedDays", is(20)).body("replyDue", is(extended.toString()));
        actIn("en", "handler", caseId, "extension", "{\"days\": 5, \"reason\": \"再延\"}").statusCode(409)
                .body("detail", containsString("only once"));

        act("handler", caseId, "hearing/start", null).statusCode(200).body("hearingRunning", is(true));
        actIn("en", "handler", caseId, "reply", "{\"text\": \"" + REPLY + "\"}").statusCode(409)
                .body("detail", containsString("hearing is running"));
        act("handler", caseId, "reply", "{\"text\": \"" + REPLY + "\"}").statusCode(409)
                .body("detail", is("听证进行中，须先结束听证"));
        act("handler", caseId, "hearing/end", null).statusCode(200)
                .body("hearingRunning", is(false)).body("hearingDays", is(1))
                .body("replyDue", is(DEADLINES.due(extended, 1, DayUnit.CALENDAR).toString()));

        act("handler", caseId, "reply", "{\"text\": \"太短\"}").statusCode(400).body("errors.field", contains("text"));
        act("handler", caseId, "reply", "{\"text\": \"" + REPLY + "\"}").statusCode(200)
                .body("status", is("REPLIED")).body("due", nullValue()).body("closedAt", notNullValue());

        petitionerAction(caseId, "EVALUATED", "DISSATISFIED");
        petitionerAction(caseId, "REVIEW_REQUESTED", null);
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> get(caseId)
                .body("status", is("UNDER_REVIEW")).body("evaluation", is("DISSATISFIED"))
                .body("evaluatedAt", notNullValue()).body("acceptanceDecidedAt", notNullValue()).body("assignments", is(1))
                .body("dueKind", is("REVIEW"))
                .body("due", is(DEADLINES.due(today, 30, DayUnit.CALENDAR).toString())));

        act("handler", caseId, "review-opinion", "{\"text\": \"" + REPLY + "\"}").statusCode(403);
        act("supervisor", caseId, "review-opinion", "{\"text\": \"经复查，原答复意见认定事实清楚，予以维持。\"}").statusCode(200)
                .body("status", is("REVIEWED"));
        petitionerAction(caseId, "RE_REVIEW_REQUESTED", null);
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> get(caseId)
                .body("status", is("UNDER_RE_REVIEW")).body("dueKind", is("RE_REVIEW")));
        act("supervisor", caseId, "re-review-opinion", "{\"text\": \"经复核，维持复查意见。本意见为终结意见。\"}").statusCode(200)
                .body("status", is("FINAL")).body("due", nullValue());
        actIn("en", "handler", caseId, "hearing/start", null).statusCode(409).body("detail", containsString("final"));

        var events = new OutboxProbe(SharedInfrastructure.get(), PlatformService.SUPERVISION)
                .published(Topics.CASE_LIFECYCLE_V1, caseId, 11);
        List<String> steps = events.stream().map(r -> {
            try {
                return json.readTree(r.value()).get("step").asText();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
        assertEquals(List.of("ACCEPTED", "EXTENDED", "HEARING_STARTED", "HEARING_ENDED", "REPLIED", "EVALUATED",
                "REVIEW_REQUESTED", "REVIEWED", "RE_REVIEW_REQUESTED", "RE_REVIEWED", "FINAL"), steps.subList(0, 11));
        assertEquals(11, steps.size(), "one event per step: " + steps);
        assertEquals(CloudEvent.TYPE_CASE_LIFECYCLE_V1, TopicProbe.header(events.get(0), CloudEvent.HEADER_TYPE));
        assertTrue(events.get(4).value().contains(REPLY), "the reply travels with REPLIED");
        // the petitioner's window is 达川区's (15 days, configured for the tests), not the default 30
        assertEquals(today.plusDays(15).toString(), json.readTree(events.get(4).value()).get("windowLastDay").asText());
        assertTrue(events.get(1).value().contains("需多部门会商"), "the extension's reason travels with EXTENDED");

        given().auth().oauth2(token("auditor")).when().get("/api/cases/" + caseId + "/steps").then().statusCode(200)
                .body("step", hasItems("ACCEPTED", "REPLIED", "FINAL"))
                .body("find { it.step == 'ACCEPTED' }.actor", is("handler"))
                .body("find { it.step == 'REVIEW_REQUESTED' }.actor", is("petitioner"));
    }

    @Test
    void notAcceptingNeedsAReasonAndClosesTheCase() throws Exception {
        UUID caseId = assign("511703-ZJJ");
        act("handler", caseId, "not-accept", "{}").statusCode(400).body("errors.field", contains("reason"));
        act("handler", caseId, "not-accept", "{\"reason\": \"该事项属于劳动仲裁范围，请向区劳动人事争议仲裁委员会申请仲裁。\"}")
                .statusCode(200).body("status", is("NOT_ACCEPTED")).body("due", nullValue())
                .body("acceptanceDecidedAt", notNullValue());
        act("handler", caseId, "accept", null).statusCode(409);
    }

    @Test
    void aHandlerActsOnlyOnTheCasesOfTheirOwnDepartment() throws Exception {
        UUID caseId = assign("511703-RSJ");
        act("handler", caseId, "accept", null).statusCode(404);
        act("clerk", caseId, "accept", null).statusCode(403);
        given().when().post("/api/cases/" + caseId + "/accept").then().statusCode(401);
    }

    @Test
    void aWithdrawnCaseStopsItsClock() throws Exception {
        UUID caseId = assign("511703-ZJJ");
        act("handler", caseId, "accept", null).statusCode(200);
        petitionerAction(caseId, "WITHDRAWN", null);
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> get(caseId)
                .body("status", is("WITHDRAWN")).body("due", nullValue()));
        act("handler", caseId, "reply", "{\"text\": \"" + REPLY + "\"}").statusCode(409);
        // withdrawn after the assignment: the withdrawal is a step of the case's history
        steps(caseId).body("step", contains("ACCEPTED", "WITHDRAWN"));
    }

    @Test
    void aPetitionWithdrawnBeforeItsAssignmentOpensClosedWithoutAClock() throws Exception {
        UUID caseId = UUID.randomUUID();
        petitionerAction(caseId, "WITHDRAWN", null);
        // the withdrawal overtakes the assignment: it is remembered before the assignment is sent
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> withdrawalRemembered(caseId));
        assign(caseId, "511703-ZJJ");
        get(caseId).body("status", is("WITHDRAWN")).body("due", nullValue()).body("nextAlertOn", nullValue());
        act("handler", caseId, "accept", null).statusCode(409);
        // opened withdrawn: no clock ran, so no step was taken (withdrawn after it, WITHDRAWN is a step)
        steps(caseId).body("size()", is(0));
    }

    @Test
    void anActionThatDoesNotFitTheCasesStateIsCountedNotApplied() throws Exception {
        UUID caseId = assign("511703-ZJJ");
        double before = notApplied("REVIEW_REQUESTED");
        // a review request on a case that was never replied to (intake checked it against another state)
        petitionerAction(caseId, "REVIEW_REQUESTED", null);
        // the positive marker: the next action of the case, on the same partition, is applied after it
        petitionerAction(caseId, "EVALUATED", "SATISFIED");
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> get(caseId).body("evaluation", is("SATISFIED")));
        assertEquals(before + 1, notApplied("REVIEW_REQUESTED"), "the mismatch is counted once");
        get(caseId).body("status", is("ASSIGNED")).body("reviewRequestedAt", nullValue());
        steps(caseId).body("step", contains("EVALUATED"));
    }

    @Test
    void onlyTheSupervisingBodyRecordsTheReviewOpinion() throws Exception {
        UUID caseId = UUID.randomUUID();
        UnitContact body = new UnitContact("5117-ZJJ", "达州市住房和城乡建设局", "5117-zjj@example.invalid");
        Instant now = Instant.now();
        CaseAssignedV1 event = new CaseAssignedV1(caseId, "XF-TEST", "511703-ZJJ", "达川区住建局", "511703-zjj@example.invalid",
                "511703", "URBAN_HOUSING", "test", now.minusSeconds(60), now, false, null, null, null, null, body);
        probe.sendCloudEvent(Topics.CASE_ASSIGNED_V1, caseId.toString(), UUID.randomUUID().toString(),
                CloudEvent.TYPE_CASE_ASSIGNED_V1, json.writeValueAsString(event));
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> get(caseId).statusCode(200)
                .body("departmentEmail", is("511703-zjj@example.invalid"))
                .body("supervisingBody.code", is("5117-ZJJ")).body("supervisingBody.name", is("达州市住房和城乡建设局"))
                .body("supervisingBody.email", is("5117-zjj@example.invalid")));
        act("handler", caseId, "accept", null).statusCode(200);
        act("handler", caseId, "reply", "{\"text\": \"" + REPLY + "\"}").statusCode(200);
        petitionerAction(caseId, "REVIEW_REQUESTED", null);
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> get(caseId).body("status", is("UNDER_REVIEW")));

        // a supervisor of the area whose token names no department, or another one, is not the reviewing body
        act("supervisor", caseId, "review-opinion", "{\"text\": \"经复查，原答复意见认定事实清楚，予以维持。\"}").statusCode(403)
                .contentType("application/problem+json")
                .body("type", is("https://openpetition.org/problems/not-the-reviewing-body"))
                .body("title", is("不是本案的复查机关"))
                .body("detail", allOf(containsString("5117-ZJJ"), containsString("上级主管单位"), not(containsString("supervising"))));
        actIn("en", "supervisor", caseId, "review-opinion", "{\"text\": \"经复查，原答复意见认定事实清楚，予以维持。\"}").statusCode(403)
                .body("title", is("Not the case's reviewing body"))
                .body("detail", allOf(containsString("5117-ZJJ"), containsString("supervising body"), not(containsString("上级"))));
        get(caseId).body("status", is("UNDER_REVIEW"));
        // the supervising body's reviewer (department 5117-ZJJ) records it
        act("reviewer", caseId, "review-opinion", "{\"text\": \"经复查，原答复意见认定事实清楚，予以维持。\"}").statusCode(200)
                .body("status", is("REVIEWED"));
        var reviewed = probe.awaitRecords(Topics.CASE_LIFECYCLE_V1, r -> caseId.toString().equals(r.key())
                && r.value().contains("\"REVIEWED\""), 1, Duration.ofSeconds(30));
        var opinion = json.readTree(reviewed.get(0).value());
        assertEquals("5117-ZJJ", opinion.get("departmentCode").asText());
        assertEquals("达州市住房和城乡建设局", opinion.get("departmentName").asText());

        // 复核 is the next body up, which supervision does not know: the area's supervisor records it as before
        petitionerAction(caseId, "RE_REVIEW_REQUESTED", null);
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> get(caseId).body("status", is("UNDER_RE_REVIEW")));
        act("supervisor", caseId, "re-review-opinion", "{\"text\": \"经复核，维持复查意见。本意见为终结意见。\"}").statusCode(200)
                .body("status", is("FINAL"));
    }

    private UUID assign(String department) throws Exception {
        return assign(UUID.randomUUID(), department);
    }

    private UUID assign(UUID caseId, String department) throws Exception {
        Instant now = Instant.now();
        CaseAssignedV1 event = new CaseAssignedV1(caseId, "XF-TEST", department, "部门", "dept@example.invalid",
                "511703", "URBAN_HOUSING", "test", now.minusSeconds(60), now, false, null, null, null, null, null);
        probe.sendCloudEvent(Topics.CASE_ASSIGNED_V1, caseId.toString(), UUID.randomUUID().toString(),
                CloudEvent.TYPE_CASE_ASSIGNED_V1, json.writeValueAsString(event));
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> get(caseId).statusCode(200));
        return caseId;
    }

    private void petitionerAction(UUID caseId, String action, String evaluation) throws Exception {
        PetitionerActionV1 event = new PetitionerActionV1(caseId, "XF-TEST", PetitionerActionV1.Action.valueOf(action), Instant.now(),
                evaluation == null ? null : PetitionerActionV1.Evaluation.valueOf(evaluation), null, "ONLINE");
        probe.sendCloudEvent(Topics.PETITION_ACTION_V1, caseId.toString(), UUID.randomUUID().toString(),
                CloudEvent.TYPE_PETITION_ACTION_V1, json.writeValueAsString(event));
    }

    private boolean withdrawalRemembered(UUID caseId) {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> withdrawals.contains(caseId)));
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private double notApplied(String action) {
        var counter = metrics.find(PetitionerActions.NOT_APPLIED).tag("action", action).counter();
        return counter == null ? 0 : counter.count();
    }

    private static ValidatableResponse steps(UUID caseId) {
        return given().auth().oauth2(token("auditor")).when().get("/api/cases/" + caseId + "/steps").then().statusCode(200);
    }

    private static ValidatableResponse act(String user, UUID caseId, String action, String body) {
        return actIn(null, user, caseId, action, body);
    }

    /** Acts with Accept-Language {@code language} (none when null: the texts are Chinese). */
    private static ValidatableResponse actIn(String language, String user, UUID caseId, String action, String body) {
        var request = given().auth().oauth2(token(user));
        if (language != null) {
            request = request.header("Accept-Language", language);
        }
        if (body != null) {
            request = request.contentType("application/json").body(body);
        }
        return request.when().post("/api/cases/" + caseId + "/" + action).then();
    }

    private static ValidatableResponse get(UUID caseId) {
        return given().auth().oauth2(token("supervisor")).when().get("/api/cases/" + caseId).then();
    }

    private static String token(String user) {
        return SharedInfrastructure.get().keycloak().accessToken(user);
    }
}
