package org.openpetition.platform.outbox;

import static org.openpetition.contracts.CloudEvent.*;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends outbox rows to Kafka as CloudEvents in binary content mode, with the Apache Kafka
 * producer: acks=all, idempotent, so that the records of one partition keep their order, and with
 * bounded timeouts so that every send ends, acknowledged or failed, within about 15 seconds even
 * when the broker is down.
 */
@ApplicationScoped
public class OutboxPublisher {

    /**
     * The connection's security settings, read like the messaging channels read them (kafka.*, e.g.
     * KAFKA_SASL_JAAS_CONFIG): the Kubernetes deployment connects with SASL_SSL, SCRAM-SHA-512 and the
     * brokers' CA (docs/kubernetes.md). None is set locally or in the tests.
     */
    static final List<String> SECURITY_SETTINGS = List.of("security.protocol", "sasl.mechanism", "sasl.jaas.config",
            "ssl.truststore.type", "ssl.truststore.certificates", "ssl.truststore.location", "ssl.truststore.password",
            "ssl.keystore.type", "ssl.keystore.location", "ssl.keystore.password", "ssl.key.password",
            "ssl.endpoint.identification.algorithm");

    private final OutboxConfig config;
    private final KafkaProducer<String, String> producer;
    private final FeedTopics feedTopics;

    public OutboxPublisher(OutboxConfig config, @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                           @ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.config = config;
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, applicationName + "-outbox");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, String.valueOf(config.maxBlock().toMillis()));
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, String.valueOf(config.requestTimeout().toMillis()));
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, String.valueOf(config.deliveryTimeout().toMillis()));
        props.put(ProducerConfig.LINGER_MS_CONFIG, "1");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        Properties connection = new Properties();
        connection.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        Config settings = ConfigProvider.getConfig();
        for (String name : SECURITY_SETTINGS) {
            settings.getOptionalValue("kafka." + name, String.class).ifPresent(value -> {
                props.put(name, value);
                connection.put(name, value);
            });
        }
        this.producer = new KafkaProducer<>(props);
        this.feedTopics = new FeedTopics(connection);
    }

    /**
     * Sends the events in order without waiting between them, then waits for every
     * acknowledgement. Completes, on the caller's Vert.x context, with one entry per event: null if
     * the broker acknowledged it, else the error.
     */
    public Uni<List<Throwable>> sendAll(List<OutboxEvent> events) {
        Context context = Vertx.currentContext();
        Uni<List<Throwable>> sent = Uni.createFrom().completionStage(() -> {
            feedTopics.ensure(events.stream().map(e -> e.topic).toList());
            List<CompletableFuture<Throwable>> acks = new ArrayList<>();
            for (OutboxEvent event : events) {
                CompletableFuture<Throwable> ack = new CompletableFuture<>();
                try {
                    producer.send(record(event), (metadata, error) -> ack.complete(error));
                } catch (RuntimeException e) {
                    ack.complete(e);
                }
                acks.add(ack);
            }
            return CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
                    .thenApply(ignored -> acks.stream().map(CompletableFuture::join).toList());
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool()); // send() may block while it looks up metadata
        return context == null ? sent : sent.emitOn(task -> context.runOnContext(ignored -> task.run()));
    }

    private ProducerRecord<String, String> record(OutboxEvent event) {
        ProducerRecord<String, String> record = new ProducerRecord<>(event.topic, event.recordKey, event.payload);
        add(record, HEADER_SPEC_VERSION, SPEC_VERSION);
        add(record, HEADER_ID, event.eventId.toString());
        add(record, HEADER_SOURCE, config.source());
        add(record, HEADER_TYPE, event.eventType);
        add(record, HEADER_TIME, DateTimeFormatter.ISO_INSTANT.format(event.occurredAt.truncatedTo(ChronoUnit.MILLIS)));
        add(record, HEADER_SUBJECT, event.recordKey);
        add(record, HEADER_DATA_SCHEMA, dataSchema(event.eventType));
        add(record, HEADER_CONTENT_TYPE, DATA_CONTENT_TYPE);
        return record;
    }

    private static void add(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    @PreDestroy
    void close() {
        producer.close(Duration.ofSeconds(5));
        feedTopics.close();
    }
}
