package org.openpetition.platform.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The batch consumer's fallback: together, else one by one in order, else the dead-letter topic. */
class BatchWithFallbackTest {

    private final List<String> together = new ArrayList<>();
    private final List<String> alone = new ArrayList<>();
    private final List<String> deadLettered = new ArrayList<>();

    @Test
    void aBatchThatSucceedsIsAppliedOnceTogether() {
        run(List.of("a", "b", "c"), Set.of(), Set.of());
        assertEquals(List.of("a", "b", "c"), together);
        assertEquals(List.of(), alone, "no record applied twice");
        assertEquals(List.of(), deadLettered);
    }

    @Test
    void aFailedBatchIsAppliedRecordByRecordInOrderAndOnlyThePoisonGoesToTheDeadLetterTopic() {
        run(List.of("a", "poison", "c", "d"), Set.of("poison"), Set.of("poison"));
        assertEquals(List.of("a", "poison", "c", "d"), together, "tried together first");
        assertEquals(List.of("a", "poison", "c", "d"), alone, "then each on its own, in order");
        assertEquals(List.of("poison: refused poison"), deadLettered);
    }

    @Test
    void aBatchThatFailsForAllOfThemSendsEachToTheDeadLetterTopic() {
        run(List.of("a", "b"), Set.of("a"), Set.of("a", "b"));
        assertEquals(List.of("a: refused a", "b: refused b"), deadLettered);
    }

    @Test
    void anExceptionThrownInsteadOfAFailedUniIsTreatedAlike() {
        BatchWithFallback.<String>apply(List.of("a", "b"), all -> {
                    throw new IllegalStateException("thrown");
                }, record -> {
                    if (record.equals("b")) {
                        throw new IllegalArgumentException("bad b");
                    }
                    alone.add(record);
                    return Uni.createFrom().voidItem();
                }, (record, error) -> {
                    deadLettered.add(record + ": " + error.getMessage());
                    return Uni.createFrom().voidItem();
                }).await().atMost(Duration.ofSeconds(5));
        assertEquals(List.of("a"), alone);
        assertEquals(List.of("b: bad b"), deadLettered);
    }

    @Test
    void aFailedDeadLetteringFailsTheBatchSoThatItIsNotAcknowledged() {
        assertThrows(IllegalStateException.class, () -> BatchWithFallback.<String>apply(List.of("a"),
                all -> Uni.createFrom().failure(new RuntimeException("batch")),
                record -> Uni.createFrom().failure(new RuntimeException("alone")),
                (record, error) -> Uni.createFrom().failure(new IllegalStateException("DLQ down")))
                .await().atMost(Duration.ofSeconds(5)));
    }

    @Test
    void anEmptyPollDoesNothing() {
        run(List.of(), Set.of(), Set.of());
        assertEquals(List.of(), together);
    }

    /** Runs the fallback; the batch fails if it holds one of {@code failBatch}; a record of {@code failAlone} fails alone. */
    private void run(List<String> records, Set<String> failBatch, Set<String> failAlone) {
        BatchWithFallback.apply(records, all -> {
                    together.addAll(all);
                    return all.stream().anyMatch(failBatch::contains)
                            ? Uni.createFrom().failure(new RuntimeException("batch refused")) : Uni.createFrom().voidItem();
                }, record -> {
                    alone.add(record);
                    return failAlone.contains(record)
                            ? Uni.createFrom().failure(new RuntimeException("refused " + record)) : Uni.createFrom().voidItem();
                }, (record, error) -> {
                    deadLettered.add(record + ": " + error.getMessage());
                    return Uni.createFrom().voidItem();
                }).await().atMost(Duration.ofSeconds(5));
    }
}
