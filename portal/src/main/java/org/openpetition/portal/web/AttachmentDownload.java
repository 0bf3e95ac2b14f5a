package org.openpetition.portal.web;

import io.quarkus.security.Authenticated;
import io.quarkus.security.ForbiddenException;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.ServiceUnavailableException;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.UUID;
import org.openpetition.portal.services.Service;
import org.openpetition.portal.services.ServiceCalls;
import org.openpetition.portal.session.UserToken;
import org.openpetition.portal.view.PageContext;

/**
 * An attachment of a petition, fetched from intake-service with the user's own token and passed on as intake
 * sent it (type, file name, digest): a petitioner's own, a handler's case's. Intake decides who may read it; a
 * refusal, an unknown file or an unreachable service shows the portal's error page ({@link ErrorPages}).
 */
@Path("/attachments/{caseId}/{attachmentId}")
@Authenticated
public class AttachmentDownload {

    private static final String[] PASSED_ON = {"Content-Type", "Content-Disposition", "Repr-Digest", "X-Content-Type-Options"};

    private final ServiceCalls services;
    private final UserToken token;

    public AttachmentDownload(ServiceCalls services, UserToken token) {
        this.services = services;
        this.token = token;
    }

    @GET
    public Uni<Response> download(@PathParam("caseId") UUID caseId, @PathParam("attachmentId") UUID attachmentId) {
        return services.raw(Service.INTAKE, "/api/petitions/" + caseId + "/attachments/" + attachmentId, Map.of(), "*/*",
                        token.bearer())
                .onFailure().transform(unreachable -> new ServiceUnavailableException())
                .map(answer -> {
                    switch (answer.statusCode()) {
                        case 200 -> { }
                        case 401, 403 -> throw new ForbiddenException();
                        case 404 -> throw new NotFoundException();
                        default -> throw new ServiceUnavailableException();
                    }
                    Response.ResponseBuilder file = Response.ok(answer.body() == null ? new byte[0] : answer.body().getBytes());
                    for (String header : PASSED_ON) {
                        String value = answer.getHeader(header);
                        if (value != null) {
                            file.header(header, value);
                        }
                    }
                    return file.header("Cache-Control", "private, no-store").build();
                });
    }
}
