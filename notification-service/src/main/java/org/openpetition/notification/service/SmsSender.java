package org.openpetition.notification.service;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.openpetition.notification.config.SmsConfig;
import org.openpetition.notification.repository.DeliveryStore.Claimed;

/**
 * SMS through the configured HTTP gateway: {@code POST {to, text, reference}} with the bearer key and
 * the message id as Idempotency-Key. 2xx: accepted. 4xx other than 408 and 429: refused for good (a
 * bad number, a text it will not take). Anything else, or no answer in time: retried.
 */
@ApplicationScoped
public class SmsSender implements ChannelSender {

    private final SmsConfig config;
    private final WebClient client;

    public SmsSender(SmsConfig config, Vertx vertx) {
        this.config = config;
        this.client = WebClient.create(vertx, new WebClientOptions().setKeepAlive(true).setMaxPoolSize(16));
    }

    @Override
    public Uni<Void> send(Claimed message) {
        if (config.url().isEmpty()) {
            return Uni.createFrom().failure(new PermanentFailure("no SMS gateway configured (petition.sms.url)"));
        }
        var request = client.postAbs(config.url().get())
                .timeout(config.timeout().toMillis())
                .putHeader("Idempotency-Key", message.id().toString());
        config.apiKey().ifPresent(key -> request.putHeader("Authorization", "Bearer " + key));
        return request.sendJsonObject(new JsonObject().put("to", message.recipient()).put("text", message.body())
                        .put("reference", message.id().toString()))
                .map(response -> {
                    int status = response.statusCode();
                    if (status >= 200 && status < 300) {
                        return null;
                    }
                    String reason = "SMS gateway answered " + status;
                    if (status >= 400 && status < 500 && status != 408 && status != 429) {
                        throw new PermanentFailure(reason);
                    }
                    throw new IllegalStateException(reason);
                })
                .replaceWithVoid();
    }

    @PreDestroy
    void close() {
        client.close();
    }
}
