package org.openpetition.intake;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.openpetition.contracts.CloudEvent;
import org.openpetition.contracts.Topics;
import org.openpetition.contracts.event.CaseAssignedV1;
import org.openpetition.contracts.event.CaseLifecycleV1;
import org.openpetition.devinfra.Infrastructure;
import org.openpetition.devinfra.OutboxProbe;
import org.openpetition.devinfra.PlatformService;
import org.openpetition.devinfra.TopicProbe;
import org.openpetition.devinfra.SharedInfrastructure;

/** Shared helpers of the intake tests: tokens and a look into the service's real database. */
public final class IntakeTestSupport {

    private IntakeTestSupport() {
    }

    public static Infrastructure infra() {
        return SharedInfrastructure.get();
    }

    public static String token(String user) {
        return infra().keycloak().accessToken(user);
    }

    /** A valid petition body in the shape of the API. */
    public static String petitionJson(String channel) {
        return """
                {"channel": %s, "kind": "SOLUTION_REQUEST", "subjectCategory": "URBAN_HOUSING",
                 "localityCode": "511703", "addressText": "达川区翠屏街道",
                 "title": "小区加装电梯", "content": "我们小区六层住宅无电梯，老人上下楼困难，申请加装电梯。",
                 "eventDate": "2026-10-01",
                 "petitioners": [{"name": "张三", "phone": "13800138000", "address": "达川区翠屏街道1号"}]}
                """.formatted(channel == null ? "null" : "\"" + channel + "\"");
    }

    /** Runs one statement on the service's database; returns the rows it changed. */
    public static int execute(String sql, Object... args) {
        return onDatabase(sql, args, PreparedStatement::executeUpdate);
    }

    public static long count(String sql, Object... args) {
        return onDatabase(sql, args, statement -> {
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        });
    }

    /** The records of the case on the topic once intake has published them all ({@link OutboxProbe}). */
    public static List<ConsumerRecord<String, String>> published(String topic, Object caseId, int expected) {
        return new OutboxProbe(infra(), PlatformService.INTAKE).published(topic, caseId, expected);
    }

    /** The case id of a tracking code (Open311's service_request_id). */
    public static String caseIdOf(String trackingCode) {
        return onDatabase("select id::text from petition where tracking_code = ?", new Object[] {trackingCode}, statement -> {
            try (ResultSet result = statement.executeQuery()) {
                if (!result.next()) {
                    throw new IllegalStateException("no petition " + trackingCode);
                }
                return result.getString(1);
            }
        });
    }

    private interface StatementWork<T> {
        T apply(PreparedStatement statement) throws SQLException;
    }

    /** The statement with its arguments bound, on a connection of the service's own role. */
    private static <T> T onDatabase(String sql, Object[] args, StatementWork<T> work) {
        try (Connection connection = DriverManager.getConnection(infra().postgres().jdbcUrl("intake"), "intake", "intake");
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            return work.apply(statement);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    /** Publishes case.assigned.v1 on the real broker, as routing-service would. */
    public static void assigned(UUID caseId, String departmentCode, String departmentName) {
        Instant now = Instant.now();
        send(Topics.CASE_ASSIGNED_V1, CloudEvent.TYPE_CASE_ASSIGNED_V1, caseId, new CaseAssignedV1(caseId, "XF",
                departmentCode, departmentName, "dept@example.invalid", departmentCode.substring(0, 6), "URBAN_HOUSING",
                "test", now, now, false, null, null, null, null, null));
    }

    /** Publishes case.lifecycle.v1 on the real broker, as supervision-service would. */
    public static void lifecycle(UUID caseId, CaseLifecycleV1.Step step, Instant at, String reason) {
        send(Topics.CASE_LIFECYCLE_V1, CloudEvent.TYPE_CASE_LIFECYCLE_V1, caseId, new CaseLifecycleV1(caseId, "XF",
                step, at, "511703-ZJJ", "达州市达川区住房和城乡建设局", reason, null, null, null));
    }

    private static void send(String topic, String type, UUID caseId, Object event) {
        try {
            new TopicProbe(infra().kafka().bootstrapServers()).sendCloudEvent(topic, caseId.toString(),
                    UUID.randomUUID().toString(), type, JSON.writeValueAsString(event));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
