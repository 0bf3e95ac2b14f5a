package org.openpetition.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openpetition.devinfra.Infrastructure;
import org.openpetition.devinfra.PlatformService;
import org.openpetition.devinfra.Ports;
import org.openpetition.devinfra.ServiceProcess;
import org.openpetition.devinfra.TopicProbe;

/**
 * A message is never sent twice for the same event: notification-service is killed (SIGKILL) after it
 * sent the mail for an event and before it committed the event's offset; after the restart the broker
 * delivers the event again, and no second mail goes out.
 */
class NotificationCrashIT {

    private static Infrastructure infra;
    private static Path workDir;

    @BeforeAll
    static void startInfrastructure() throws Exception {
        workDir = Files.createTempDirectory("petition-notification-crash-");
        infra = Infrastructure.start(workDir, Path.of(System.getProperty("petition.dist.dir")), Infrastructure.Ports.random());
    }

    @AfterAll
    static void stopInfrastructure() {
        if (infra != null) {
            infra.close();
        }
    }

    @Test
    void anEventRedeliveredAfterACrashSendsNothingTwice() throws Exception {
        Path projectDir = Path.of(System.getProperty("petition.project.dir"));
        int port = Ports.free();
        Map<String, String> holding = new HashMap<>(infra.serviceConfig(PlatformService.NOTIFICATION));
        // the crash window: processed and sent, offset not yet committed
        holding.put("mp.messaging.incoming.case-assigned.auto.commit.interval.ms", "3600000");
        ServiceProcess notification = ServiceProcess.start(PlatformService.NOTIFICATION, projectDir, port, holding,
                workDir.resolve("logs")).awaitReady(Duration.ofSeconds(120));
        TopicProbe probe = new TopicProbe(infra.kafka().bootstrapServers());
        UUID caseId = UUID.randomUUID();
        String first = "first-" + caseId + "@dept.demo.openpetition.local";
        assign(probe, caseId, first, "2026-11-23T02:00:00Z");
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> !infra.smtp().receivedFor(first).isEmpty());
        ConsumerRecord<String, String> record = event(caseId, first);

        notification.kill();
        System.out.println("SYSTEM TEST: notification-service killed (SIGKILL) after sending, before committing the offset");
        OffsetAndMetadata committed = committed(new TopicPartition(record.topic(), record.partition()));
        assertTrue(committed == null || committed.offset() <= record.offset(),
                "the event will be delivered again: committed " + committed + ", event at " + record.offset());

        ServiceProcess restarted = ServiceProcess.start(PlatformService.NOTIFICATION, projectDir, port,
                infra.serviceConfig(PlatformService.NOTIFICATION), workDir.resolve("logs-restarted")).awaitReady(Duration.ofSeconds(120));
        try {
            // a later event of the same case (same partition) is processed after the redelivered one
            String second = "second-" + caseId + "@dept.demo.openpetition.local";
            assign(probe, caseId, second, "2026-11-23T03:00:00Z");
            ConsumerRecord<String, String> later = event(caseId, second);
            // the markers: the later event's mail went out, and the group's committed offset passed the later event,
            // so the redelivered one (before it in the partition) has been processed
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> !infra.smtp().receivedFor(second).isEmpty());
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> {
                OffsetAndMetadata now = committed(new TopicPartition(later.topic(), later.partition()));
                return now != null && now.offset() > later.offset();
            });
            assertEquals(1, infra.smtp().receivedFor(first).size(), "the redelivered event sent nothing twice");
            System.out.println("SYSTEM TEST: redelivered from offset " + (committed == null ? "none" : committed.offset())
                    + ", now committed " + committed(new TopicPartition(later.topic(), later.partition()))
                    + "; one mail for the event");
        } finally {
            restarted.close();
        }
    }

    private static void assign(TopicProbe probe, UUID caseId, String email, String at) {
        Instant assignedAt = Instant.parse(at);
        String json = """
                {"caseId":"%s","trackingCode":"XF-CRASH","departmentCode":"411625-ZJJ","departmentName":"郸城县住房和城乡建设局",
                 "departmentEmail":"%s","localityCode":"411625","subjectCategory":"URBAN_HOUSING","reason":"属地管理、分级负责",
                 "receivedAt":"%s","assignedAt":"%s","skipLevel":false}""".formatted(caseId, email, assignedAt.minusSeconds(60), assignedAt);
        probe.sendCloudEvent("case.assigned.v1", caseId.toString(), UUID.randomUUID().toString(),
                "org.openpetition.case.assigned.v1", json);
    }

    /** The case.assigned.v1 record of the case that names this department mail, read up to it. */
    private static ConsumerRecord<String, String> event(UUID caseId, String email) {
        return TopicReader.topic(infra.kafka(), "case.assigned.v1",
                        r -> r.key().equals(caseId.toString()) && r.value().contains(email)).stream()
                .filter(r -> r.key().equals(caseId.toString()) && r.value().contains(email)).findFirst().orElseThrow();
    }

    private static OffsetAndMetadata committed(TopicPartition partition) throws Exception {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafka().bootstrapServers());
        try (Admin admin = Admin.create(props)) {
            return admin.listConsumerGroupOffsets("notification-service").partitionsToOffsetAndMetadata().get().get(partition);
        }
    }
}
