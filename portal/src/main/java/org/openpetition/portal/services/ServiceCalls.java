package org.openpetition.portal.services;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.Json;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpRequest;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;
import io.vertx.mutiny.ext.web.multipart.MultipartForm;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.jboss.logging.Logger;
import org.openpetition.portal.PortalConfig;
import org.openpetition.portal.session.ClientAddress;

/**
 * Calls the services' REST APIs with the signed-in user's own access token (or none, for the public
 * endpoints): the services' authorization decides what the user may see and do, never the portal. Each call
 * names the browser's address in {@code X-Forwarded-For} ({@link ClientAddress}). A service
 * that cannot be reached answers {@link Answer#unreachable()}, which the pages show as such.
 */
@ApplicationScoped
public class ServiceCalls {

    private static final Logger LOG = Logger.getLogger(ServiceCalls.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final WebClient client;
    private final PortalConfig config;
    private final ClientAddress clientAddress;

    public ServiceCalls(Vertx vertx, PortalConfig config, ClientAddress clientAddress) {
        this.client = WebClient.create(vertx, new WebClientOptions().setConnectTimeout(3000).setUserAgent("petition-portal"));
        this.config = config;
        this.clientAddress = clientAddress;
    }

    public Uni<Answer> get(Service service, String path, Map<String, String> query, String bearer) {
        HttpRequest<Buffer> request = request("GET", service, path, bearer);
        withQuery(request, query);
        return send(service, path, request.send());
    }

    public Uni<Answer> get(Service service, String path, String bearer) {
        return get(service, path, Map.of(), bearer);
    }

    public Uni<Answer> post(Service service, String path, Object body, String bearer) {
        return post(service, path, Map.of(), body, bearer);
    }

    /** A POST with query parameters (those with a value) and a JSON body, or none for a null body. */
    public Uni<Answer> post(Service service, String path, Map<String, String> query, Object body, String bearer) {
        HttpRequest<Buffer> request = request("POST", service, path, bearer);
        withQuery(request, query);
        return send(service, path, body == null ? request.send()
                : request.putHeader("Content-Type", "application/json").sendBuffer(Buffer.buffer(Json.encode(body))));
    }

    public Uni<Answer> put(Service service, String path, Object body, String bearer) {
        HttpRequest<Buffer> request = request("PUT", service, path, bearer).putHeader("Content-Type", "application/json");
        return send(service, path, request.sendBuffer(Buffer.buffer(Json.encode(body))));
    }

    /** Uploads one file as multipart/form-data with the given field name. */
    public Uni<Answer> upload(Service service, String path, String field, String fileName, String mediaType,
                              java.nio.file.Path file, String bearer) {
        MultipartForm form = MultipartForm.create().binaryFileUpload(field, fileName, file.toString(), mediaType);
        return send(service, path, request("POST", service, path, bearer).sendMultipartForm(form));
    }

    /** The raw answer (for a download such as CSV): status, content type and bytes. */
    public Uni<HttpResponse<Buffer>> raw(Service service, String path, Map<String, String> query, String accept, String bearer) {
        HttpRequest<Buffer> request = request("GET", service, path, bearer).putHeader("Accept", accept);
        withQuery(request, query);
        return request.send().ifNoItem().after(TIMEOUT).fail();
    }

    /** Adds the query parameters that have a value (an empty filter is no filter). */
    private static void withQuery(HttpRequest<Buffer> request, Map<String, String> query) {
        query.forEach((name, value) -> {
            if (value != null && !value.isBlank()) {
                request.addQueryParam(name, value);
            }
        });
    }

    private HttpRequest<Buffer> request(String method, Service service, String path, String bearer) {
        HttpRequest<Buffer> request = client.requestAbs(io.vertx.core.http.HttpMethod.valueOf(method),
                        service.baseUrl(config) + path)
                .putHeader("Accept", "application/json, application/problem+json");
        if (bearer != null) {
            request.putHeader("Authorization", "Bearer " + bearer);
        }
        String browser = clientAddress.host();
        if (browser != null) {
            request.putHeader("X-Forwarded-For", browser);
        }
        return request;
    }

    private Uni<Answer> send(Service service, String path, Uni<HttpResponse<Buffer>> response) {
        return response.ifNoItem().after(TIMEOUT).fail()
                .map(ServiceCalls::answer)
                .onFailure().recoverWithItem(failure -> {
                    LOG.warnf("%s %s could not be reached: %s", service, path, failure.toString());
                    return Answer.unreachable();
                });
    }

    private static Answer answer(HttpResponse<Buffer> response) {
        Buffer body = response.body();
        JsonNode json = null;
        if (body != null && body.length() > 0) {
            try {
                json = Answer.JSON.readTree(body.getBytes());
            } catch (IOException e) {
                json = null;
            }
        }
        return new Answer(response.statusCode(), json, false);
    }
}
