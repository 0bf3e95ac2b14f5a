package org.openpetition.supervision.rest;

import static org.openpetition.platform.security.Roles.*;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.openpetition.platform.problem.FieldException;
import org.openpetition.platform.problem.Problem;
import org.openpetition.supervision.indicators.DailyReport;
import org.openpetition.supervision.indicators.DailyReports;
import org.openpetition.supervision.indicators.IndicatorQuery.Grouping;
import org.openpetition.supervision.indicators.IndicatorReport;
import org.openpetition.supervision.indicators.Indicators;
import org.openpetition.supervision.indicators.Period;
import org.openpetition.supervision.i18n.Texts;
import org.openpetition.supervision.service.CaseClock;

/** Indicators (考核指标) and the daily report (日报), as JSON or CSV (Accept: text/csv). */
@Path("/api/reports")
@Produces({MediaType.APPLICATION_JSON, "text/csv"})
@Tag(name = "Reports", description = "指标与日报: the rates and counts of petition work per locality, department and period")
@SecurityRequirement(name = "bearer")
@RolesAllowed({SUPERVISOR, LEADER, ADMIN, AUDITOR})
public class ReportResource {

    private final Indicators indicators;
    private final DailyReports daily;
    private final CaseClock clock;
    private final LocalityScope scope;
    private final CallerLanguage language;

    public ReportResource(Indicators indicators, DailyReports daily, CaseClock clock, LocalityScope scope,
                          CallerLanguage language) {
        this.language = language;
        this.indicators = indicators;
        this.daily = daily;
        this.clock = clock;
        this.scope = scope;
    }

    @GET
    @Path("indicators")
    @Operation(summary = "The indicators of a locality for a period, against the period before (环比) or a year earlier (同比)",
            description = "及时受理率, 按期办结率, 参评率, 满意率, 重复信访率, 一次性化解率 and the counts of petitions, repeat, "
                    + "collective and skip-level petitions, for the locality and everything under it (the division tree "
                    + "rolled up). groupBy=locality breaks the figures down by the divisions one level down, "
                    + "groupBy=department by department. Default period: the current month up to today. A supervisor or "
                    + "leader whose token carries a locality claim sees that area only.")
    @APIResponse(responseCode = "200", description = "The indicators",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IndicatorReport.class)))
    @APIResponse(responseCode = "400", description = "A bad date, period, grouping or locality",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "A locality outside the caller's area")
    public Uni<Response> indicators(@QueryParam("locality") String locality, @QueryParam("from") String from,
                                    @QueryParam("to") String to, @QueryParam("groupBy") String groupBy,
                                    @QueryParam("compare") String compare, @HeaderParam("Accept") String accept) {
        Texts texts = language.texts();
        LocalDate today = clock.day(Instant.now());
        LocalDate end = ReportSupport.parse("to", to, today, texts);
        LocalDate start = ReportSupport.parse("from", from, end.withDayOfMonth(1), texts);
        Period period = Period.of(start, end,
                option("compare", compare, Period.Comparison.class, Period.Comparison.PREVIOUS, texts), texts);
        Grouping grouping = option("groupBy", groupBy, Grouping.class, Grouping.NONE, texts);
        return indicators.report(scope.resolve(locality), period, grouping)
                .map(report -> Csv.wanted(accept) ? Response.ok(IndicatorCsv.of(report), Csv.MEDIA_TYPE).build()
                        : Response.ok(report, MediaType.APPLICATION_JSON).build());
    }

    @GET
    @Path("daily")
    @Operation(summary = "日报: the daily report of a locality",
            description = "What happened on the day (petitions, decisions, replies, evaluations, alerts) and what stands "
                    + "(open and overdue cases). A day with nothing to report has its report too, marked zeroReport (零报告). "
                    + "Reports of finished days are produced after midnight and kept as produced (finalReport); today's is "
                    + "provisional. Default: yesterday.")
    @APIResponse(responseCode = "200", description = "The report",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DailyReport.class)))
    @APIResponse(responseCode = "400", description = "A bad day or locality, or a day in the future",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> daily(@QueryParam("day") String day, @QueryParam("locality") String locality,
                               @HeaderParam("Accept") String accept) {
        Texts texts = language.texts();
        LocalDate today = clock.day(Instant.now());
        LocalDate d = ReportSupport.parse("day", day, today.minusDays(1), texts);
        if (d.isAfter(today)) {
            throw FieldException.of("day", texts.dayInFuture());
        }
        return daily.of(d, scope.resolve(locality)).map(report -> Csv.wanted(accept)
                ? Response.ok(dailyCsv(report), Csv.MEDIA_TYPE).build()
                : Response.ok(report, MediaType.APPLICATION_JSON).build());
    }

    private static <E extends Enum<E>> E option(String field, String value, Class<E> type, E fallback, Texts texts) {
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        String name = value.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(name)) {
                return e;
            }
        }
        throw FieldException.of(field, texts.notOneOf(value, java.util.Arrays.stream(type.getEnumConstants())
                .map(e -> e.name().toLowerCase(Locale.ROOT)).toList().toString()));
    }

    private static String dailyCsv(DailyReport r) {
        Csv csv = new Csv("day", "locality", "zero_report", "final_report", "figure", "value");
        for (Map<String, Long> figures : java.util.List.of(r.happened(), r.standing())) {
            figures.forEach((k, v) -> csv.row(r.day(), r.locality(), r.zeroReport(), r.finalReport(), k, v));
        }
        return csv.text();
    }
}
