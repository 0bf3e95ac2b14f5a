package org.openpetition.notification;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openpetition.contracts.CloudEvent;
import org.openpetition.contracts.Topics;
import org.openpetition.contracts.event.CaseAssignedV1;
import org.openpetition.contracts.event.UnitContact;
import org.openpetition.devinfra.InfraTestResource;
import org.openpetition.devinfra.SharedInfrastructure;
import org.openpetition.notification.service.MessageComposer;
import org.openpetition.notification.service.template.AssignmentData;
import org.openpetition.notification.service.template.StepData;
import org.openpetition.notification.service.NewMessage;
import org.openpetition.notification.service.Notice;
import org.openpetition.notification.service.Recipient;

/**
 * Not a test: prints how many messages notification-service renders per second, and how many case
 * events it turns into messages and delivers to the real SMTP server per second, with the p50/p99 from
 * event to delivery. Run: {@code ./mvnw -pl notification-service verify -Dtest=NotificationBenchmark
 * -Dbenchmark=true [-Dbenchmark.events=10000] [-Dbenchmark.warmup=10000] [-Dbenchmark.rate=0]
 * [-Dbenchmark.smtp=lean]}. The events come as a burst, or with {@code -Dbenchmark.rate=N} as a steady N
 * per second (then p99 is the latency at that load, not the time a backlog takes to clear). With
 * {@code -Dbenchmark.smtp=lean} the mail goes to {@link LeanSmtpReceiver} instead of GreenMail, which parses
 * and keeps every message on the same two cores.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
@WithTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "service", value = "notification"))
@WithTestResource(LeanSmtpReceiver.class)
class NotificationBenchmark {

    @Inject
    MessageComposer composer;

    @Test
    void renderAndDeliver() throws Exception {
        render(20_000, accepted(), EnumSet.allOf(Channel.class)); // warm-up
        render(20_000, assigned(), EnumSet.of(Channel.EMAIL, Channel.INBOX));
        long start = System.nanoTime();
        long messages = render(100_000, accepted(), EnumSet.allOf(Channel.class));
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("BENCHMARK render: %d messages (email, SMS and inbox of a petitioner's acceptance notice) in %.2f s"
                + " = %.0f messages/s on one thread%n", messages, seconds, messages / seconds);
        start = System.nanoTime();
        messages = render(100_000, assigned(), EnumSet.of(Channel.EMAIL, Channel.INBOX));
        seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("BENCHMARK render: %d messages (email and inbox of a department's new case, as in the pipeline below)"
                + " in %.2f s = %.0f messages/s on one thread%n", messages, seconds, messages / seconds);

        // the service's first events run while the JIT still compiles its code (a core's worth, measured per thread in
        // /proc): a round of the same traffic first, as a service in operation has long since done
        int warmup = Integer.getInteger("benchmark.warmup", 10_000);
        if (warmup > 0) {
            long w0 = System.nanoTime();
            String run = UUID.randomUUID().toString().substring(0, 8);
            Instant begin = Instant.now();
            publish(warmup, run);
            waitFor("select count(*) from notification where event_time >= '" + begin + "' and recipient like 'bench-" + run
                    + "%' and channel = 'EMAIL' and status = 'SENT'", warmup, "sent");
            System.out.printf("BENCHMARK warm-up: %d events through the pipeline in %.1f s (not counted; -Dbenchmark.warmup=0 skips it)%n",
                    warmup, (System.nanoTime() - w0) / 1e9);
            LeanSmtpReceiver.reset();
        }
        pipeline(Integer.getInteger("benchmark.events", 10_000));
    }

    private void pipeline(int events) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Instant begin = Instant.now();
        double published = publish(events, run);
        long t0 = System.nanoTime();
        waitFor("select count(*) from notification where event_time >= '" + begin + "' and recipient_key like 'unit:B-" + run + "-%'",
                events * 2L, "stored");
        double stored = (System.nanoTime() - t0) / 1e9;
        waitFor("select count(*) from notification where event_time >= '" + begin + "' and recipient like 'bench-" + run
                + "%' and channel = 'EMAIL' and status = 'SENT'", events, "sent");
        double sent = (System.nanoTime() - t0) / 1e9;
        // the last stored message first, computed once (a materialized CTE): joined as a subquery, a plan made without
        // statistics on the fresh table computed it again for every row, and the report took minutes
        try (Connection c = db(); Statement s = c.createStatement(); ResultSet r = s.executeQuery("""
                with stored as materialized (
                    select max(created_at) as last from notification
                    where event_time >= '%1$s' and recipient_key like 'unit:B-%2$s-%%')
                select percentile_cont(0.5) within group (order by extract(epoch from sent_at - event_time)),
                       percentile_cont(0.99) within group (order by extract(epoch from sent_at - event_time)),
                       extract(epoch from max(sent_at) - min(event_time)), extract(epoch from max(created_at) - min(event_time)),
                       count(*) filter (where sent_at > stored.last), extract(epoch from max(sent_at) - stored.last)
                from notification, stored
                where event_time >= '%1$s' and recipient_key like 'unit:B-%2$s-%%' and channel = 'EMAIL'
                group by stored.last""".formatted(begin, run))) {
            r.next();
            int rate = Integer.getInteger("benchmark.rate", 0);
            System.out.printf("BENCHMARK pipeline: %d case.assigned.v1 events -> %d messages (email + department inbox), %s%n",
                    events, events * 2, rate > 0 ? "published at " + rate + " events/s" : "published as a burst");
            System.out.printf("BENCHMARK   rendered and stored: %.0f messages/s (all stored %.1f s after the first event)%n",
                    events * 2 / r.getDouble(4), r.getDouble(4));
            System.out.printf("BENCHMARK   delivered to SMTP: %.0f emails/s (all sent %.1f s after the first event)%n",
                    events / r.getDouble(3), r.getDouble(3));
            System.out.printf("BENCHMARK   delivered once all were stored (delivery alone): %d emails in %.1f s = %.0f emails/s%n",
                    r.getLong(5), r.getDouble(6), r.getLong(5) / r.getDouble(6));
            System.out.println(LeanSmtpReceiver.wanted()
                    ? "BENCHMARK   SMTP server: the lean receiver (-Dbenchmark.smtp=lean), %d messages, %.1f MB received, %.2f s of CPU"
                            .formatted(LeanSmtpReceiver.MESSAGES.get(), LeanSmtpReceiver.BYTES.get() / 1e6,
                                    LeanSmtpReceiver.CPU_NANOS.get() / 1e9)
                    : "BENCHMARK   SMTP server: GreenMail in the test JVM, parsing and keeping every message");
            System.out.printf("BENCHMARK   event to delivery: p50 %.0f ms, p99 %.0f ms%n", r.getDouble(1) * 1000, r.getDouble(2) * 1000);
            System.out.printf("BENCHMARK   (wall clock after publishing: stored %.1f s, sent %.1f s; publishing took %.1f s)%n",
                    stored, sent, published);
        }
    }

    /** A petitioner's acceptance notice, by email, SMS and inbox. */
    private static Notice accepted() {
        StepData data = new StepData("XF20261124-BENCHMRK", "http://127.0.0.1:8081/track", "达州市达川区住房和城乡建设局",
                "2026-11-24 10:00", null, null, "2027年1月22日", "2027-01-22", null, null);
        return new Notice("e", UUID.randomUUID(), MessageKind.ACCEPTED, data, null, null, Instant.now());
    }

    /** The pipeline's notice: a case assigned to a department, by email and inbox. */
    private static Notice assigned() {
        AssignmentData data = new AssignmentData("XF-B1", "http://127.0.0.1:8081/track", "某县住建局", "2026-11-24 10:00",
                "2026-11-24 10:05", "属地管理、分级负责", "Territorial management, handled at the competent level", "511703",
                "城乡建设", "urban and rural housing", null, null, null);
        return new Notice("e", UUID.randomUUID(), MessageKind.CASE_ASSIGNED, data, null, null, Instant.now());
    }

    private long render(long count, Notice notice, Set<Channel> channels) {
        Recipient recipient = new Recipient("petitioner:x/0", "张三", "zh", "a@example.org", "13900000000", "user:x", channels);
        long messages = 0;
        Instant now = Instant.now();
        while (messages < count) {
            messages += composer.compose(notice, recipient, null, now).size();
        }
        return messages;
    }

    /**
     * Publishes the events and returns the seconds the sending took. They are built and serialised first, so that the benchmark's own JSON work does not
     * share the cores with the service while it runs.
     */
    private double publish(int events, String run) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.get().kafka().bootstrapServers());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>(events);
        for (int i = 0; i < events; i++) {
            UUID caseId = UUID.randomUUID();
            Instant at = Instant.now();
            CaseAssignedV1 event = new CaseAssignedV1(caseId, "XF-B" + i, "B-" + run + "-" + (i % 50), "某县住建局",
                    "bench-" + run + "-" + (i % 50) + "@dept.demo.openpetition.local", "511703", "URBAN_HOUSING", "属地管理、分级负责",
                    at, at, false, null, null, "RULES", List.of("属地管理、分级负责"), new UnitContact("5117-ZJJ", "达州市住房和城乡建设局", null));
            ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(Topics.CASE_ASSIGNED_V1,
                    caseId.toString().getBytes(StandardCharsets.UTF_8), NotificationTestSupport.JSON.writeValueAsBytes(event));
            record.headers().add(CloudEvent.HEADER_ID, UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
            record.headers().add(CloudEvent.HEADER_TYPE, CloudEvent.TYPE_CASE_ASSIGNED_V1.getBytes(StandardCharsets.UTF_8));
            records.add(record);
        }
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props)) {
            producer.partitionsFor(Topics.CASE_ASSIGNED_V1); // connected before the first event's clock starts
            long sending = System.nanoTime();
            int rate = Integer.getInteger("benchmark.rate", 0);
            for (int i = 0; i < records.size(); i++) {
                if (rate > 0) { // a steady stream instead of a burst: the event i leaves at i / rate seconds
                    long wait = sending + i * 1_000_000_000L / rate - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                }
                producer.send(records.get(i));
            }
            producer.flush();
            return (System.nanoTime() - sending) / 1e9;
        }
    }

    private static void waitFor(String countQuery, long expected, String what) throws Exception {
        long deadline = System.nanoTime() + 600_000_000_000L;
        while (System.nanoTime() < deadline) {
            try (Connection c = db(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(countQuery)) {
                r.next();
                if (r.getLong(1) >= expected) {
                    return;
                }
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("not all " + what + " within 10 minutes");
    }

    private static Connection db() throws Exception {
        return DriverManager.getConnection(SharedInfrastructure.get().postgres().jdbcUrl("notification"), "notification",
                "notification");
    }
}
