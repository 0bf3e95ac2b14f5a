package org.openpetition.routing.messaging;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openpetition.contracts.CloudEvent;
import org.openpetition.contracts.Topics;
import org.openpetition.contracts.event.PetitionSubmittedV1;
import org.openpetition.devinfra.InfraTestResource;
import org.openpetition.devinfra.KafkaServer;
import org.openpetition.devinfra.SharedInfrastructure;
import org.openpetition.devinfra.TopicProbe;

/**
 * Each department's own feed (dept.&lt;code&gt;.cases.v1) on the real broker, read by the department's
 * system with its own SCRAM credentials on the departments' listener: it gets its own cases, and Kafka's
 * ACLs refuse it every other department's feed and the platform's internal topics. An accusation named by
 * the accused unit's name never appears on the accused unit's feed.
 */
@QuarkusTest
@WithTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "service", value = "routing"))
class DepartmentFeedTest {

    private static final String HOUSING = "511703-ZJJ";
    private static final String LABOUR = "511703-RSJ";
    private static final String PASSWORD = "feed-test-secret";

    @Inject
    ObjectMapper json;

    private final TopicProbe probe = new TopicProbe(SharedInfrastructure.get().kafka().bootstrapServers());

    @BeforeAll
    static void onboardTheDepartments() {
        KafkaServer kafka = SharedInfrastructure.get().kafka();
        kafka.addDepartmentUser(HOUSING, PASSWORD);
        kafka.addDepartmentUser(LABOUR, PASSWORD);
    }

    @Test
    void aDepartmentReadsItsOwnCasesOnItsOwnFeed() throws Exception {
        UUID caseId = submit("SOLUTION_REQUEST", "URBAN_HOUSING", null);
        List<ConsumerRecord<String, String>> mine = readUntil(HOUSING, Topics.departmentFeed(HOUSING), caseId);
        ConsumerRecord<String, String> record = mine.stream().filter(r -> r.key().equals(caseId.toString())).findFirst().orElseThrow();
        assertEquals(CloudEvent.TYPE_DEPARTMENT_CASE_V1, TopicProbe.header(record, CloudEvent.HEADER_TYPE));
        JsonNode event = json.readTree(record.value());
        assertEquals("ASSIGNED", event.get("event").asText());
        assertEquals(HOUSING, event.get("departmentCode").asText());
        assertEquals("URBAN_HOUSING", event.get("subjectCategory").asText());
        assertFalse(record.value().contains("reason"), "no routing reasons on a feed: " + record.value());
    }

    @Test
    void kafkaRefusesADepartmentEveryOtherFeedAndTheInternalTopics() {
        submit("SOLUTION_REQUEST", "URBAN_HOUSING", null); // the housing feed exists
        submit("SOLUTION_REQUEST", "WAGE_ARREARS", null); // and the labour feed
        assertThrows(TopicAuthorizationException.class, () -> poll(LABOUR, Topics.departmentFeed(HOUSING)));
        assertThrows(TopicAuthorizationException.class, () -> poll(HOUSING, Topics.departmentFeed(LABOUR)));
        for (String internal : List.of(Topics.CASE_ASSIGNED_V1, Topics.CASE_LIFECYCLE_V1, Topics.PETITION_SUBMITTED_V1)) {
            assertThrows(TopicAuthorizationException.class, () -> poll(HOUSING, internal), internal);
        }
        assertThrows(RuntimeException.class, () -> poll("511703-NOBODY", Topics.departmentFeed(HOUSING)),
                "an unknown user is not authenticated");
    }

    @Test
    void anAccusationNamedByTheAccusedUnitsNameNeverReachesTheAccusedUnitsFeed() throws Exception {
        UUID accusation = submit("ACCUSATION", "URBAN_HOUSING",
                new PetitionSubmittedV1.Accused(null, "达川区住房和城乡建设局", "陈立新", "局长"));
        var assigned = probe.awaitRecords(Topics.CASE_ASSIGNED_V1, accusation.toString(), 1, Duration.ofSeconds(30));
        JsonNode decision = json.readTree(assigned.get(0).value());
        assertEquals("511703-JW", decision.get("departmentCode").asText(), "resolved by name, routed to the discipline body");
        assertFalse(assigned.get(0).value().contains("住房和城乡建设局") || assigned.get(0).value().contains(HOUSING),
                "the published decision names the accused: " + assigned.get(0).value());

        // a later case of the housing bureau marks the point by which the accusation would have arrived
        UUID marker = submit("SOLUTION_REQUEST", "URBAN_HOUSING", null);
        List<ConsumerRecord<String, String>> feed = readUntil(HOUSING, Topics.departmentFeed(HOUSING), marker);
        assertTrue(feed.stream().noneMatch(r -> r.key().equals(accusation.toString())), "the accused unit's feed has it");

        given().auth().oauth2(SharedInfrastructure.get().keycloak().accessToken("handler"))
                .get("/api/assignments/" + accusation).then().statusCode(404);
    }

    private UUID submit(String kind, String category, PetitionSubmittedV1.Accused accused) {
        UUID caseId = UUID.randomUUID();
        PetitionSubmittedV1 event = new PetitionSubmittedV1(caseId, "XF20261207-FEED" + caseId.toString().substring(0, 4),
                "ONLINE", kind, category, "511703", "反映问题", "内容内容内容内容内容", null, 1, Instant.now(), null, false,
                accused, null, null);
        try {
            probe.sendCloudEvent(Topics.PETITION_SUBMITTED_V1, caseId.toString(), UUID.randomUUID().toString(),
                    CloudEvent.TYPE_PETITION_SUBMITTED_V1, json.writeValueAsString(event));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return caseId;
    }

    /**
     * Reads the feed as the department's system until the marker case has arrived and every partition is
     * read to the end offsets seen then: whatever was published before the marker has been read.
     */
    private List<ConsumerRecord<String, String>> readUntil(String department, String topic, UUID marker) {
        List<ConsumerRecord<String, String>> read = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer(department)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            Map<TopicPartition, Long> ends = null;
            while (System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(read::add);
                if (ends == null && read.stream().anyMatch(r -> r.key().equals(marker.toString()))) {
                    ends = consumer.endOffsets(consumer.assignment());
                }
                if (ends != null && ends.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue())) {
                    return read;
                }
            }
        }
        throw new AssertionError("case " + marker + " did not arrive on " + topic + " within 60 s; read " + read.size());
    }

    private void poll(String department, String topic) {
        try (KafkaConsumer<String, String> consumer = consumer(department)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200));
            }
        } catch (GroupAuthorizationException e) {
            throw new TopicAuthorizationException(e.getMessage());
        }
    }

    /** A consumer as a departmental system configures it (docs/kubernetes.md). */
    private static KafkaConsumer<String, String> consumer(String department) {
        return new KafkaConsumer<>(SharedInfrastructure.get().kafka().departmentConsumerConfig(department, PASSWORD));
    }
}
