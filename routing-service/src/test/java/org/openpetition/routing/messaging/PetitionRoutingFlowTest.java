package org.openpetition.routing.messaging;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.time.Duration;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.openpetition.contracts.CloudEvent;
import org.openpetition.contracts.Topics;
import org.openpetition.contracts.event.PetitionSubmittedV1;
import org.openpetition.devinfra.InfraTestResource;
import org.openpetition.devinfra.SharedInfrastructure;
import org.openpetition.devinfra.TopicProbe;
import org.openpetition.routing.service.PetitionRouting;

/** petition.submitted.v1 in, routing decision stored and case.assigned.v1 out, on the real broker. */
@QuarkusTest
@WithTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "service", value = "routing"))
class PetitionRoutingFlowTest {

    @Inject
    ObjectMapper json;

    @Inject
    PetitionRouting routing;

    @Inject
    DataSource dataSource;

    private final TopicProbe probe = new TopicProbe(SharedInfrastructure.get().kafka().bootstrapServers());

    @Test
    void petitionIsAssignedToTheCompetentDepartmentOfItsLocality() throws Exception {
        UUID caseId = submit("511703", "URBAN_HOUSING", UUID.randomUUID().toString());

        var assigned = probe.awaitRecords(Topics.CASE_ASSIGNED_V1, caseId.toString(), 1, Duration.ofSeconds(30));
        assertEquals(1, outboxRows(Topics.CASE_ASSIGNED_V1, caseId), "one case.assigned.v1 stored with the decision");
        assertEquals(CloudEvent.TYPE_CASE_ASSIGNED_V1, TopicProbe.header(assigned.get(0), CloudEvent.HEADER_TYPE));
        JsonNode event = json.readTree(assigned.get(0).value());
        assertEquals("511703-ZJJ", event.get("departmentCode").asText());
        assertEquals("达州市达川区住房和城乡建设局", event.get("departmentName").asText());
        assertEquals("511703-zjj@dept.demo.openpetition.local", event.get("departmentEmail").asText());
        assertTrue(event.get("reason").asText().startsWith("属地管理、分级负责：四川省达州市达川区（511703）是信访事项发生地"),
                event.get("reason").asText());
        assertTrue(event.get("reasonEn").asText().startsWith(
                "Territorial jurisdiction: 四川省达州市达川区 (511703) is where the matter arose"), event.get("reasonEn").asText());
        assertEquals(event.get("reasons").size(), event.get("reasonsEn").size());
        assertEquals("5117-ZJJ", event.at("/supervisingBody/code").asText(), "the directory's supervising body travels");
        assertEquals("达州市住房和城乡建设局", event.at("/supervisingBody/name").asText());

        given().auth().oauth2(token("dispatcher")).when().get("/api/assignments/" + caseId)
                .then().statusCode(200)
                .body("outcome", is("ASSIGNED"))
                .body("departmentCode", is("511703-ZJJ"))
                .body("competentLocalityCode", is("511703"))
                .body("reason", startsWith("属地管理、分级负责"))
                .body("reasonEn", startsWith("Territorial jurisdiction"))
                .body("reasonsEn", hasSize(1));
        given().auth().oauth2(token("handler")).when().get("/api/assignments/" + caseId)
                .then().statusCode(200);
    }

    @Test
    void townshipPetitionClimbsToTheLowestCompetentLevel() throws Exception {
        // mining is a city matter in the demo directory: 郸城县洺南街道 climbs to 周口市
        UUID caseId = submit("411625001", "MINING", UUID.randomUUID().toString());
        var assigned = probe.awaitRecords(Topics.CASE_ASSIGNED_V1, caseId.toString(), 1, Duration.ofSeconds(30));
        JsonNode event = json.readTree(assigned.get(0).value());
        assertEquals("4116-ZRZYJ", event.get("departmentCode").asText());
        assertEquals("4116", event.get("localityCode").asText());
        assertEquals("RULES", event.get("decidedBy").asText());
        assertFalse(event.get("skipLevel").asBoolean());
        assertTrue(event.get("owningLeader").isNull());
        assertTrue(event.get("reasonsEn").get(0).asText().contains("lowest level above"));
        assertTrue(event.get("reasons").get(0).asText().contains("以上有主管单位的最低一级"));
        // the handler of 达川区住建局 does not see a case of another department
        given().auth().oauth2(token("handler")).when().get("/api/assignments/" + caseId)
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void undecidablePetitionWaitsInTheDispatcherQueueAndIsNotAssigned() throws Exception {
        UUID caseId = submit("450326", "SPACE_TRAVEL", UUID.randomUUID().toString());
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(token("auditor")).when().get("/api/assignments/" + caseId)
                        .then().statusCode(200).body("outcome", is("DISPATCHER_QUEUE"))
                        .body("reason", containsString("SPACE_TRAVEL"))
                        .body("reason", containsString("桂林市永福县（450326）"))
                        .body("reasonEn", containsString("桂林市永福县 (450326)")));
        given().auth().oauth2(token("auditor")).when().get("/api/assignments/queue")
                .then().statusCode(200).body("caseId", hasItem(caseId.toString()));
        // the queue is filtered by area: 永福县's case is not in 达川区's dispatcher's queue
        given().auth().oauth2(token("dispatcher")).when().get("/api/assignments/queue")
                .then().statusCode(200).body("caseId", not(hasItem(caseId.toString())));
        // the decision is visible, so its transaction, which would have stored the event, has committed
        assertEquals(0, outboxRows(Topics.CASE_ASSIGNED_V1, caseId), "nothing to assign");
    }

    @Test
    void redeliveredEventIsAppliedOnce() throws Exception {
        String eventId = UUID.randomUUID().toString();
        UUID caseId = submit("511703", "EDUCATION", eventId);
        resend(caseId, "511703", "EDUCATION", eventId);
        // the marker: the consumer group has committed past both deliveries, so both were applied (or skipped)
        awaitConsumed(caseId, 2);
        assertEquals(1, outboxRows(Topics.CASE_ASSIGNED_V1, caseId), "one assignment for two deliveries of the same event");
        assertEquals(1, probe.awaitRecords(Topics.CASE_ASSIGNED_V1, caseId.toString(), 1, Duration.ofSeconds(30)).size());
    }

    @Test
    void aPollIsRoutedInOneTransactionAndARedeliveredPollChangesNothing() throws Throwable {
        List<PetitionRouting.Submitted> poll = new ArrayList<>();
        List<String> cases = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            UUID caseId = UUID.randomUUID();
            cases.add(caseId.toString());
            poll.add(new PetitionRouting.Submitted(UUID.randomUUID().toString(), event(caseId, "511703", "URBAN_HOUSING", null)));
        }
        poll.add(poll.get(0)); // the same event twice in one poll
        List<String> events = poll.stream().map(PetitionRouting.Submitted::eventId).distinct().toList();

        // the batch path itself, without the per-record fallback: it fails the test if the poll's transaction fails
        VertxContextSupport.subscribeAndAwait(() -> routing.routeAll(poll));
        assertEquals(3, count("select count(*) from routing_decision where case_id::text = any(?)", cases));
        assertEquals(3, count("select count(*) from outbox_event where topic = 'case.assigned.v1' and record_key = any(?)", cases));
        assertEquals(3, count("select count(*) from processed_event where consumer = 'routing-service' and event_id = any(?)", events));

        VertxContextSupport.subscribeAndAwait(() -> routing.routeAll(poll)); // redelivered: applied before
        assertEquals(3, count("select count(*) from routing_decision where case_id::text = any(?)", cases));
        assertEquals(3, count("select count(*) from outbox_event where topic = 'case.assigned.v1' and record_key = any(?)", cases));
        for (String caseId : cases) { // each stored once (above), so published once
            assertEquals(1, probe.awaitRecords(Topics.CASE_ASSIGNED_V1, caseId, 1, Duration.ofSeconds(30))
                    .size());
        }
    }

    /** The outbox rows of a topic for a case: stored in the decision's transaction, kept after publishing. */
    private long outboxRows(String topic, UUID caseId) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement statement = c.prepareStatement(
                "select count(*) from outbox_event where topic = ? and record_key = ?")) {
            statement.setString(1, topic);
            statement.setString(2, caseId.toString());
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private void awaitConsumed(UUID caseId, int records) {
        awaitConsumedKey(caseId.toString(), records);
    }

    /**
     * Waits until routing-service's consumer group has committed an offset past each of the {@code records}
     * petition.submitted.v1 records with the key: each has been applied, skipped or dead-lettered.
     */
    private void awaitConsumedKey(String key, int records) {
        var sent = probe.awaitRecords(Topics.PETITION_SUBMITTED_V1, key, records, Duration.ofSeconds(30));
        assertEquals(records, sent.size());
        try (Admin admin = Admin.create(Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                SharedInfrastructure.get().kafka().bootstrapServers()))) {
            Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("routing-service")
                        .partitionsToOffsetAndMetadata().get();
                return sent.stream().allMatch(r -> {
                    OffsetAndMetadata offset = committed.get(new TopicPartition(r.topic(), r.partition()));
                    return offset != null && offset.offset() > r.offset();
                });
            });
        }
    }

    /** The keys among {@code keys} of every record on the topic, read up to its end as of now. */
    private static List<String> keysUpToTheEnd(String topic, List<String> keys) {
        List<String> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.get().kafka().bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()))) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                assertTrue(System.nanoTime() < deadline, "read " + topic + " to its end");
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.key() != null && keys.contains(record.key())) {
                        found.add(record.key());
                    }
                }
            }
        }
        return found;
    }

    private long count(String sql, List<String> values) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement statement = c.prepareStatement(sql)) {
            statement.setArray(1, c.createArrayOf("text", values.toArray()));
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    @Test
    void recordWithoutCloudEventsIdGoesToTheDeadLetterTopic() {
        String key = UUID.randomUUID().toString();
        probe.send(Topics.PETITION_SUBMITTED_V1, key, Map.of(CloudEvent.HEADER_TYPE, CloudEvent.TYPE_PETITION_SUBMITTED_V1), "{}");
        var dead = probe.awaitRecords("petition.submitted.v1.routing-service.dlq", key, 1, Duration.ofSeconds(30));
        assertEquals(1, dead.size());
        assertTrue(TopicProbe.header(dead.get(0), "dead-letter-reason").contains("ce_id"));
    }

    @Test
    void aPoisonRecordAmongGoodOnesGoesAloneToTheDeadLetterTopicAndTheOthersAreRoutedOnce() throws Exception {
        // sent together, so that they are usually read in one poll: the poll's transaction fails, each record
        // is then applied on its own, and only the poison one is dead-lettered, with the reason headers
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        String poison = UUID.randomUUID().toString();
        resend(first, "511703", "URBAN_HOUSING", UUID.randomUUID().toString());
        probe.send(Topics.PETITION_SUBMITTED_V1, poison, Map.of(CloudEvent.HEADER_ID, UUID.randomUUID().toString(),
                CloudEvent.HEADER_TYPE, CloudEvent.TYPE_PETITION_SUBMITTED_V1),
                "{\"caseId\": \"not-a-uuid\", \"content\": \"张三 13800138000\"}");
        resend(second, "511703", "URBAN_HOUSING", UUID.randomUUID().toString());

        var dead = probe.awaitRecords("petition.submitted.v1.routing-service.dlq", poison, 1, Duration.ofSeconds(30));
        // the marker: the consumer group has committed past all three records, each applied or dead-lettered
        awaitConsumed(first, 1);
        awaitConsumed(second, 1);
        awaitConsumedKey(poison, 1);
        assertTrue(TopicProbe.header(dead.get(0), "dead-letter-reason").contains("PetitionSubmittedV1"),
                TopicProbe.header(dead.get(0), "dead-letter-reason"));
        assertEquals(Topics.PETITION_SUBMITTED_V1, TopicProbe.header(dead.get(0), "dead-letter-topic"));
        // no personal data on the dead-letter topic: neither the data nor a value quoted in the reason
        assertTrue(dead.get(0).value().contains("\"redacted\":true"), dead.get(0).value());
        assertFalse(dead.get(0).value().contains("13800138000"), dead.get(0).value());
        assertFalse(TopicProbe.header(dead.get(0), "dead-letter-reason").contains("not-a-uuid"),
                TopicProbe.header(dead.get(0), "dead-letter-reason"));
        Integer.parseInt(TopicProbe.header(dead.get(0), "dead-letter-partition"));
        Long.parseLong(TopicProbe.header(dead.get(0), "dead-letter-offset"));
        for (UUID caseId : new UUID[] {first, second}) {
            assertEquals(1, outboxRows(Topics.CASE_ASSIGNED_V1, caseId), "routed once: " + caseId);
        }
        assertEquals(List.of(poison), keysUpToTheEnd("petition.submitted.v1.routing-service.dlq",
                        List.of(first.toString(), second.toString(), poison)), "only the poison record is dead-lettered");
    }

    @Test
    void repeatPetitionIsLinkedToTheEarlierCaseAndNotAssignedAgain() throws Exception {
        UUID earlier = UUID.randomUUID();
        UUID repeat = UUID.randomUUID();
        resend(repeat, "511703", "URBAN_HOUSING", UUID.randomUUID().toString(), earlier);
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(token("dispatcher")).when().get("/api/assignments/" + repeat)
                        .then().statusCode(200).body("outcome", is("LINKED_TO_EARLIER_CASE"))
                        .body("repeatOfCaseId", is(earlier.toString()))
                        .body("reason", containsString("重复信访"))
                        .body("reasonEn", containsString("Repeat petition")));
        // the decision is visible, so its transaction, which would have stored the event, has committed
        assertEquals(0, outboxRows(Topics.CASE_ASSIGNED_V1, repeat), "not assigned again");
    }

    @Test
    void apiRequiresTokenAndRole() {
        given().when().get("/api/assignments/" + UUID.randomUUID()).then().statusCode(401);
        given().auth().oauth2(token("citizen")).when().get("/api/assignments/" + UUID.randomUUID()).then().statusCode(403);
        given().auth().oauth2(token("handler")).when().get("/api/assignments/queue").then().statusCode(403);
    }

    private UUID submit(String locality, String category, String eventId) throws Exception {
        UUID caseId = UUID.randomUUID();
        resend(caseId, locality, category, eventId);
        return caseId;
    }

    @Test
    void anAccusationGoesToTheDisciplineBodyNeverToTheAccusedUnitOrAUnitUnderIt() throws Exception {
        // 检举 of 达州市住建局 from 达川区: 达川区住建局 is under it, 达川区纪委监委 is below its level
        UUID caseId = UUID.randomUUID();
        PetitionSubmittedV1 event = new PetitionSubmittedV1(caseId, "XF20261123-ACCU" + caseId.toString().substring(0, 4),
                "ONLINE", "ACCUSATION", "URBAN_HOUSING", "511703", "反映问题", "反映市住建局某科长违规收取费用的问题", null, 1,
                Instant.now(), null, false, new PetitionSubmittedV1.Accused("5117-ZJJ", "市住建局", "李某", "科长"), null, null);
        probe.sendCloudEvent(Topics.PETITION_SUBMITTED_V1, caseId.toString(), UUID.randomUUID().toString(),
                CloudEvent.TYPE_PETITION_SUBMITTED_V1, json.writeValueAsString(event));
        var assigned = probe.awaitRecords(Topics.CASE_ASSIGNED_V1, caseId.toString(), 1, Duration.ofSeconds(30));
        assertEquals(1, outboxRows(Topics.CASE_ASSIGNED_V1, caseId));
        JsonNode data = json.readTree(assigned.get(0).value());
        assertEquals("5117-JW", data.get("departmentCode").asText());
        assertEquals("达州市纪委监委", data.get("departmentName").asText());
        assertTrue(data.get("reason").asText().contains("保护检举人"));
        // the accused unit's handler does not see it
        given().auth().oauth2(token("handler")).when().get("/api/assignments/" + caseId).then().statusCode(404);
    }

    @Test
    void legalChannelMatterIsDivertedWithGuidanceAndNotAssigned() throws Exception {
        UUID caseId = submit("411625", "ARBITRATION", UUID.randomUUID().toString());
        var diverted = probe.awaitRecords(Topics.CASE_DIVERTED_V1, caseId.toString(), 1, Duration.ofSeconds(30));
        assertEquals(1, outboxRows(Topics.CASE_DIVERTED_V1, caseId));
        assertEquals(CloudEvent.TYPE_CASE_DIVERTED_V1, TopicProbe.header(diverted.get(0), CloudEvent.HEADER_TYPE));
        JsonNode data = json.readTree(diverted.get(0).value());
        assertEquals("ARBITRATION", data.get("legalChannel").asText());
        assertEquals("该事项应通过仲裁解决，请依法向劳动人事争议仲裁委员会或约定的仲裁机构申请仲裁。", data.get("guidance").asText());
        assertTrue(data.get("guidanceEn").asText().startsWith("This matter is for arbitration"), data.get("guidanceEn").asText());
        assertTrue(data.get("reason").asText().startsWith("诉访分离："), data.get("reason").asText());
        assertTrue(data.get("reasonEn").asText().contains("arbitration"), data.get("reasonEn").asText());
        given().auth().oauth2(token("auditor")).when().get("/api/assignments/" + caseId).then().statusCode(200)
                .body("outcome", is("DIVERTED")).body("legalChannel", is("ARBITRATION"));
        // 郸城县 is not the demo dispatcher's area (达川区)
        given().auth().oauth2(token("dispatcher")).when().get("/api/assignments/" + caseId).then().statusCode(404);
        // case.diverted.v1 arrived, so the decision's transaction, which would have stored the event, has committed
        assertEquals(0, outboxRows(Topics.CASE_ASSIGNED_V1, caseId), "not assigned");
    }

    @Test
    void skipLevelCollectivePetitionCarriesTheFlagAndTheOwningLeader() throws Exception {
        UUID caseId = UUID.randomUUID();
        PetitionSubmittedV1 event = new PetitionSubmittedV1(caseId, "XF20261123-SKIP" + caseId.toString().substring(0, 4),
                "VISIT", "SOLUTION_REQUEST", "WAGE_ARREARS", "511703001", "讨薪", "施工单位拖欠十二名工人工资", null, 6,
                Instant.now(), null, true, null, "51", 12);
        probe.sendCloudEvent(Topics.PETITION_SUBMITTED_V1, caseId.toString(), UUID.randomUUID().toString(),
                CloudEvent.TYPE_PETITION_SUBMITTED_V1, json.writeValueAsString(event));
        var assigned = probe.awaitRecords(Topics.CASE_ASSIGNED_V1, caseId.toString(), 1, Duration.ofSeconds(30));
        JsonNode data = json.readTree(assigned.get(0).value());
        assertEquals("511703-RSJ", data.get("departmentCode").asText());
        assertTrue(data.get("skipLevel").asBoolean());
        assertEquals("511703-L01", data.get("owningLeader").get("id").asText());
        assertEquals("达川区委副书记", data.get("owningLeader").get("title").asText());
        assertTrue(data.get("acceptanceDue").isNull());
        assertEquals(3, data.get("reasons").size(), data.get("reason").asText());
        assertTrue(data.get("reasons").get(1).asText().startsWith("越级"));
        assertTrue(data.get("reasons").get(2).asText().startsWith("领导包案"));
        assertEquals(3, data.get("reasonsEn").size(), data.get("reasonEn").asText());
        assertTrue(data.get("reasonsEn").get(1).asText().startsWith("Skip-level"));
        assertTrue(data.get("reasonsEn").get(2).asText().startsWith("Leader ownership"));
    }

    private void resend(UUID caseId, String locality, String category, String eventId) throws Exception {
        resend(caseId, locality, category, eventId, null);
    }

    private void resend(UUID caseId, String locality, String category, String eventId, UUID repeatOf) throws Exception {
        probe.sendCloudEvent(Topics.PETITION_SUBMITTED_V1, caseId.toString(), eventId,
                CloudEvent.TYPE_PETITION_SUBMITTED_V1, json.writeValueAsString(event(caseId, locality, category, repeatOf)));
    }

    private static PetitionSubmittedV1 event(UUID caseId, String locality, String category, UUID repeatOf) {
        return new PetitionSubmittedV1(caseId, "XF20261123-TEST" + caseId.toString().substring(0, 4),
                "ONLINE", "SOLUTION_REQUEST", category, locality, "标题", "内容内容内容内容内容", null, 1, Instant.now(),
                repeatOf, false, null, null, null);
    }

    private static String token(String user) {
        return SharedInfrastructure.get().keycloak().accessToken(user);
    }
}
