package org.openpetition.notification.rest;

import static org.openpetition.platform.security.Roles.ADMIN;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.security.Authenticated;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.openpetition.notification.service.RecipientPreferences;
import org.openpetition.platform.problem.FieldException;
import org.openpetition.platform.problem.Problem;

/**
 * Per-recipient channel preferences. A recipient key is user:&lt;subject&gt;, unit:&lt;code&gt; or
 * leader:&lt;id&gt;; callers read and change their own (their account, their unit, as a leader their
 * leader key), an admin anyone's.
 */
@Path("/api/preferences/{recipientKey}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Preferences", description = "Which channels a recipient wants, in which language, and quiet hours")
@SecurityRequirement(name = "bearer")
@Authenticated
public class PreferenceResource {

    private final RecipientPreferences preferences;
    private final InboxOwners owners;
    private final SecurityIdentity identity;

    public PreferenceResource(RecipientPreferences preferences, InboxOwners owners, SecurityIdentity identity) {
        this.preferences = preferences;
        this.owners = owners;
        this.identity = identity;
    }

    @GET
    @WithSession
    @Operation(summary = "A recipient's preferences")
    @APIResponse(responseCode = "404", description = "None stored: every channel with an address is used")
    public Uni<PreferenceView> get(@PathParam("recipientKey") String key) {
        allowed(key);
        return preferences.find(key).map(p -> {
            if (p == null) {
                throw new NotFoundException("no preferences stored / 未设置");
            }
            return PreferenceView.of(p);
        });
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @WithTransaction
    @Operation(summary = "Stores a recipient's preferences")
    @APIResponse(responseCode = "400", description = "A field is not valid (problem details name it)")
    @APIResponse(responseCode = "403", description = "Not the caller's own recipient key")
    public Uni<PreferenceView> put(@PathParam("recipientKey") String key, @Valid @NotNull PreferenceRequest request) {
        allowed(key);
        if ((request.quietStart() == null) != (request.quietEnd() == null)) {
            throw FieldException.of(request.quietStart() == null ? "quietStart" : "quietEnd",
                    "免打扰时段需同时给出开始和结束 / quiet hours need both a start and an end");
        }
        if (request.phone() != null && key.startsWith("user:")) {
            throw new FieldException(List.of(new Problem.FieldError("phone",
                    "信访人的手机号随信访事项登记 / a petitioner's number is the one given with the petition")));
        }
        return preferences.store(key, request.channels(), request.language(),
                request.quietStart() == null ? null : LocalTime.parse(request.quietStart()),
                request.quietEnd() == null ? null : LocalTime.parse(request.quietEnd()), request.phone(),
                identity.getPrincipal().getName()).map(PreferenceView::of);
    }

    private void allowed(String key) {
        if (!key.matches("(user|unit|leader):[A-Za-z0-9._-]{1,100}")) {
            throw FieldException.of("recipientKey", "应为 user:、unit: 或 leader: 加标识 / user:, unit: or leader: and an id");
        }
        if (!identity.hasRole(ADMIN) && !owners.all().contains(key)) {
            throw new ForbiddenException("not your recipient key / 不是您的接收人");
        }
    }
}
