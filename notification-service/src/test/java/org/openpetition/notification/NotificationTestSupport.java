package org.openpetition.notification;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.openpetition.contracts.CloudEvent;
import org.openpetition.contracts.Topics;
import org.openpetition.contracts.event.CaseAssignedV1;
import org.openpetition.contracts.event.CaseDeadlineV1;
import org.openpetition.contracts.event.CaseLifecycleV1;
import org.openpetition.contracts.event.PetitionerContactV1;
import org.openpetition.contracts.event.UnitContact;
import org.openpetition.devinfra.SharedInfrastructure;
import org.openpetition.devinfra.SmsGateway;
import org.openpetition.devinfra.SmtpServer;
import org.openpetition.devinfra.TopicProbe;

/** Events onto the real broker, and what the real SMTP server and SMS gateway received. */
public final class NotificationTestSupport {

    public static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules().build();
    public static final TopicProbe PROBE = new TopicProbe(SharedInfrastructure.get().kafka().bootstrapServers());

    private NotificationTestSupport() {
    }

    public static SmtpServer smtp() {
        return SharedInfrastructure.get().smtp();
    }

    public static SmsGateway sms() {
        return SharedInfrastructure.get().sms();
    }

    /**
     * A sample's value on /q/metrics of the management interface at {@code metricsUrl}, 0 if it is not there
     * yet; {@code series} is the name with its labels, all of which the sample must carry.
     */
    public static double metric(java.net.URL metricsUrl, String series) {
        String name = series.substring(0, series.indexOf('{'));
        return io.restassured.RestAssured.given().when().get(metricsUrl).then().statusCode(200).extract().asString().lines()
                .filter(l -> l.startsWith(name + "{") && labels(l).containsAll(labels(series)))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }

    private static java.util.Set<String> labels(String line) {
        return java.util.Set.of(line.substring(line.indexOf('{') + 1, line.indexOf('}')).split(","));
    }

    public static String token(String user) {
        return SharedInfrastructure.get().keycloak().accessToken(user);
    }

    public static String send(String topic, String type, UUID key, Object data) {
        String eventId = UUID.randomUUID().toString();
        send(topic, type, key, eventId, data);
        return eventId;
    }

    public static void send(String topic, String type, UUID key, String eventId, Object data) {
        try {
            PROBE.sendCloudEvent(topic, key.toString(), eventId, type, JSON.writeValueAsString(data));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A petitioner's contact (personal data), as intake publishes it at registration of an online petition. */
    public static void contact(UUID caseId, String name, String phone, String email, String userId, String language) {
        contact(caseId, name, phone, email, userId, language, "ONLINE");
    }

    /** A petitioner's contact, for a petition that came in through the given channel (LETTER, VISIT ...). */
    public static void contact(UUID caseId, String name, String phone, String email, String userId, String language,
                               String channel) {
        send(Topics.PETITIONER_CONTACT_V1, CloudEvent.TYPE_PETITIONER_CONTACT_V1, caseId,
                new PetitionerContactV1(caseId, "XF-" + caseId.toString().substring(0, 8), "Qs7-secret", channel,
                        Instant.parse("2026-11-23T02:00:00Z"), language, userId, null,
                        List.of(new PetitionerContactV1.Contact(name, phone, email))));
    }

    /** The case assigned to a department with its supervising body and, if given, an owning leader. */
    public static void assigned(UUID caseId, UnitContact department, UnitContact body, CaseAssignedV1.OwningLeader leader,
                                boolean skipLevel) {
        Instant at = Instant.parse("2026-11-23T03:00:00Z");
        send(Topics.CASE_ASSIGNED_V1, CloudEvent.TYPE_CASE_ASSIGNED_V1, caseId, new CaseAssignedV1(caseId,
                "XF-" + caseId.toString().substring(0, 8), department.code(), department.name(), department.email(), "511703",
                "URBAN_HOUSING", "属地管理、分级负责", at.minusSeconds(3600), at, skipLevel, leader, null, "RULES",
                List.of("属地管理、分级负责"), body));
    }

    public static void step(UUID caseId, String step, String department, String reason, Instant dueAt, String text) {
        send(Topics.CASE_LIFECYCLE_V1, CloudEvent.TYPE_CASE_LIFECYCLE_V1, caseId, new CaseLifecycleV1(caseId,
                "XF-" + caseId.toString().substring(0, 8), CaseLifecycleV1.Step.valueOf(step), Instant.parse("2026-11-24T02:00:00Z"),
                "511703-ZJJ", department, reason, dueAt, text, null));
    }

    public static void alert(UUID caseId, String alert, String departmentCode, int daysOverdue) {
        send(Topics.CASE_DEADLINE_V1, CloudEvent.TYPE_CASE_DEADLINE_V1, caseId, new CaseDeadlineV1(UUID.randomUUID(), caseId,
                "XF-" + caseId.toString().substring(0, 8), CaseDeadlineV1.Alert.valueOf(alert), "REPLY", java.time.LocalDate.parse("2026-11-20"), daysOverdue,
                departmentCode, "达州市达川区住房和城乡建设局", "511703", Instant.now()));
    }

    /** The single mail for an address, after waiting for it and a little longer for a duplicate. */
    public static MimeMessage onlyMail(String address) throws InterruptedException {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> !smtp().receivedFor(address).isEmpty());
        return smtp().receivedFor(address).get(0);
    }

    public static String body(MimeMessage mail) {
        try {
            return mail.getContent().toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static SmsGateway.Sms onlySms(String phone) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> !sms().receivedFor(phone).isEmpty());
        return sms().receivedFor(phone).get(0);
    }

    /** A mainland mobile number no other test uses. */
    public static String phone() {
        return "139" + String.format("%08d", (long) (Math.random() * 100_000_000L));
    }
}
