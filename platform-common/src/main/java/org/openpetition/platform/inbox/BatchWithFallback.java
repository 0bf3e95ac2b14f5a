package org.openpetition.platform.inbox;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

/**
 * A batch consumer with a per-record fallback: the records of one poll are applied together (one
 * transaction for the lot); if that fails, each is applied on its own, in order; a record that fails on
 * its own is nacked, which sends it to the channel's dead-letter topic (failure-strategy
 * dead-letter-queue, with its reason headers) like a record of a one-at-a-time consumer. The batch is
 * acknowledged once every record is applied or dead-lettered. Use it from an {@code @Incoming} method
 * of a channel with {@code batch=true} that takes the {@link KafkaRecordBatch} and returns the Uni.
 * The work must be idempotent (processed-event marks): a failed batch is retried record by record.
 */
public final class BatchWithFallback {

    private static final Logger LOG = Logger.getLogger(BatchWithFallback.class);

    private BatchWithFallback() {
    }

    /** Applies and acknowledges a poll's records: together, else one by one, else to the dead-letter topic. */
    public static <K, V> Uni<Void> process(KafkaRecordBatch<K, V> batch,
                                           Function<List<ConsumerRecord<K, V>>, Uni<?>> together,
                                           Function<ConsumerRecord<K, V>, Uni<?>> alone) {
        List<KafkaRecord<K, V>> records = batch.getRecords();
        return apply(records, all -> together.apply(all.stream().map(BatchWithFallback::consumerRecord).toList()),
                        record -> alone.apply(consumerRecord(record)),
                        (record, error) -> Uni.createFrom().completionStage(() -> record.nack(error)))
                .chain(() -> Uni.createFrom().completionStage(batch::ack));
    }

    /**
     * The fallback itself, independent of Kafka: {@code together} on all records; if it fails, {@code alone}
     * on each, in order; {@code deadLetter} for each that fails alone. Fails only if a dead-lettering fails.
     */
    public static <R> Uni<Void> apply(List<R> records, Function<List<R>, Uni<?>> together, Function<R, Uni<?>> alone,
                                      BiFunction<R, Throwable, Uni<Void>> deadLetter) {
        if (records.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom().deferred(() -> together.apply(records)).replaceWithVoid()
                .onFailure().recoverWithUni(error -> {
                    LOG.warnf("a batch of %d records failed (%s); applying each on its own", records.size(), error.toString());
                    return Multi.createFrom().iterable(records)
                            .onItem().transformToUniAndConcatenate(record -> Uni.createFrom()
                                    .deferred(() -> alone.apply(record)).replaceWithVoid()
                                    .onFailure().recoverWithUni(failure -> deadLetter.apply(record, failure)))
                            .collect().last().replaceWithVoid();
                });
    }

    private static <K, V> ConsumerRecord<K, V> consumerRecord(KafkaRecord<K, V> record) {
        @SuppressWarnings("unchecked")
        IncomingKafkaRecordMetadata<K, V> metadata = record.getMetadata(IncomingKafkaRecordMetadata.class)
                .orElseThrow(() -> new IllegalStateException("not an incoming Kafka record"));
        return metadata.getRecord();
    }
}
