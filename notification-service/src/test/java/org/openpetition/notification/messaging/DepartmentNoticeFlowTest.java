package org.openpetition.notification.messaging;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.openpetition.contracts.CloudEvent;
import org.openpetition.contracts.Topics;
import org.openpetition.contracts.event.CaseAssignedV1;
import org.openpetition.devinfra.InfraTestResource;
import org.openpetition.devinfra.SharedInfrastructure;
import org.openpetition.devinfra.SmtpServer;
import org.openpetition.devinfra.TopicProbe;

/** case.assigned.v1 from the real broker becomes one email, read back from the real SMTP server. */
@QuarkusTest
@WithTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "service", value = "notification"))
class DepartmentNoticeFlowTest {

    @Inject
    ObjectMapper json;

    private final TopicProbe probe = new TopicProbe(SharedInfrastructure.get().kafka().bootstrapServers());
    private final SmtpServer smtp = SharedInfrastructure.get().smtp();

    @Test
    void assignedDepartmentReceivesOneFormalNoticeEvenIfTheEventIsRedelivered() throws Exception {
        UUID caseId = UUID.randomUUID();
        String address = "dept-" + caseId + "@dept.demo.openpetition.local";
        String eventId = UUID.randomUUID().toString();
        send(caseId, eventId, address);
        send(caseId, eventId, address);

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> !smtp.receivedFor(address).isEmpty());
        Thread.sleep(3000);
        List<MimeMessage> mails = smtp.receivedFor(address);
        assertEquals(1, mails.size(), "one message for the event, recipient and channel");
        MimeMessage mail = mails.get(0);
        assertTrue(mail.getSubject().contains("XF20261123-ABCDEFGH"));
        assertTrue(mail.getSubject().startsWith("【信访交办】"));
        String body = mail.getContent().toString();
        assertTrue(body.startsWith("达州市达川区住房和城乡建设局："), body);
        assertTrue(body.contains("十五日内决定是否受理"), body);
        assertTrue(body.contains("2026-11-23 10:00"), "times in Beijing time: " + body);
        assertTrue(body.contains("decide within 15 days"), "English follows the Chinese: " + body);

        given().auth().oauth2(token("auditor")).when().get("/api/notifications?caseId=" + caseId)
                .then().statusCode(200)
                .body("size()", is(1))
                .body("[0].status", is("SENT"))
                .body("[0].attempts", is(1))
                .body("[0].channel", is("EMAIL"))
                .body("[0].recipient", is(address));
    }

    @Test
    void deliveryLogNeedsTheRightRole() {
        given().when().get("/api/notifications?caseId=" + UUID.randomUUID()).then().statusCode(401);
        given().auth().oauth2(token("citizen")).when().get("/api/notifications?caseId=" + UUID.randomUUID()).then().statusCode(403);
        given().auth().oauth2(token("auditor")).when().get("/api/notifications").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", is("caseId"));
    }

    private void send(UUID caseId, String eventId, String address) throws Exception {
        Instant assignedAt = Instant.parse("2026-11-23T02:00:00Z");
        CaseAssignedV1 event = new CaseAssignedV1(caseId, "XF20261123-ABCDEFGH", "511703-ZJJ", "达州市达川区住房和城乡建设局",
                address, "511703", "URBAN_HOUSING", "属地管理、分级负责", assignedAt.minusSeconds(3600), assignedAt, false, null, null, null, null, null);
        probe.sendCloudEvent(Topics.CASE_ASSIGNED_V1, caseId.toString(), eventId, CloudEvent.TYPE_CASE_ASSIGNED_V1,
                json.writeValueAsString(event));
    }

    private static String token(String user) {
        return SharedInfrastructure.get().keycloak().accessToken(user);
    }
}
