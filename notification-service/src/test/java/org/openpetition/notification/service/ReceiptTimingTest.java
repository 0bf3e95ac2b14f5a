package org.openpetition.notification.service;

import org.openpetition.contracts.rules.BeijingTime;
import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openpetition.contracts.CloudEvent;
import org.openpetition.contracts.Topics;
import org.openpetition.contracts.event.PetitionerContactV1;
import org.openpetition.devinfra.InfraTestResource;
import org.openpetition.notification.Channel;

/**
 * When the service's own translator and composer let a receipt's SMS go out in the recipient's quiet
 * hours: for a petition the petitioner submitted themselves, shortly after the submission; never for one a
 * clerk recorded, and not for a self-service receipt composed long after (an outage). The delivery of
 * both cases through Kafka, the store and the SMS gateway is in {@link DeliveryReliabilityTest}.
 */
@QuarkusTest
@WithTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "service", value = "notification"))
class ReceiptTimingTest {

    private static final ZoneId BEIJING = BeijingTime.ZONE;

    @Inject
    NoticeTranslator translator;

    @Inject
    MessageComposer composer;

    @Inject
    ObjectMapper json;

    @Test
    void aSelfServiceReceiptGoesAtOnceOnlyWhileTheSubmissionIsRecent() throws Exception {
        Instant now = Instant.now();
        // quiet hours around now, whatever the time of day
        LocalTime local = LocalTime.ofInstant(now, BEIJING);
        Preference quiet = new Preference("user:u1", Set.of(Channel.SMS), "zh", local.minusHours(1), local.plusHours(1), null);
        Instant held = QuietHours.sendAt(now, quiet.quietStart(), quiet.quietEnd(), BEIJING);
        assertTrue(held.isAfter(now.plus(Duration.ofMinutes(50))), "the window is quiet: " + held);

        assertEquals(now, smsSendAt("ONLINE", now.minus(Duration.ofMinutes(2)), now, quiet), "submitted online a moment ago");
        assertEquals(now, smsSendAt("OPEN311", now.minus(Duration.ofMinutes(29)), now, quiet), "through an app, within 30 minutes");
        assertEquals(held, smsSendAt("ONLINE", now.minus(Duration.ofHours(2)), now, quiet), "composed two hours late");
        assertEquals(held, smsSendAt("LETTER", now.minus(Duration.ofMinutes(2)), now, quiet), "a letter a clerk recorded");
        assertEquals(held, smsSendAt("VISIT", now, now, quiet), "a visit");
    }

    private Instant smsSendAt(String channel, Instant submitted, Instant now, Preference preference) throws Exception {
        UUID caseId = UUID.randomUUID();
        PetitionerContactV1 contact = new PetitionerContactV1(caseId, "XF-T1", "secret", channel, submitted, "zh", "u1",
                List.of("SMS"), List.of(new PetitionerContactV1.Contact("吴十", "13900001111", null)));
        ReceivedEvent event = new ReceivedEvent(Topics.PETITIONER_CONTACT_V1, UUID.randomUUID().toString(),
                CloudEvent.TYPE_PETITIONER_CONTACT_V1, caseId, json.writeValueAsString(contact), submitted);
        Notice receipt = translator.translate(event).notices().get(0);
        Recipient petitioner = new Recipient("user:u1", "吴十", "zh", null, "13900001111", "user:u1", Set.of(Channel.SMS));
        List<NewMessage> messages = composer.compose(receipt, petitioner, preference, now);
        assertEquals(1, messages.size());
        assertTrue(messages.get(0).body().contains("XF-T1"), messages.get(0).body());
        return messages.get(0).sendAt();
    }
}
