package org.openpetition.supervision.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.*;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.openpetition.devinfra.InfraTestResource;
import org.openpetition.devinfra.SharedInfrastructure;
import org.openpetition.contracts.rules.DayUnit;
import org.openpetition.supervision.calendar.DeadlineCalculator;
import org.openpetition.supervision.service.CalendarYears;

/** An administrator loads next year's holiday calendar; limits are counted on it at once, and it survives a restart. */
@QuarkusTest
@WithTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "service", value = "supervision"))
class CalendarTest {

    /** National Day 2027 as an office would load it: 1-7 October off, Sunday 26 September worked. */
    private static final String YEAR_2027 = """
            {"holidays": {"2027-01-01": "New Year's Day,元旦,1",
                          "2027-10-01": "National Day,国庆节,7", "2027-10-02": "National Day,国庆节,7",
                          "2027-10-03": "National Day,国庆节,7", "2027-10-04": "National Day,国庆节,7",
                          "2027-10-05": "National Day,国庆节,7", "2027-10-06": "National Day,国庆节,7",
                          "2027-10-07": "National Day,国庆节,7"},
             "workdays": {"2027-09-26": "National Day,国庆节,7"},
             "inLieuDays": {}}""";

    @Inject
    DeadlineCalculator deadlines;

    @Inject
    CalendarYears years;

    @Test
    void anAdministratorLoadsANewYear() throws Throwable {
        LocalDate assigned = LocalDate.parse("2027-09-16");
        // before: 2027 is unknown, so 1 October (a Friday) counts as a working day
        assertEquals(LocalDate.parse("2027-10-01"), deadlines.due(assigned, 15, DayUnit.CALENDAR));
        given().auth().oauth2(token("supervisor")).contentType(ContentType.JSON).body(YEAR_2027)
                .when().put("/api/calendar/years/2027").then().statusCode(403);
        given().auth().oauth2(token("admin")).contentType(ContentType.JSON).body(YEAR_2027)
                .when().put("/api/calendar/years/2027").then().statusCode(200)
                .body("find { it.year == 2027 }.source", is("loaded by admin"))
                .body("find { it.year == 2026 }.source", is("shipped"));
        // after: the limit ending on National Day moves to the first working day after the holiday
        assertEquals(LocalDate.parse("2027-10-08"), deadlines.due(assigned, 15, DayUnit.CALENDAR));
        // the make-up working day counts in working days: 8 working days from Monday 20 September end on the
        // 29th with Sunday the 26th worked (on the 30th without it)
        assertEquals(LocalDate.parse("2027-09-29"), deadlines.due(LocalDate.parse("2027-09-20"), 8, DayUnit.WORKING));
        given().auth().oauth2(token("handler")).when().get("/api/calendar/years/2027").then().statusCode(200)
                .body("workdays.'2027-09-26'", is("National Day,国庆节,7"));
        // kept in the database: a replica (or this one after a restart) applies it from there
        io.quarkus.vertx.VertxContextSupport.subscribeAndAwait(years::refresh);
        assertEquals(LocalDate.parse("2027-10-08"), deadlines.due(assigned, 15, DayUnit.CALENDAR));
    }

    @Test
    void aCalendarWithMistakesIsRefusedDateByDate() {
        given().auth().oauth2(token("admin")).contentType(ContentType.JSON)
                .body("""
                        {"holidays": {"2028-10-01": "National Day,国庆节,7", "2028-13-01": "x"},
                         "workdays": {"2028-09-27": "a Wednesday", "2028-10-01": "also a holiday"},
                         "holiday": {}}""")
                .when().put("/api/calendar/years/2028").then().statusCode(400)
                .body("errors.field", containsInAnyOrder("holidays.2028-13-01", "workdays.2028-09-27",
                        "workdays.2028-10-01", "holiday"));
        given().auth().oauth2(token("admin")).contentType(ContentType.JSON).body("{\"holidays\": {}}")
                .when().put("/api/calendar/years/2028").then().statusCode(400).body("errors.field", contains("holidays"));
        given().auth().oauth2(token("admin")).when().get("/api/calendar/years/2028").then().statusCode(404);
    }

    private static String token(String user) {
        return SharedInfrastructure.get().keycloak().accessToken(user);
    }
}
