package org.openpetition.notification.service;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openpetition.notification.NotificationTestSupport.*;

import org.openpetition.notification.NotificationTestSupport;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.openpetition.devinfra.InfraTestResource;
import org.openpetition.devinfra.SharedInfrastructure;

/**
 * The daily limit per recipient (%test: 8 texts per petitioner's number): the ninth text of the day is not
 * sent, ends LIMITED in the delivery log and on /q/metrics; another number and the inbox are not affected.
 */
@QuarkusTest
@WithTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "service", value = "notification"))
class DeliveryLimitsTest {

    private static final int SMS_LIMIT = 8;

    @Test
    void theTextBeyondTheDailyLimitIsNotSentAndIsRecordedAsLimited() {
        String phone = phone();
        double limitedBefore = metric("notification_deliveries_total{channel=\"SMS\",outcome=\"limited\"}");
        List<UUID> cases = new ArrayList<>();
        for (int i = 0; i <= SMS_LIMIT; i++) {
            UUID caseId = UUID.randomUUID();
            cases.add(caseId);
            contact(caseId, "钱十二", phone, null, null, "zh");
        }
        // the positive marker: every one of the limit + 1 receipts has reached its final status
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> finalStatuses(phone).size() == SMS_LIMIT + 1);
        List<String> statuses = finalStatuses(phone);
        assertEquals(SMS_LIMIT, statuses.stream().filter("SENT"::equals).count(), statuses.toString());
        assertEquals(1, statuses.stream().filter("LIMITED"::equals).count(), statuses.toString());
        assertEquals(SMS_LIMIT, sms().receivedFor(phone).size(), "the gateway received exactly the limit");

        String limitedId = given().auth().oauth2(token("auditor")).queryParam("status", "LIMITED").queryParam("channel", "SMS")
                .when().get("/api/notifications?limit=200").then().statusCode(200).extract().jsonPath()
                .getList("findAll { it.caseId in " + quoted(cases) + " }.id", String.class).get(0);
        given().auth().oauth2(token("auditor")).when().get("/api/notifications/" + limitedId).then().statusCode(200)
                .body("status", is("LIMITED"))
                .body("attemptLog.outcome", contains("LIMITED"))
                .body("attemptLog[0].error", containsString("daily limit"))
                .body(not(containsString(phone)));
        assertTrue(metric("notification_deliveries_total{channel=\"SMS\",outcome=\"limited\"}") >= limitedBefore + 1,
                "counted as limited");
        assertEquals(0, count("select count(*) from delivery_quota where recipient_hash like ?", "%" + phone + "%"),
                "the number is not stored in clear");

        // another number is counted on its own
        String other = phone();
        contact(UUID.randomUUID(), "钱十二", other, null, null, "zh");
        onlySms(other);
    }

    @Test
    void theInboxIsNotLimited() {
        String phone = phone();
        String user = "user-" + UUID.randomUUID();
        List<UUID> cases = new ArrayList<>();
        for (int i = 0; i <= SMS_LIMIT; i++) {
            UUID caseId = UUID.randomUUID();
            cases.add(caseId);
            contact(caseId, "孙十三", phone, null, user, "zh");
        }
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> finalStatuses(phone).size() == SMS_LIMIT + 1);
        assertEquals(1, finalStatuses(phone).stream().filter("LIMITED"::equals).count());
        assertEquals(SMS_LIMIT + 1, count("select count(*) from inbox_message where owner = ?", "user:" + user),
                "every receipt is in the petitioner's inbox");
        assertEquals(0, count("select count(*) from notification where recipient_key = ? and channel = 'INBOX' "
                + "and status <> 'SENT'", "user:" + user));
    }

    /** The statuses of the texts to this number that reached a final status (SENT, FAILED, LIMITED). */
    private static List<String> finalStatuses(String phone) {
        List<String> statuses = new ArrayList<>();
        try (Connection c = connection(); PreparedStatement s = c.prepareStatement(
                "select status from notification where channel = 'SMS' and recipient = ? and status in ('SENT', 'FAILED', 'LIMITED')")) {
            s.setString(1, phone);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    statuses.add(r.getString(1));
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return statuses;
    }

    private static long count(String sql, String arg) {
        try (Connection c = connection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, arg);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Connection connection() throws Exception {
        return DriverManager.getConnection(SharedInfrastructure.get().postgres().jdbcUrl("notification"), "notification",
                "notification");
    }

    private static String quoted(List<UUID> ids) {
        return ids.stream().map(id -> "'" + id + "'").toList().toString();
    }

    /** /q/metrics on the management interface (its own port, not the API's). */
    @TestHTTPResource(value = "metrics", management = true)
    URL metricsUrl;

    private double metric(String series) {
        return NotificationTestSupport.metric(metricsUrl, series);
    }
}
