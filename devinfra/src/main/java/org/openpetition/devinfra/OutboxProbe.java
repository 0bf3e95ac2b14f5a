package org.openpetition.devinfra;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * What a service published through its outbox, for "exactly these records" checks in tests: a positive
 * marker instead of a fixed wait. Once every outbox row of a key for a topic is marked published (the relay
 * marks a row after the broker acknowledged it), nothing of it is left to come; reading the topic to its
 * end then shows every record, a duplicate the relay sent included.
 */
public final class OutboxProbe {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final String jdbcUrl;
    private final String role;
    private final TopicProbe topics;

    public OutboxProbe(Infrastructure infra, PlatformService service) {
        this.jdbcUrl = infra.postgres().jdbcUrl(service.database());
        this.role = service.database(); // also its password (PostgresServer.createServiceDatabase)
        this.topics = new TopicProbe(infra.kafka().bootstrapServers());
    }

    /**
     * The records of the key on the topic, once the service has published at least {@code expected} outbox
     * rows of the key for the topic and has none left unpublished; fails after 30 s.
     */
    public List<ConsumerRecord<String, String>> published(String topic, Object key, int expected) {
        String recordKey = key.toString();
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        long[] rows = rows(topic, recordKey);
        while (rows[0] < expected || rows[1] > 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the outbox of " + role + " has " + rows[0] + " published and " + rows[1]
                        + " unpublished rows of " + recordKey + " for " + topic + " after " + TIMEOUT + "; expected "
                        + expected + " published");
            }
            pause();
            rows = rows(topic, recordKey);
        }
        return topics.recordsUpToEnd(topic, recordKey);
    }

    /**
     * The records on the topic that match, once the service has no outbox row for the topic left
     * unpublished (for records whose key the test does not know); fails after 30 s.
     */
    public List<ConsumerRecord<String, String>> published(String topic, Predicate<ConsumerRecord<String, String>> match) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (rows(topic, null)[1] > 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the outbox of " + role + " still has unpublished rows for " + topic + " after "
                        + TIMEOUT);
            }
            pause();
        }
        return topics.recordsUpToEnd(topic, match);
    }

    /** [published, unpublished] outbox rows of the key (or of every key: null) for the topic. */
    private long[] rows(String topic, String key) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, role, role);
             PreparedStatement statement = connection.prepareStatement("""
                     select count(*) filter (where published_at is not null), count(*) filter (where published_at is null)
                     from outbox_event where topic = ? and (cast(? as text) is null or record_key = ?)""")) {
            statement.setString(1, topic);
            statement.setString(2, key);
            statement.setString(3, key);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return new long[] {result.getLong(1), result.getLong(2)};
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the outbox of " + role, e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
