package org.openpetition.portal.services;

import io.smallrye.mutiny.Multi;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.core.http.HttpClient;
import io.vertx.mutiny.core.http.HttpClientResponse;
import jakarta.enterprise.context.ApplicationScoped;
import org.openpetition.portal.PortalConfig;

/**
 * notification-service's live inbox stream (server-sent events), opened with the user's token. Emits one item
 * per event that stream sends; the portal's own stream passes on only that something arrived.
 */
@ApplicationScoped
public class InboxStream {

    private final HttpClient client;
    private final PortalConfig config;

    public InboxStream(Vertx vertx, PortalConfig config) {
        this.client = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(3000));
        this.config = config;
    }

    public Multi<String> arrivals(String bearer) {
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET)
                .setAbsoluteURI(config.notificationUrl() + "/api/inbox/stream")
                .putHeader("Accept", "text/event-stream")
                .putHeader("Authorization", "Bearer " + bearer);
        return client.request(options)
                .chain(request -> request.send())
                .onItem().transformToMulti(HttpClientResponse::toMulti)
                .map(Buffer::toString)
                .filter(chunk -> chunk.contains("data:"));
    }
}
