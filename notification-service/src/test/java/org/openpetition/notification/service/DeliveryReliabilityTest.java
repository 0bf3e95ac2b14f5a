package org.openpetition.notification.service;

import org.openpetition.contracts.rules.BeijingTime;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openpetition.notification.NotificationTestSupport.*;

import com.fasterxml.jackson.databind.JsonNode;
import org.openpetition.notification.NotificationTestSupport;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.openpetition.contracts.CloudEvent;
import org.openpetition.contracts.Topics;
import org.openpetition.devinfra.InfraTestResource;
import org.openpetition.devinfra.OutboxProbe;
import org.openpetition.devinfra.PlatformService;
import org.openpetition.devinfra.SharedInfrastructure;
import org.openpetition.devinfra.TopicProbe;

/**
 * Retries with back-off, permanent failures and crashes end in the delivery log and on the dead-letter
 * topic, never in a duplicate; quiet hours hold an SMS back; a bad record is dead-lettered alone.
 */
@QuarkusTest
@WithTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "service", value = "notification"))
class DeliveryReliabilityTest {

    /** /q/metrics on the management interface (its own port, not the API's). */
    @TestHTTPResource(value = "metrics", management = true)
    URL metricsUrl;

    @Test
    void aFailingGatewayIsRetriedWithBackOffAndTheTextGoesOutOnce() {
        UUID caseId = UUID.randomUUID();
        String phone = phone();
        double retries = metric("notification_deliveries_total{channel=\"SMS\",outcome=\"retry\"}");
        double sent = metric("notification_deliveries_total{channel=\"SMS\",outcome=\"sent\"}");
        double timed = metric("notification_delivery_latency_seconds_count{channel=\"SMS\"}");
        sms().failNext(2, 503);
        contact(caseId, "孙八", phone, null, null, "zh");
        onlySms(phone);
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                given().auth().oauth2(token("auditor")).when().get("/api/notifications?caseId=" + caseId)
                        .then().statusCode(200).body("[0].status", is("SENT")).body("[0].attempts", is(3)));
        String id = given().auth().oauth2(token("auditor")).when().get("/api/notifications?caseId=" + caseId)
                .then().extract().path("[0].id");
        given().auth().oauth2(token("auditor")).when().get("/api/notifications/" + id)
                .then().statusCode(200)
                .body("attemptLog.outcome", contains("FAILED", "FAILED", "SENT"))
                .body("attemptLog[0].error", containsString("503"));
        assertEquals(1, sms().receivedFor(phone).size());

        // on /q/metrics (at least: other tests' messages may be delivered meanwhile)
        assertTrue(metric("notification_deliveries_total{channel=\"SMS\",outcome=\"retry\"}") >= retries + 2, "two retries counted");
        assertTrue(metric("notification_deliveries_total{channel=\"SMS\",outcome=\"sent\"}") >= sent + 1, "the delivery counted");
        assertTrue(metric("notification_delivery_latency_seconds_count{channel=\"SMS\"}") >= timed + 1, "its latency recorded");
    }

    private double metric(String series) {
        return NotificationTestSupport.metric(metricsUrl, series);
    }

    @Test
    void aRefusedTextFailsAtOnceAndIsDeadLetteredWithTheReasonThenAnAdminRequeuesIt() throws Exception {
        UUID caseId = UUID.randomUUID();
        String phone = phone();
        sms().failNext(1, 400);
        contact(caseId, "周九", phone, null, null, "zh");
        var letters = new OutboxProbe(SharedInfrastructure.get(), PlatformService.NOTIFICATION)
                .published(Topics.NOTIFICATION_DELIVERY_DLQ, caseId, 1);
        assertEquals(1, letters.size());
        JsonNode letter = JSON.readTree(letters.get(0).value());
        assertEquals("SMS", letter.get("channel").asText());
        assertEquals("RECEIPT", letter.get("kind").asText());
        assertTrue(letter.get("reason").asText().contains("400"), letter.toString());
        assertEquals(phone.substring(0, 3) + "****" + phone.substring(7), letter.get("recipient").asText(), "masked");
        assertTrue(!letters.get(0).value().contains("Qs7-secret"), "no content in the dead letter");
        String id = letter.get("notificationId").asText();
        given().auth().oauth2(token("auditor")).when().get("/api/notifications/" + id)
                .then().statusCode(200).body("status", is("FAILED")).body("attempts", is(1));

        given().auth().oauth2(token("auditor")).when().post("/api/notifications/" + id + "/retry").then().statusCode(403);
        given().auth().oauth2(token("admin")).when().post("/api/notifications/" + id + "/retry").then().statusCode(204);
        onlySms(phone);
        given().auth().oauth2(token("admin")).when().post("/api/notifications/" + id + "/retry").then().statusCode(409)
                .contentType("application/problem+json");
    }

    @Test
    void aSendInterruptedByACrashIsMarkedUncertainAndNotResent() throws Exception {
        UUID id = UUID.randomUUID();
        UUID caseId = UUID.randomUUID();
        String phone = phone();
        try (Connection c = DriverManager.getConnection(SharedInfrastructure.get().postgres().jdbcUrl("notification"),
                "notification", "notification");
             PreparedStatement s = c.prepareStatement("""
                     insert into notification (id, event_id, case_id, kind, channel, recipient, recipient_key, subject, body,
                         status, attempts, created_at, next_attempt_at, claimed_at)
                     values (?, ?, ?, 'RECEIPT', 'SMS', ?, 'petitioner:x/0', 's', 'b', 'SENDING', 0, now(), now(),
                             now() - interval '1 hour')""")) {
            s.setObject(1, id);
            s.setString(2, UUID.randomUUID().toString());
            s.setObject(3, caseId);
            s.setString(4, phone);
            s.executeUpdate();
        }
        var letters = PROBE.awaitRecords(Topics.NOTIFICATION_DELIVERY_DLQ, caseId.toString(), 1, Duration.ofSeconds(30));
        assertTrue(JSON.readTree(letters.get(0).value()).get("reason").asText().contains("never sent twice"));
        given().auth().oauth2(token("auditor")).when().get("/api/notifications/" + id)
                .then().statusCode(200).body("status", is("UNCERTAIN"));
        assertTrue(sms().receivedFor(phone).isEmpty(), "not resent by itself");
    }

    @Test
    void aTextDueInTheRecipientsQuietHoursWaitsForTheirEndUnlessItAnswersWhatTheyJustSubmitted() {
        UUID visit = UUID.randomUUID();
        String user = "quiet-" + visit;
        DateTimeFormatter hhmm = DateTimeFormatter.ofPattern("HH:mm");
        LocalTime now = LocalTime.now(BeijingTime.ZONE);
        given().auth().oauth2(token("admin")).contentType("application/json")
                .body(Map.of("channels", java.util.List.of("SMS", "INBOX"), "quietStart", now.minusHours(1).format(hhmm),
                        "quietEnd", now.plusHours(1).format(hhmm)))
                .when().put("/api/preferences/user:" + user).then().statusCode(200);
        String phone = phone();
        String email = "quiet-" + visit + "@example.org";
        // a visit a clerk recorded for them: its receipt waits
        contact(visit, "吴十", phone, email, user, "zh", "VISIT");
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(token("auditor")).when().get("/api/notifications?caseId=" + visit)
                        .then().statusCode(200).body("size()", is(2))
                        .body("find { it.channel == 'SMS' }.status", is("QUEUED"))
                        .body("find { it.channel == 'INBOX' }.status", is("SENT")));
        String next = given().auth().oauth2(token("auditor")).when().get("/api/notifications?caseId=" + visit + "&channel=SMS")
                .then().extract().path("[0].nextAttemptAt");
        assertTrue(java.time.Instant.parse(next).isAfter(java.time.Instant.now().plusSeconds(3000)), "held until the end: " + next);
        // a petition they submitted online themselves, a moment ago: its receipt goes at once
        UUID online = UUID.randomUUID();
        contact(online, "吴十", phone, email, user, "zh", "ONLINE");
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> sms().receivedFor(phone).size() == 1);
        assertTrue(sms().receivedFor(phone).get(0).text().contains("XF-" + online.toString().substring(0, 8)),
                "the online receipt, not the held one");
        given().auth().oauth2(token("auditor")).when().get("/api/notifications?caseId=" + visit + "&channel=SMS")
                .then().statusCode(200).body("[0].status", is("QUEUED"));
        assertTrue(smtp().receivedFor(email).isEmpty(), "email was turned off by the preference");
    }

    @Test
    void aRecordThatCannotBeReadIsDeadLetteredAloneAndTheOthersGoOn() {
        UUID bad = UUID.randomUUID();
        UUID good = UUID.randomUUID();
        String phone = phone();
        PROBE.send(Topics.CASE_LIFECYCLE_V1, bad.toString(), Map.of(CloudEvent.HEADER_ID, UUID.randomUUID().toString(),
                CloudEvent.HEADER_TYPE, CloudEvent.TYPE_CASE_LIFECYCLE_V1), "{not json");
        contact(good, "郑十一", phone, null, null, "zh");
        step(good, "ACCEPTED", "达州市达川区住房和城乡建设局", null, null, null);
        var letters = PROBE.awaitRecords(Topics.CASE_LIFECYCLE_V1 + ".notification-service.dlq", bad.toString(), 1,
                Duration.ofSeconds(30));
        // the dead letter keeps the key and headers, never the data (which may carry personal data)
        assertTrue(letters.get(0).value().startsWith("{\"redacted\":true,\"bytes\":9,"), letters.get(0).value());
        assertTrue(TopicProbe.header(letters.get(0), "dead-letter-reason").contains("CaseLifecycleV1"));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> sms().receivedFor(phone).size() == 2);
    }
}
