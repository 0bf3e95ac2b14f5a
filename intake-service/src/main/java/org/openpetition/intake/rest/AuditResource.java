package org.openpetition.intake.rest;

import static org.openpetition.platform.security.Roles.AUDITOR;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.openpetition.intake.repository.PersonalDataReadRepository;
import org.openpetition.platform.security.CaseScope;
import org.openpetition.platform.security.CurrentCaller;
import org.openpetition.platform.security.Jurisdiction;

/** The audit trail of reads of petitioners' personal data in clear, for auditors of the area. */
@Path("/api/audit/personal-data-reads")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit", description = "Who read petitioners' personal data in clear")
@SecurityRequirement(name = "bearer")
public class AuditResource {

    private final PersonalDataReadRepository reads;
    private final CurrentCaller caller;

    public AuditResource(PersonalDataReadRepository reads, CurrentCaller caller) {
        this.reads = reads;
        this.caller = caller;
    }

    /** One read: who, which case, what, when. */
    public record ReadView(UUID caseId, String readBy, String roles, String what, Instant at) {
    }

    @GET
    @WithSession
    @RolesAllowed(AUDITOR)
    @Operation(summary = "Reads of personal data in clear of the cases in the auditor's area, newest first",
            description = "Each full view of a petition and each attachment download: the reader, its roles, the case"
                    + " and the time; never the data. The area is the auditor's locality claim.")
    @APIResponse(responseCode = "403", description = "The token names no area")
    public Uni<List<ReadView>> list(@QueryParam("caseId") UUID caseId,
                                    @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        Jurisdiction area = CaseScope.listArea(caller.get(), AUDITOR);
        if (area == null) {
            throw new ForbiddenException("the auditor's token names no area (locality claim)");
        }
        return reads.inArea(area, caseId, limit)
                .map(list -> list.stream().map(r -> new ReadView(r.caseId, r.readBy, r.roles, r.what, r.at)).toList());
    }
}
