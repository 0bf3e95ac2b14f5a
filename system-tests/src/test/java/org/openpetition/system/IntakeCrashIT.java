package org.openpetition.system;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openpetition.devinfra.Infrastructure;
import org.openpetition.devinfra.PlatformService;
import org.openpetition.devinfra.Ports;
import org.openpetition.devinfra.ServiceProcess;

/**
 * An accepted petition is never lost: intake-service is killed (SIGKILL) after the petition and its
 * event are committed and before the event is published; after the restart the event arrives, once.
 */
class IntakeCrashIT {

    private static Infrastructure infra;
    private static Path workDir;

    @BeforeAll
    static void startInfrastructure() throws Exception {
        workDir = Files.createTempDirectory("petition-crash-");
        infra = Infrastructure.start(workDir, Path.of(System.getProperty("petition.dist.dir")), Infrastructure.Ports.random());
    }

    @AfterAll
    static void stopInfrastructure() {
        if (infra != null) {
            infra.close();
        }
    }

    @Test
    void eventCommittedBeforeACrashIsPublishedOnceAfterTheRestart() throws Exception {
        Path projectDir = Path.of(System.getProperty("petition.project.dir"));
        int port = Ports.free();
        Map<String, String> holding = new HashMap<>(infra.serviceConfig(PlatformService.INTAKE));
        holding.put("petition.outbox.relay-enabled", "false"); // the crash window: committed, not yet published
        ServiceProcess intake = ServiceProcess.start(PlatformService.INTAKE, projectDir, port, holding, workDir.resolve("logs"))
                .awaitReady(Duration.ofSeconds(120));
        String caseId = given().auth().oauth2(infra.keycloak().accessToken("clerk")).contentType("application/json")
                .body("""
                        {"channel": "LETTER", "kind": "SOLUTION_REQUEST", "subjectCategory": "WAGE_ARREARS",
                         "localityCode": "411625", "title": "拖欠工资", "content": "施工单位拖欠工资半年，请求协调解决。",
                         "petitioners": [{"name": "冯二"}]}
                        """)
                .post(intake.url() + "/api/petitions").then().statusCode(201).extract().path("caseId");
        assertEquals(2, pendingEvents(caseId), "committed and waiting in the outbox: petition.submitted.v1, petitioner.contact.v1");

        intake.kill();
        System.out.println("SYSTEM TEST: intake-service killed (SIGKILL) with the event committed and unpublished");

        ServiceProcess restarted = ServiceProcess.start(PlatformService.INTAKE, projectDir, port,
                infra.serviceConfig(PlatformService.INTAKE), workDir.resolve("logs-restarted")).awaitReady(Duration.ofSeconds(120));
        try {
            // the marker: a petition registered after the restart; the relay publishes in outbox order, so a second
            // copy of the first event would be on the topic before the marker's event
            String marker = given().auth().oauth2(infra.keycloak().accessToken("clerk")).contentType("application/json")
                    .body("""
                            {"channel": "LETTER", "kind": "SOLUTION_REQUEST", "subjectCategory": "WAGE_ARREARS",
                             "localityCode": "411625", "title": "拖欠工资", "content": "另一家施工单位拖欠工资，请求协调解决。",
                             "petitioners": [{"name": "冯三"}]}
                            """)
                    .post(restarted.url() + "/api/petitions").then().statusCode(201).extract().path("caseId");
            List<ConsumerRecord<String, String>> records = TopicReader.topic(infra.kafka(), "petition.submitted.v1",
                    r -> marker.equals(r.key()));
            assertEquals(1, records.stream().filter(r -> caseId.equals(r.key())).count(), "published exactly once after the restart");
            assertEquals(0, pendingEvents(caseId));
        } finally {
            restarted.close();
        }
    }

    private static long pendingEvents(String caseId) throws Exception {
        try (Connection c = DriverManager.getConnection(infra.postgres().jdbcUrl("intake"), "intake", "intake");
             PreparedStatement s = c.prepareStatement(
                     "select count(*) from outbox_event where record_key = ? and published_at is null")) {
            s.setString(1, caseId);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }
}
