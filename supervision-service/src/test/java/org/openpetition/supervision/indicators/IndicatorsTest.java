package org.openpetition.supervision.indicators;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openpetition.contracts.rules.BeijingTime;
import org.openpetition.platform.rules.Limits;
import org.openpetition.contracts.CloudEvent;
import org.openpetition.contracts.Topics;
import org.openpetition.contracts.event.DailyReportV1;
import org.openpetition.contracts.event.PetitionSubmittedV1;
import org.openpetition.contracts.event.UnitContact;
import org.openpetition.devinfra.InfraTestResource;
import org.openpetition.devinfra.OutboxProbe;
import org.openpetition.devinfra.PlatformService;
import org.openpetition.devinfra.SharedInfrastructure;
import org.openpetition.devinfra.TopicProbe;

/**
 * The indicators of docs/domain.md on cases with known dates, in 桂林市 (4503): 永福县 (450326) and 七星区
 * (450305), March 2025 against the 31 days before (29 January to 28 February 2025). Only this test uses
 * these localities, so every figure is known exactly.
 */
@QuarkusTest
@WithTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "service", value = "supervision"))
class IndicatorsTest {

    private static final ZoneId ZONE = BeijingTime.ZONE;
    private static final String YONGFU = "450326";
    private static final String QIXING = "450305";

    @Inject
    ObjectMapper json;

    @Inject
    DailyReports daily;

    @Inject
    IndicatorRollup rollup;

    private final TopicProbe probe = new TopicProbe(SharedInfrastructure.get().kafka().bootstrapServers());

    private static boolean loaded;

    @BeforeEach
    void cases() throws Throwable {
        if (loaded) {
            return;
        }
        loaded = true;
        // A: decided within the acceptance limit in March
        insert(YONGFU, "450326-ZJJ", "ACCEPTED", "2025-03-10", at("2025-03-05"), null, null, null, null, 1, null, null);
        // B: decided two days late
        insert(YONGFU, "450326-ZJJ", "ACCEPTED", "2025-03-12", at("2025-03-14"), null, null, null, null, 1, null, null);
        // C: never decided; its limit ran out on 20 March
        insert(QIXING, "450305-JYJ", "ASSIGNED", "2025-03-20", null, null, null, null, null, 1, null, null);
        // D: withdrawn before its limit ran out: not counted
        insert(QIXING, "450305-JYJ", "WITHDRAWN", "2025-03-25", null, null, null, null, null, 1, null, at("2025-03-18"));
        // E: decided in time in February (the previous period)
        insert(YONGFU, "450326-ZJJ", "ACCEPTED", "2025-02-10", at("2025-02-05"), null, null, null, null, 1, null, null);
        // F: replied in time in March by the first unit, evaluated satisfied
        insert(YONGFU, "450326-ZJJ", "REPLIED", "2025-01-05", at("2025-01-04"), "2025-03-15", at("2025-03-10"),
                "SATISFIED", at("2025-03-12"), 1, null, at("2025-03-10"));
        // G: replied late in March after a reassignment, not evaluated (its window is still open at the end of March)
        insert(QIXING, "450305-JYJ", "REPLIED", "2025-01-05", at("2025-01-04"), "2025-03-05", at("2025-03-07"),
                null, null, 2, null, at("2025-03-07"));
        // H: replied 20 January, never evaluated: the window closed on 20 February (previous period)
        insert(YONGFU, "450326-ZJJ", "REPLIED", "2024-12-01", at("2024-11-30"), "2025-01-25", at("2025-01-20"),
                null, null, 1, null, at("2025-01-20"));
        // I: replied in time in February, evaluated dissatisfied in March, then review requested
        insert(YONGFU, "450326-ZJJ", "UNDER_REVIEW", "2024-12-20", at("2024-12-19"), "2025-03-01", at("2025-02-25"),
                "DISSATISFIED", at("2025-03-20"), 1, at("2025-03-21"), null);

        // petitions through petition.submitted.v1: three in March (a repeat, a collective one), one in February
        UUID first = UUID.randomUUID();
        submit(first, YONGFU + "001", null, false, "2025-03-03", "e-" + first);
        submit(UUID.randomUUID(), YONGFU, first, false, "2025-03-09", null);
        UUID collective = UUID.randomUUID();
        submit(collective, YONGFU, null, true, "2025-03-11", "e-" + collective);
        submit(collective, YONGFU, null, true, "2025-03-11", "e-" + collective); // redelivered: counted once
        submit(UUID.randomUUID(), QIXING, null, false, "2025-02-14", null);
        // April: a skip-level petition (越级, routing's mark on its case)
        UUID skipLevel = UUID.randomUUID();
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> Panache.getSession().chain(s -> s
                .createNativeQuery("""
                        insert into supervised_case (case_id, tracking_code, department_code, department_name, locality_code,
                            status, received_at, assigned_at, acceptance_due, skip_level)
                        values (:id, 'XF-IND', '450326-ZJJ', '永福县住房和城乡建设局', '450326', 'ASSIGNED',
                            :at, :at, :due, true)""")
                .setParameter("id", skipLevel).setParameter("at", at("2025-04-08"))
                .setParameter("due", LocalDate.parse("2025-06-23")).executeUpdate())));
        submit(skipLevel, YONGFU, null, false, "2025-04-08", null);
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> indicators("4503", "NONE")
                .body("total.counts.petitions.current", is(3)).body("total.counts.petitions.previous", is(1)));
    }

    @Test
    void theRatesOfALocalityAgainstThePreviousPeriod() {
        indicators("450300", "none").statusCode(200)
                .body("locality", is("4503")).body("level", is("CITY"))
                .body("from", is("2025-03-01")).body("to", is("2025-03-31"))
                .body("previousFrom", is("2025-01-29")).body("previousTo", is("2025-02-28"))
                // 及时受理率: A in time, B late, C undecided, D withdrawn (not counted); before: E
                .body("total.rates.timelyAcceptance.numerator", is(1))
                .body("total.rates.timelyAcceptance.denominator", is(3))
                .body("total.rates.timelyAcceptance.rate", is(0.3333f))
                .body("total.rates.timelyAcceptance.previousRate", is(1.0f))
                .body("total.rates.timelyAcceptance.changePoints", is(-66.67f))
                // 按期办结率: F in time, G late; before: I in time
                .body("total.rates.onTimeCompletion.numerator", is(1))
                .body("total.rates.onTimeCompletion.denominator", is(2))
                .body("total.rates.onTimeCompletion.previousRate", is(1.0f))
                // 参评率: F and I evaluated in March; H's window closed in February without one
                .body("total.rates.evaluationParticipation.rate", is(1.0f))
                .body("total.rates.evaluationParticipation.denominator", is(2))
                .body("total.rates.evaluationParticipation.previousNumerator", is(0))
                .body("total.rates.evaluationParticipation.previousDenominator", is(1))
                // 满意率: F satisfied, I not
                .body("total.rates.satisfaction.rate", is(0.5f))
                // 一次性化解率: F yes; G was reassigned; before: I went to review
                .body("total.rates.firstTimeResolution.numerator", is(1))
                .body("total.rates.firstTimeResolution.denominator", is(2))
                .body("total.rates.firstTimeResolution.previousRate", is(0.0f))
                // counts and 重复信访率
                .body("total.counts.petitions.change", is(2))
                .body("total.counts.petitions.changePercent", is(200.0f))
                .body("total.counts.repeat.current", is(1))
                .body("total.counts.collective.current", is(1))
                .body("total.counts.skipLevel.current", is(0))
                .body("total.rates.repeatRate.rate", is(0.3333f))
                .body("groups", empty());
    }

    @Test
    void skipLevelPetitionsAreCountedFromTheirCase() {
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(token("auditor"))
                .queryParam("locality", "4503").queryParam("from", "2025-04-01").queryParam("to", "2025-04-30")
                .when().get("/api/reports/indicators").then().statusCode(200)
                .body("total.counts.petitions.current", is(1))
                .body("total.counts.skipLevel.current", is(1)));
        given().auth().oauth2(token("auditor")).queryParam("day", "2025-04-08").queryParam("locality", YONGFU)
                .when().get("/api/reports/daily").then().statusCode(200).body("happened.skipLevel", is(1));
    }

    @Test
    void rolledUpTheDivisionTreeAndByDepartment() {
        indicators("4503", "locality").statusCode(200)
                .body("groups.key", contains(QIXING, YONGFU))
                .body("groups.find { it.key == '450326' }.rates.timelyAcceptance.numerator", is(1))
                .body("groups.find { it.key == '450326' }.rates.timelyAcceptance.denominator", is(2))
                .body("groups.find { it.key == '450305' }.rates.timelyAcceptance.denominator", is(1))
                .body("groups.find { it.key == '450326' }.counts.petitions.current", is(3));
        // the province holds the city's figures
        indicators("45", "locality").body("total.rates.timelyAcceptance.denominator", greaterThanOrEqualTo(3))
                .body("groups.key", hasItem("4503"));
        // a county broken down into townships: the petition registered at 450326001 is its own group
        indicators(YONGFU, "locality").body("level", is("COUNTY"))
                .body("groups.find { it.key == '450326001' }.counts.petitions.current", is(1));
        indicators("4503", "department").statusCode(200)
                .body("groups.find { it.key == '450326-ZJJ' }.name", is("永福县住房和城乡建设局"))
                .body("groups.find { it.key == '450326-ZJJ' }.rates.satisfaction.denominator", is(2))
                .body("groups.find { it.key == '450305-JYJ' }.rates.onTimeCompletion.numerator", is(0));
    }

    @Test
    void sameDaysAYearEarlierAndCsv() {
        given().auth().oauth2(token("auditor")).queryParam("locality", "4503").queryParam("from", "2025-03-01")
                .queryParam("to", "2025-03-31").queryParam("compare", "lastYear").when().get("/api/reports/indicators")
                .then().statusCode(200).body("comparison", is("LAST_YEAR")).body("previousFrom", is("2024-03-01"))
                .body("total.counts.petitions.previous", is(0)).body("total.counts.petitions.changePercent", nullValue());
        String csv = given().auth().oauth2(token("auditor")).accept("text/csv").queryParam("locality", "4503")
                .queryParam("from", "2025-03-01").queryParam("to", "2025-03-31").queryParam("groupBy", "department")
                .when().get("/api/reports/indicators").then().statusCode(200).contentType(containsString("text/csv"))
                .extract().asString();
        assertTrue(csv.startsWith("locality,from,to,previous_from,previous_to,group,name,indicator,current,previous,change,"), csv);
        assertTrue(csv.contains("\n4503,2025-03-01,2025-03-31,2025-01-29,2025-02-28,TOTAL,,timelyAcceptance,0.3333,1.0,-66.67,1,3,1,1\n"), csv);
        assertTrue(csv.contains(",UNASSIGNED,,petitions,3,1,2,,,,\n"), csv); // the test petitions opened no case here
    }

    @Test
    void badQueriesAreNamed() {
        given().auth().oauth2(token("auditor")).queryParam("from", "2025-04-01").queryParam("to", "2025-03-01")
                .when().get("/api/reports/indicators").then().statusCode(400).body("errors.field", contains("from"));
        given().auth().oauth2(token("auditor")).queryParam("groupBy", "street").when().get("/api/reports/indicators")
                .then().statusCode(400).body("errors.field", contains("groupBy"));
        given().auth().oauth2(token("auditor")).queryParam("locality", "45032").when().get("/api/reports/indicators")
                .then().statusCode(400).body("errors.field", contains("locality"));
        given().auth().oauth2(token("auditor")).queryParam("from", "2023-01-01").queryParam("to", "2025-03-01")
                .when().get("/api/reports/indicators").then().statusCode(400).body("errors.field", contains("to"));
        given().auth().oauth2(token("handler")).when().get("/api/reports/indicators").then().statusCode(403);
        // a leader of 达川区 (locality claim 511703) reads their own area, by default, and nothing outside it
        given().auth().oauth2(token("leader")).queryParam("locality", "4503").when().get("/api/reports/indicators")
                .then().statusCode(403);
        given().auth().oauth2(token("leader")).when().get("/api/reports/indicators").then().statusCode(200)
                .body("locality", is("511703")).body("level", is("COUNTY"));
        given().auth().oauth2(token("supervisor")).queryParam("locality", "511703001").queryParam("groupBy", "locality")
                .when().get("/api/reports/daily").then().statusCode(200).body("locality", is("511703001"));
        given().when().get("/api/reports/indicators").then().statusCode(401);
    }

    @Test
    void aDailyReportEveryDayAZeroReportWhenNothingHappened() throws Throwable {
        given().auth().oauth2(token("auditor")).queryParam("day", "2025-03-11").queryParam("locality", YONGFU)
                .when().get("/api/reports/daily").then().statusCode(200)
                .body("zeroReport", is(false)).body("finalReport", is(true))
                .body("happened.petitions", is(1)).body("happened.collective", is(1));
        // a quiet day: produced once, a zero report, and kept as produced
        assertEquals(1, VertxContextSupport.<Integer>subscribeAndAwait(() -> daily.keep(LocalDate.parse("2025-06-01"),
                new DivisionPrefix(YONGFU)).map(b -> b ? 1 : 0)));
        assertEquals(0, VertxContextSupport.<Integer>subscribeAndAwait(() -> daily.keep(LocalDate.parse("2025-06-01"),
                new DivisionPrefix(YONGFU)).map(b -> b ? 1 : 0)), "a second replica stores nothing");
        // published once, to the locality's configured petition office
        String reportId = UUID.nameUUIDFromBytes(("daily-report/2025-06-01/" + YONGFU).getBytes(StandardCharsets.UTF_8)).toString();
        var records = new OutboxProbe(SharedInfrastructure.get(), PlatformService.SUPERVISION).published(Topics.SUPERVISION_DAILY_REPORT_V1,
                reportId, 1);
        assertEquals(1, records.size(), "one supervision.daily-report.v1 record for the report, whoever produced it");
        assertEquals(CloudEvent.TYPE_SUPERVISION_DAILY_REPORT_V1, TopicProbe.header(records.get(0), CloudEvent.HEADER_TYPE));
        DailyReportV1 event = json.readValue(records.get(0).value(), DailyReportV1.class);
        assertEquals(LocalDate.parse("2025-06-01"), event.day());
        assertEquals(YONGFU, event.localityPrefix());
        assertTrue(event.zeroReport());
        assertEquals(0L, event.happened().get("petitions"));
        assertEquals(14, event.happened().size());
        assertEquals(List.of(new UnitContact("450326-XFJ", "永福县信访局", "xfj@450326.example.invalid")), event.recipients());
        String produced = given().auth().oauth2(token("auditor")).queryParam("day", "2025-06-01").queryParam("locality", YONGFU)
                .when().get("/api/reports/daily").then().statusCode(200)
                .body("zeroReport", is(true)).body("happened.values().sum()", is(0)).body("locality", is(YONGFU))
                .extract().path("producedAt");
        String csv = given().auth().oauth2(token("auditor")).accept("text/csv").queryParam("day", "2025-06-01")
                .queryParam("locality", YONGFU).when().get("/api/reports/daily").then().statusCode(200).extract().asString();
        assertTrue(csv.startsWith("day,locality,zero_report,final_report,figure,value\n2025-06-01,450326,true,true,petitions,0\n"), csv);
        given().auth().oauth2(token("auditor")).queryParam("day", "2025-06-01").queryParam("locality", YONGFU)
                .when().get("/api/reports/daily").then().body("producedAt", is(produced));
        given().auth().oauth2(token("auditor")).queryParam("day", LocalDate.now(ZONE).plusDays(2).toString())
                .when().get("/api/reports/daily").then().statusCode(400).body("errors.field", contains("day"));
    }

    @Test
    void theDailyRollUpGivesTheSameFiguresAsTheCases() throws Throwable {
        List<String[]> queries = List.of(new String[]{"4503", "none"}, new String[]{"4503", "locality"},
                new String[]{"4503", "department"}, new String[]{"45", "locality"}, new String[]{YONGFU, "department"});
        List<String> fromCases = new ArrayList<>();
        for (String[] q : queries) {
            fromCases.add(indicators(q[0], q[1]).statusCode(200).extract().asString());
        }
        int days = VertxContextSupport.subscribeAndAwait(() -> rollup.rollUp(LocalDate.parse("2025-03-20")));
        assertTrue(days > 700, "the first roll-up covers two years: " + days);
        assertEquals(LocalDate.parse("2025-03-20"), VertxContextSupport.subscribeAndAwait(rollup::rolledUntil));
        long rows = VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> Panache.getSession().chain(s -> s
                .createNativeQuery("select count(*) from indicator_day where county like '4503%'", Long.class).getSingleResult())));
        assertTrue(rows > 0, "rolled up per county and department");
        // March is now read from the roll-up up to the 19th and from the cases from the 20th: the same figures
        for (int i = 0; i < queries.size(); i++) {
            assertEquals(fromCases.get(i), indicators(queries.get(i)[0], queries.get(i)[1]).statusCode(200).extract().asString(),
                    "locality " + queries.get(i)[0] + " by " + queries.get(i)[1]);
        }
        // the nightly run rolls up the new days and the last 35 again
        int again = VertxContextSupport.subscribeAndAwait(() -> rollup.rollUp(LocalDate.parse("2025-04-02")));
        assertEquals(35 + 13, again);
        for (int i = 0; i < queries.size(); i++) {
            assertEquals(fromCases.get(i), indicators(queries.get(i)[0], queries.get(i)[1]).extract().asString());
        }
    }

    private ValidatableResponse indicators(String locality, String groupBy) {
        return given().auth().oauth2(token("auditor")).queryParam("locality", locality).queryParam("from", "2025-03-01")
                .queryParam("to", "2025-03-31").queryParam("groupBy", groupBy).when().get("/api/reports/indicators").then();
    }

    private void submit(UUID caseId, String locality, UUID repeatOf, boolean collective, String day, String eventId)
            throws Exception {
        PetitionSubmittedV1 p = new PetitionSubmittedV1(caseId, "XF-IND", "ONLINE", "SOLUTION_REQUEST", "URBAN_HOUSING",
                locality, "title", "content", null, collective ? 6 : 1, at(day).toInstant(), repeatOf, collective, null, null, null);
        probe.sendCloudEvent(Topics.PETITION_SUBMITTED_V1, caseId.toString(), eventId != null ? eventId : UUID.randomUUID().toString(),
                CloudEvent.TYPE_PETITION_SUBMITTED_V1, json.writeValueAsString(p));
    }

    private static OffsetDateTime at(String day) {
        return LocalDate.parse(day).atTime(10, 0).atZone(ZONE).toOffsetDateTime();
    }

    private static void insert(String locality, String department, String status, String acceptanceDue,
                               OffsetDateTime decided, String replyDue, OffsetDateTime replied, String evaluation,
                               OffsetDateTime evaluated, int assignments, OffsetDateTime reviewRequested,
                               OffsetDateTime closed) throws Throwable {
        String name = department.startsWith(YONGFU) ? "永福县住房和城乡建设局" : "七星区教育局";
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> Panache.getSession().chain(s -> s
                .createNativeQuery("""
                        insert into supervised_case (case_id, tracking_code, department_code, department_name, locality_code,
                            status, received_at, assigned_at, acceptance_due, acceptance_decided_at, accepted_at, reply_due,
                            replied_at, evaluation_window_last_day, evaluation, evaluated_at, assignments, review_requested_at,
                            closed_at)
                        values (:id, 'XF-IND', :dept, :name, :locality, :status, :received, :received, :acceptanceDue,
                            :decided, :decided, :replyDue, :replied, :windowLastDay, :evaluation, :evaluated, :assignments, :review, :closed)""")
                .setParameter("id", UUID.randomUUID())
                .setParameter("dept", department)
                .setParameter("name", name)
                .setParameter("locality", locality)
                .setParameter("status", status)
                .setParameter("received", Instant.parse("2024-11-01T02:00:00Z").atOffset(java.time.ZoneOffset.UTC))
                .setParameter("acceptanceDue", LocalDate.parse(acceptanceDue))
                .setParameter("decided", decided)
                .setParameter("replyDue", replyDue == null ? null : LocalDate.parse(replyDue))
                .setParameter("replied", replied)
                // the default window (30 days from the reply), as the reply would have set it
                .setParameter("windowLastDay", replied == null ? null
                        : Limits.lastDayOfWindow(replied.toInstant(), 30))
                .setParameter("evaluation", evaluation)
                .setParameter("evaluated", evaluated)
                .setParameter("assignments", assignments)
                .setParameter("review", reviewRequested)
                .setParameter("closed", closed)
                .executeUpdate())));
    }

    private static String token(String user) {
        return SharedInfrastructure.get().keycloak().accessToken(user);
    }
}
