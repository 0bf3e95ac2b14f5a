package org.openpetition.supervision.rest;

import static org.openpetition.platform.security.Roles.*;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.openpetition.contracts.CaseStatus;
import org.openpetition.contracts.rules.BeijingTime;
import org.openpetition.platform.paging.PageOf;
import org.openpetition.platform.paging.PageRequest;
import org.openpetition.platform.problem.FieldException;
import org.openpetition.platform.problem.Problem;
import org.openpetition.platform.security.CaseScopeSql;
import org.openpetition.platform.security.Caller;
import org.openpetition.platform.security.CurrentCaller;
import org.openpetition.supervision.service.VisibleCases;
import org.openpetition.supervision.CaseStep;
import org.openpetition.supervision.DeadlineAlert;
import org.openpetition.supervision.DueState;
import org.openpetition.supervision.config.SupervisionConfig;
import org.openpetition.supervision.indicators.DivisionPrefix;
import org.openpetition.supervision.repository.CaseListRepository;
import org.openpetition.supervision.repository.DeadlineAlertRepository;
import org.openpetition.supervision.repository.CaseStepRepository;

/** The clock of each case: status and deadlines. */
@Path("/api/cases")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Cases", description = "督办 deadlines of assigned cases")
@SecurityRequirement(name = "bearer")
@WithSession
public class CaseResource {

    private final VisibleCases visibleCases;
    private final CurrentCaller caller;
    private final CaseStepRepository steps;
    private final DeadlineAlertRepository alerts;
    private final CaseListRepository list;
    private final SupervisionConfig config;
    private final CallerLanguage language;

    public CaseResource(VisibleCases visibleCases, CurrentCaller caller, CaseStepRepository steps,
                        DeadlineAlertRepository alerts, CaseListRepository list, SupervisionConfig config,
                        CallerLanguage language) {
        this.list = list;
        this.config = config;
        this.language = language;
        this.visibleCases = visibleCases;
        this.alerts = alerts;
        this.steps = steps;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({DISPATCHER, HANDLER, SUPERVISOR, LEADER, ADMIN, AUDITOR})
    @Operation(summary = "The cases within the caller's scope, a page at a time (the staff workbench)",
            description = "Exactly the cases GET /api/cases/{caseId} shows the caller (docs/security.md), filtered in the"
                    + " database: a handler the cases of its department, now or before; a dispatcher, supervisor, auditor or"
                    + " admin those of its area (locality claim; CN: the country); a supervisor also those whose unit it"
                    + " supervises; a leader the cases it owns. Never an accusation to its accused unit. Filters narrow"
                    + " that scope; they never widen it.")
    @APIResponse(responseCode = "200", description = "One page: items, page, size and the total of the filtered list",
            content = @Content(schema = @Schema(implementation = CasePage.class)))
    @APIResponse(responseCode = "400", description = "An unknown status, due state or sort, a bad locality, page or size;"
            + " the errors name the query parameter",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<PageOf<CaseSummary>> list(
            @Parameter(description = "Page number, from 0") @QueryParam("page") Integer page,
            @Parameter(description = "Page size, 1 to 100 (default 20)") @QueryParam("size") Integer size,
            @Parameter(description = "Case statuses, comma-separated (ASSIGNED, ACCEPTED, NOT_ACCEPTED, REPLIED,"
                    + " UNDER_REVIEW, REVIEWED, UNDER_RE_REVIEW, FINAL, WITHDRAWN, RETURNED)")
            @QueryParam("status") List<String> status,
            @Parameter(description = "States of the running limit today (Beijing time), comma-separated: NORMAL, WARNING"
                    + " (from petition.supervision.warning-lead-days before the due day), OVERDUE")
            @QueryParam("due") List<String> due,
            @Parameter(description = "The handling unit's code") @QueryParam("department") String department,
            @Parameter(description = "A division code or its prefix (51, 5117, 511703, 511700): the case's locality lies in it")
            @QueryParam("locality") String locality,
            @Parameter(description = "true: only the cases owned by the caller as leader (its leader_id claim); implicit for"
                    + " a leader") @QueryParam("owned") Boolean owned,
            @Parameter(description = "urgency (default: overdue, then warning, then the nearest due day, then the oldest),"
                    + " received (oldest first) or -received (newest first)",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"urgency", "received", "-received"}))
            @QueryParam("sort") String sort) {
        PageRequest request = PageRequest.of(page, size);
        Caller who = caller.get();
        LocalDate today = LocalDate.now(BeijingTime.ZONE);
        int lead = config.warningLeadDays();
        // a leader's scope is the cases it owns (CaseScope), so owned=true is implicit for it
        boolean ownedOnly = Boolean.TRUE.equals(owned);
        CaseListRepository.Filter filter = new CaseListRepository.Filter(
                values("status", status, CaseStatus.class), values("due", due, DueState.class),
                department == null || department.isBlank() ? null : department.strip(),
                locality == null || locality.isBlank() ? null : DivisionPrefix.parse("locality", locality.strip(), language.texts()).prefix(),
                !ownedOnly ? null : who.leaderId() != null ? who.leaderId() : CaseListRepository.Filter.NOBODY,
                sort(sort), today, today.plusDays(lead));
        CaseScopeSql.Condition scope = CaseScopeSql.visible(who, CaseListRepository.SCOPE_COLUMNS);
        return list.page(scope, filter, request).map(found -> found.map(c -> CaseSummary.of(c, today, lead)));
    }

    /** The OpenAPI schema of the list's answer. */
    @Schema(name = "CaseSummaryPage")
    public record CasePage(List<CaseSummary> items, int page, int size, long total) {
    }

    /** The values of a list parameter (repeated or comma-separated), each one of the enum's names; else 400 naming it. */
    private static <E extends Enum<E>> Set<E> values(String parameter, List<String> given, Class<E> type) {
        Set<E> values = EnumSet.noneOf(type);
        if (given == null) {
            return values;
        }
        for (String value : given.stream().flatMap(v -> Arrays.stream(v.split(","))).map(String::strip)
                .filter(v -> !v.isEmpty()).toList()) {
            try {
                values.add(Enum.valueOf(type, value));
            } catch (IllegalArgumentException e) {
                String known = String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList());
                throw FieldException.of(parameter, "未知的取值，可选：" + known + " / unknown value, one of: " + known);
            }
        }
        return values;
    }

    private static CaseListRepository.Sort sort(String sort) {
        if (sort == null || sort.isBlank()) {
            return CaseListRepository.Sort.URGENCY;
        }
        return switch (sort.strip()) {
            case "urgency" -> CaseListRepository.Sort.URGENCY;
            case "received" -> CaseListRepository.Sort.RECEIVED;
            case "-received" -> CaseListRepository.Sort.RECEIVED_DESC;
            default -> throw FieldException.of("sort", "须为 urgency、received 或 -received / must be urgency, received or -received");
        };
    }

    @GET
    @Path("{caseId}")
    @RolesAllowed({DISPATCHER, HANDLER, SUPERVISOR, LEADER, ADMIN, AUDITOR})
    @Operation(summary = "A case's status and deadlines", description = "Within the caller's scope (docs/security.md): a handler the cases of its department, now or before;"
            + " a dispatcher, supervisor, auditor or admin those of its area; the supervising body; the owning leader.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "404", description = "No such case, or not visible to the caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<CaseView> get(@PathParam("caseId") UUID caseId) {
        return visibleCases.get(caseId).map(CaseView::of);
    }

    @GET
    @Path("{caseId}/steps")
    @RolesAllowed({DISPATCHER, HANDLER, SUPERVISOR, LEADER, ADMIN, AUDITOR})
    @Operation(summary = "Every step of the case: who did what, when, with which reason or text (the audit trail)")
    @APIResponse(responseCode = "200", description = "Oldest first")
    @APIResponse(responseCode = "404", description = "No such case, or not visible to the caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<List<CaseStep>> steps(@PathParam("caseId") UUID caseId) {
        return visibleCases.get(caseId).chain(found -> steps.history(caseId));
    }

    @GET
    @Path("{caseId}/alerts")
    @RolesAllowed({DISPATCHER, HANDLER, SUPERVISOR, LEADER, ADMIN, AUDITOR})
    @Operation(summary = "The alerts issued on a case: warnings, overdue, supervision orders, escalations")
    @APIResponse(responseCode = "200", description = "Oldest first")
    @APIResponse(responseCode = "404", description = "No such case, or not visible to the caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<List<DeadlineAlert>> alerts(@PathParam("caseId") UUID caseId) {
        return visibleCases.get(caseId).chain(found -> alerts.ofCase(caseId));
    }

}
