package org.openpetition.intake.service;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.openpetition.intake.IntakeTestSupport.*;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openpetition.contracts.Topics;
import org.openpetition.devinfra.InfraTestResource;
import org.openpetition.devinfra.TopicProbe;

/**
 * With the Kafka broker down, a petition is still accepted and stored; its event waits in the
 * outbox and is published, once, when the broker is back.
 */
@QuarkusTest
@WithTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "service", value = "intake"))
class KafkaOutageTest {

    @AfterEach
    void brokerBack() {
        infra().kafka().restart();
    }

    @Test
    void petitionAcceptedWhileKafkaIsDownIsPublishedWhenItIsBack() {
        String token = token("clerk");
        infra().kafka().stop();

        String caseId = given().auth().oauth2(token)
                .contentType("application/json").body(petitionJson("PHONE"))
                .when().post("/api/petitions")
                .then().statusCode(201)
                .extract().path("caseId");
        UUID id = UUID.fromString(caseId);
        assertEquals(1, count("select count(*) from petition where id = ?", id), "stored while Kafka is down");
        // the relay tried to publish them and could not: they wait in the outbox
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> count("select count(*) from outbox_event "
                + "where record_key = ? and published_at is null and attempts > 0", caseId) == 2);
        assertEquals(0, count("select count(*) from outbox_event where record_key = ? and published_at is not null", caseId),
                "the events (petition.submitted.v1, petitioner.contact.v1) wait in the outbox");

        infra().kafka().restart();
        // a petition registered after the broker is back: the relay publishes in the outbox's order, so by the time
        // its events are on the topics, a second send of the first petition's events would be there too
        String marker = given().auth().oauth2(token).contentType("application/json").body(petitionJson("PHONE"))
                .when().post("/api/petitions").then().statusCode(201).extract().path("caseId");
        TopicProbe kafka = new TopicProbe(infra().kafka().bootstrapServers());
        var records = kafka.awaitRecords(Topics.PETITION_SUBMITTED_V1, r -> caseId.equals(r.key()) || marker.equals(r.key()),
                2, Duration.ofSeconds(90));
        assertEquals(List.of(caseId, marker), keys(records, caseId, marker),
                "published exactly once after the broker came back, by the time the later petition's event is there");
        var contacts = kafka.awaitRecords(Topics.PETITIONER_CONTACT_V1, r -> caseId.equals(r.key()) || marker.equals(r.key()),
                2, Duration.ofSeconds(30));
        assertEquals(List.of(caseId, marker), keys(contacts, caseId, marker), "the contact event too, once");
        assertEquals(2, count("select count(*) from outbox_event where record_key = ? and published_at is not null", caseId));
    }

    /** The keys of the records, the first case's before the marker's (they are on different partitions). */
    private static List<String> keys(List<ConsumerRecord<String, String>> records, String first, String marker) {
        return records.stream().map(ConsumerRecord::key).sorted(Comparator.comparing(key -> key.equals(first) ? 0 : 1))
                .toList();
    }
}
