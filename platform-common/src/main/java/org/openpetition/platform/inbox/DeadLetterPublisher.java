package org.openpetition.platform.inbox;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.openpetition.platform.outbox.OutboxPublisher;

/**
 * Sends a record that cannot be processed to its dead-letter topic ({@code <topic>.<group>.dlq}),
 * unchanged, with the headers SmallRye's dead-letter strategy writes (dead-letter-reason, -cause,
 * -topic, -partition, -offset), for consumers that take records in batches and so must dead-letter one
 * record of a batch themselves. Created on first use.
 */
@ApplicationScoped
public class DeadLetterPublisher {

    private final String bootstrapServers;
    private final String applicationName;
    private volatile KafkaProducer<String, String> producer;

    public DeadLetterPublisher(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                               @ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.bootstrapServers = bootstrapServers;
        this.applicationName = applicationName;
    }

    /** Completes when the broker acknowledged the dead letter; fails if it did not. */
    public Uni<Void> send(ConsumerRecord<String, String> record, String deadLetterTopic, Throwable reason) {
        ProducerRecord<String, String> letter = new ProducerRecord<>(deadLetterTopic, null, record.key(), record.value(),
                record.headers());
        header(letter, "dead-letter-reason", String.valueOf(reason.getMessage()));
        if (reason.getCause() != null) {
            header(letter, "dead-letter-cause", String.valueOf(reason.getCause().getMessage()));
        }
        header(letter, "dead-letter-topic", record.topic());
        header(letter, "dead-letter-partition", String.valueOf(record.partition()));
        header(letter, "dead-letter-offset", String.valueOf(record.offset()));
        return Uni.createFrom().completionStage(() -> {
            java.util.concurrent.CompletableFuture<Void> ack = new java.util.concurrent.CompletableFuture<>();
            producer().send(letter, (metadata, error) -> {
                if (error == null) {
                    ack.complete(null);
                } else {
                    ack.completeExceptionally(error);
                }
            });
            return ack;
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().remove(name);
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private KafkaProducer<String, String> producer() {
        KafkaProducer<String, String> p = producer;
        if (p == null) {
            synchronized (this) {
                if (producer == null) {
                    Properties props = new Properties();
                    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
                    props.put(ProducerConfig.CLIENT_ID_CONFIG, applicationName + "-dead-letters");
                    props.put(ProducerConfig.ACKS_CONFIG, "all");
                    props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "30000");
                    props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
                    props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "10000");
                    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
                    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
                    for (String name : OutboxPublisher.SECURITY_SETTINGS) {
                        ConfigProvider.getConfig().getOptionalValue("kafka." + name, String.class)
                                .ifPresent(value -> props.put(name, value));
                    }
                    producer = new KafkaProducer<>(props);
                }
                p = producer;
            }
        }
        return p;
    }

    @PreDestroy
    void close() {
        if (producer != null) {
            producer.close();
        }
    }
}
