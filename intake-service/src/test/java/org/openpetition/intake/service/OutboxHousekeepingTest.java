package org.openpetition.intake.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.openpetition.intake.IntakeTestSupport.count;
import static org.openpetition.intake.IntakeTestSupport.execute;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openpetition.devinfra.InfraTestResource;
import org.openpetition.platform.outbox.OutboxHousekeeping;

/**
 * Housekeeping deletes what has served its time (events published more than 7 days ago, marks of applied
 * events older than 45 days) and nothing else: never an unpublished event, however old.
 */
@QuarkusTest
@WithTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "service", value = "intake"))
class OutboxHousekeepingTest {

    @Inject
    OutboxHousekeeping housekeeping;

    @Test
    void publishedEventsAndOldMarksGoUnpublishedEventsStay() {
        String run = UUID.randomUUID().toString();
        // the unpublished one is old on purpose; if the relay publishes it meanwhile (to a topic nobody reads), it
        // becomes an event published now, which housekeeping keeps as well
        insertEvent(run, "old-published", "now() - interval '8 days'", "now() - interval '8 days'");
        insertEvent(run, "recent-published", "now() - interval '6 days'", "now() - interval '6 days'");
        insertEvent(run, "old-unpublished", "now() - interval '30 days'", null);
        insertMark(run + "/old", "now() - interval '46 days'");
        insertMark(run + "/recent", "now() - interval '44 days'");

        long[] deleted = housekeeping.purge().await().atMost(Duration.ofSeconds(30));

        assertEquals(0, count("select count(*) from outbox_event where record_key = ?", run + "/old-published"));
        assertEquals(1, count("select count(*) from outbox_event where record_key = ?", run + "/recent-published"));
        assertEquals(1, count("select count(*) from outbox_event where record_key = ?", run + "/old-unpublished"));
        assertEquals(0, count("select count(*) from processed_event where event_id = ?", run + "/old"));
        assertEquals(1, count("select count(*) from processed_event where event_id = ?", run + "/recent"));
        assertEquals(1, deleted[0], "published events deleted");
        assertEquals(1, deleted[1], "marks deleted");
        execute("delete from outbox_event where record_key = ?", run + "/old-unpublished");
    }

    private static void insertEvent(String run, String name, String occurredAt, String publishedAt) {
        execute("insert into outbox_event (event_id, topic, record_key, event_type, payload, occurred_at, published_at)"
                + " values (?, 'housekeeping.test', ?, 'test', '{}', " + occurredAt + ", " + publishedAt + ")",
                UUID.randomUUID(), run + "/" + name);
    }

    private static void insertMark(String eventId, String processedAt) {
        execute("insert into processed_event (consumer, event_id, processed_at) values ('housekeeping-test', ?, "
                + processedAt + ")", eventId);
    }
}
