package org.openpetition.notification;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
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

    /** The consumer group of the service (every topic it reads). */
    public static final String GROUP = "notification-service";

    private static KafkaProducer<String, String> producer;

    /** Publishes an event (a CloudEvent in binary mode, as the platform's services do); returns where it landed. */
    public static RecordMetadata send(String topic, String type, UUID key, Object data) {
        return send(topic, type, key, UUID.randomUUID().toString(), data);
    }

    public static RecordMetadata send(String topic, String type, UUID key, String eventId, Object data) {
        try {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, key.toString(), JSON.writeValueAsString(data));
            Map.of("ce_specversion", "1.0", "ce_id", eventId, "ce_source", "/test", "ce_type", type, "ce_subject",
                            key.toString(), "content-type", "application/json")
                    .forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
            return producer().send(record).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot publish to " + topic, e);
        }
    }

    private static synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            Properties config = new Properties();
            config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.get().kafka().bootstrapServers());
            config.put(ProducerConfig.ACKS_CONFIG, "all");
            config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            producer = new KafkaProducer<>(config);
        }
        return producer;
    }

    /**
     * Waits until the service's consumer group has committed an offset past the record: the service has
     * applied it (and stored every message it owes). What it did not store by then it never stores.
     */
    public static void awaitConsumed(RecordMetadata record) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.get().kafka().bootstrapServers());
        try (Admin admin = Admin.create(config)) {
            Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> {
                OffsetAndMetadata committed = admin.listConsumerGroupOffsets(GROUP).partitionsToOffsetAndMetadata()
                        .get(10, TimeUnit.SECONDS).get(partition);
                return committed != null && committed.offset() > record.offset();
            });
        }
    }

    /**
     * The messages stored for an address on a channel (the delivery log), once none of them is still to be
     * sent: each a status, in the order they were stored.
     */
    public static List<String> settledMessages(String channel, String address) {
        String sql = "select status from notification where channel = ? and recipient = ? order by created_at";
        List<String> statuses = new java.util.ArrayList<>();
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            statuses.clear();
            try (Connection c = DriverManager.getConnection(SharedInfrastructure.get().postgres().jdbcUrl("notification"),
                    "notification", "notification"); PreparedStatement query = c.prepareStatement(sql)) {
                query.setString(1, channel);
                query.setString(2, address);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        statuses.add(rows.getString(1));
                    }
                }
            }
            return !statuses.isEmpty() && statuses.stream().noneMatch(st -> st.equals("QUEUED") || st.equals("SENDING"));
        });
        return List.copyOf(statuses);
    }

    /** A petitioner's contact (personal data), as intake publishes it at registration of an online petition. */
    public static RecordMetadata contact(UUID caseId, String name, String phone, String email, String userId, String language) {
        return contact(caseId, name, phone, email, userId, language, "ONLINE");
    }

    /** A petitioner's contact, for a petition that came in through the given channel (LETTER, VISIT ...). */
    public static RecordMetadata contact(UUID caseId, String name, String phone, String email, String userId, String language,
                                         String channel) {
        return send(Topics.PETITIONER_CONTACT_V1, CloudEvent.TYPE_PETITIONER_CONTACT_V1, caseId,
                new PetitionerContactV1(caseId, "XF-" + caseId.toString().substring(0, 8), "Qs7-secret", channel,
                        Instant.parse("2026-11-23T02:00:00Z"), language, userId, null,
                        List.of(new PetitionerContactV1.Contact(name, phone, email))));
    }

    /** The case assigned to a department with its supervising body and, if given, an owning leader. */
    public static RecordMetadata assigned(UUID caseId, UnitContact department, UnitContact body,
                                          CaseAssignedV1.OwningLeader leader, boolean skipLevel) {
        Instant at = Instant.parse("2026-11-23T03:00:00Z");
        return send(Topics.CASE_ASSIGNED_V1, CloudEvent.TYPE_CASE_ASSIGNED_V1, caseId, new CaseAssignedV1(caseId,
                "XF-" + caseId.toString().substring(0, 8), department.code(), department.name(), department.email(), "511703",
                "URBAN_HOUSING", "属地管理、分级负责", at.minusSeconds(3600), at, skipLevel, leader, null, "RULES",
                List.of("属地管理、分级负责"), body));
    }

    public static RecordMetadata step(UUID caseId, String step, String department, String reason, Instant dueAt, String text) {
        return step(caseId, step, department, reason, dueAt, text, null);
    }

    /** A step of the case, with the last day of the petitioner's window that supervision computed (or null). */
    public static RecordMetadata step(UUID caseId, String step, String department, String reason, Instant dueAt, String text,
                                      java.time.LocalDate windowLastDay) {
        return send(Topics.CASE_LIFECYCLE_V1, CloudEvent.TYPE_CASE_LIFECYCLE_V1, caseId, new CaseLifecycleV1(caseId,
                "XF-" + caseId.toString().substring(0, 8), CaseLifecycleV1.Step.valueOf(step), Instant.parse("2026-11-24T02:00:00Z"),
                "511703-ZJJ", department, reason, dueAt, text, windowLastDay));
    }

    public static RecordMetadata alert(UUID caseId, String alert, String departmentCode, int daysOverdue) {
        return send(Topics.CASE_DEADLINE_V1, CloudEvent.TYPE_CASE_DEADLINE_V1, caseId, new CaseDeadlineV1(UUID.randomUUID(), caseId,
                "XF-" + caseId.toString().substring(0, 8), CaseDeadlineV1.Alert.valueOf(alert), "REPLY", java.time.LocalDate.parse("2026-11-20"), daysOverdue,
                departmentCode, "达州市达川区住房和城乡建设局", "511703", Instant.now()));
    }

    /**
     * The single mail for an address: the delivery log holds one email for it, sent, and the SMTP server
     * received exactly one.
     */
    public static MimeMessage onlyMail(String address) {
        assertEquals(List.of("SENT"), settledMessages("EMAIL", address), "one email stored for " + address);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> !smtp().receivedFor(address).isEmpty());
        assertEquals(1, smtp().receivedFor(address).size(), "one email received by " + address);
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

    /** The single text for a number: the delivery log holds one SMS for it, sent, and the gateway received exactly one. */
    public static SmsGateway.Sms onlySms(String phone) {
        assertEquals("SENT", settledMessages("SMS", phone).get(0), "the text to " + phone + " is sent");
        assertEquals(1, settledMessages("SMS", phone).size(), "one text stored for " + phone);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> !sms().receivedFor(phone).isEmpty());
        assertEquals(1, sms().receivedFor(phone).size(), "one text received by " + phone);
        return sms().receivedFor(phone).get(0);
    }

    /** A mainland mobile number no other test uses. */
    public static String phone() {
        return "139" + String.format("%08d", (long) (Math.random() * 100_000_000L));
    }
}
