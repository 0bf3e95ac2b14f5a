package org.openpetition.notification.service;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.pgclient.PgConnectOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.openpetition.notification.repository.InboxChannel;

/**
 * Live inbox arrivals for server-sent events. A stored inbox message is announced with PostgreSQL
 * NOTIFY when its transaction commits; every replica LISTENs, so a user connected to any replica sees
 * it at once. The listener reconnects by itself when the database connection drops.
 */
@ApplicationScoped
public class InboxStream {

    private static final Logger LOG = Logger.getLogger(InboxStream.class);

    /** Arrivals one stream holds while it writes out earlier ones. */
    static final int PENDING = 256;

    /** An inbox message that arrived. */
    public record Arrival(UUID id, String owner) {
    }

    private final BroadcastProcessor<Arrival> arrivals = BroadcastProcessor.create();
    private final PgSubscriber subscriber;

    public InboxStream(Vertx vertx, @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
                       @ConfigProperty(name = "quarkus.datasource.username") String user,
                       @ConfigProperty(name = "quarkus.datasource.password") String password) {
        PgConnectOptions options = PgConnectOptions.fromUri(url.replaceFirst("^vertx-reactive:", ""))
                .setUser(user).setPassword(password);
        this.subscriber = PgSubscriber.subscriber(vertx, options).reconnectPolicy(retries -> 1000L);
    }

    void start(@Observes StartupEvent ignored) {
        subscriber.channel(InboxChannel.NAME).handler(payload -> {
            int space = payload.indexOf(' ');
            if (space > 0) {
                arrivals.onNext(new Arrival(UUID.fromString(payload.substring(0, space)), payload.substring(space + 1)));
            }
        });
        subscriber.connect().subscribe().with(
                ok -> LOG.debug("listening for inbox arrivals"),
                error -> LOG.warnf("inbox arrivals not listened to yet (%s); retrying", error.getMessage()));
    }

    void stop(@Observes ShutdownEvent ignored) {
        subscriber.closeAndForget();
    }

    /**
     * The arrivals for these inboxes, from now on. The broadcast does not wait for a subscriber, so each one
     * buffers what arrives while it is still writing out earlier messages (up to {@value #PENDING}; past that
     * its stream ends with an error, and the client reconnects).
     */
    public Multi<Arrival> arrivalsFor(Set<String> owners) {
        return arrivals.filter(a -> owners.contains(a.owner())).onOverflow().buffer(PENDING);
    }
}
