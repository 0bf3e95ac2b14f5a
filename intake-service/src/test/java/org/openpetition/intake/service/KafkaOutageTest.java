package org.openpetition.intake.service;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.openpetition.intake.IntakeTestSupport.*;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
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
        sleep(Duration.ofSeconds(3));
        assertEquals(2, count("select count(*) from outbox_event where record_key = ? and published_at is null", caseId),
                "the events (petition.submitted.v1, petitioner.contact.v1) wait in the outbox");

        infra().kafka().restart();
        var records = new TopicProbe(infra().kafka().bootstrapServers())
                .awaitRecords(Topics.PETITION_SUBMITTED_V1, caseId, 1, Duration.ofSeconds(90), Duration.ofSeconds(3));
        assertEquals(1, records.size(), "published exactly once after the broker came back");
        var contacts = new TopicProbe(infra().kafka().bootstrapServers())
                .awaitRecords(Topics.PETITIONER_CONTACT_V1, caseId, 1, Duration.ofSeconds(30), Duration.ofSeconds(1));
        assertEquals(1, contacts.size(), "the contact event too, once");
        assertEquals(2, count("select count(*) from outbox_event where record_key = ? and published_at is not null", caseId));
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
