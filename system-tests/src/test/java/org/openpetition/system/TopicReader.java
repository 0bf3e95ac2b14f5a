package org.openpetition.system;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.openpetition.devinfra.KafkaServer;

/**
 * Reads a topic from its beginning up to a positive marker: the first record that matches the marker,
 * then every partition up to the end it had when the marker arrived. A check that something did not
 * arrive reads up to a marker that must arrive after it, never for a fixed time.
 */
final class TopicReader {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private TopicReader() {
    }

    /** A department's feed {@code dept.<code>.cases.v1} as the department's system reads it, with its own credentials. */
    static List<ConsumerRecord<String, String>> departmentFeed(KafkaServer kafka, String department, String password,
                                                               Predicate<ConsumerRecord<String, String>> marker) {
        return readUntil(kafka.departmentConsumerConfig(department, password), "dept." + department + ".cases.v1", marker);
    }

    /** A platform topic, read on the plaintext listener by a consumer group of its own. */
    static List<ConsumerRecord<String, String>> topic(KafkaServer kafka, String topic,
                                                      Predicate<ConsumerRecord<String, String>> marker) {
        Properties config = new Properties();
        config.put("bootstrap.servers", kafka.bootstrapServers());
        config.put("group.id", "system-test-" + UUID.randomUUID());
        config.put("auto.offset.reset", "earliest");
        config.put("enable.auto.commit", "false");
        config.put("allow.auto.create.topics", "false");
        config.put("key.deserializer", "org.apache.kafka.common.serialization.StringDeserializer");
        config.put("value.deserializer", "org.apache.kafka.common.serialization.StringDeserializer");
        return readUntil(config, topic, marker);
    }

    private static List<ConsumerRecord<String, String>> readUntil(Properties config, String topic,
                                                                  Predicate<ConsumerRecord<String, String>> marker) {
        List<ConsumerRecord<String, String>> read = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            Map<TopicPartition, Long> ends = null;
            while (System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(read::add);
                if (ends == null && read.stream().anyMatch(marker)) {
                    ends = consumer.endOffsets(consumer.assignment());
                }
                if (ends != null && ends.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue())) {
                    return read;
                }
            }
        }
        throw new AssertionError("the marker did not arrive on " + topic + " within " + TIMEOUT.toSeconds() + " s; read "
                + read.size() + " records");
    }
}
