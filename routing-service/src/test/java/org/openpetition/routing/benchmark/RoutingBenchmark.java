package org.openpetition.routing.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.atomic.LongAdder;
import java.util.zip.GZIPInputStream;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openpetition.contracts.CloudEvent;
import org.openpetition.contracts.Topics;
import org.openpetition.contracts.event.PetitionSubmittedV1;
import org.openpetition.contracts.taxonomy.SubjectCategories;
import org.openpetition.contracts.taxonomy.SubjectCategory;
import org.openpetition.devinfra.InfraTestResource;
import org.openpetition.devinfra.SharedInfrastructure;
import org.openpetition.routing.directory.Directory;
import org.openpetition.routing.directory.DirectoryIndex;
import org.openpetition.routing.directory.DivisionImport;
import org.openpetition.routing.service.Decision;
import org.openpetition.routing.service.PetitionFacts;
import org.openpetition.routing.service.RoutingRules;

/**
 * Not a test: routing decisions per second and the latency of one decision with the full five-level
 * directory loaded (the 620k villages imported through the same import as the admin API), then the
 * end-to-end consumer throughput (petition.submitted.v1 in, decisions committed with their outbox
 * events). Runs only with -Dbenchmark=true; see the README for the command. Prints its figures.
 */
@QuarkusTest
@WithTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "service", value = "routing"))
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class RoutingBenchmark {

    private static final int SECONDS = Integer.getInteger("benchmark.seconds", 10);
    private static final int THREADS = Integer.getInteger("benchmark.threads", 2);
    private static final int END_TO_END = Integer.getInteger("benchmark.petitions", 20_000);
    private static final Path VILLAGES = Path.of(System.getProperty("benchmark.villages",
            "../../shared/data/divisions/villages.csv.gz"));
    private static final List<String> DEMO_COUNTIES = List.of("511703", "450326", "411625", "411602", "411622");

    @Inject
    DivisionImport divisionImport;

    @Inject
    DirectoryIndex index;

    @Inject
    RoutingRules rules;

    @Inject
    DataSource dataSource;

    @Inject
    ObjectMapper json;

    @Test
    void routingDecisions() throws Exception {
        long start = System.nanoTime();
        try (InputStream in = new GZIPInputStream(Files.newInputStream(VILLAGES), 1 << 16)) {
            int imported = divisionImport.importCsv(in);
            System.out.printf("BENCHMARK: %d villages imported in %.1f s (COPY, parents checked, index reloaded)%n",
                    imported, (System.nanoTime() - start) / 1e9);
        }
        Directory directory = index.current();
        System.out.printf("BENCHMARK: directory loaded: %d divisions, %d units; heap used %d MB%n",
                directory.divisionCount(), directory.unitCount(),
                (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20);

        PetitionFacts[] workload = workload(readVillages(), 200_000);
        measure("warm-up", directory, workload, 5);
        measure("measured", directory, workload, SECONDS);
        endToEnd(workload);
    }

    /** Half in the demo counties (assigned), half anywhere in China (mostly the dispatcher's queue). */
    private static PetitionFacts[] workload(List<String> villages, int size) {
        List<String> demo = villages.stream().filter(v -> DEMO_COUNTIES.contains(v.substring(0, 6))).toList();
        List<String> categories = SubjectCategories.shipped().all().stream().map(SubjectCategory::code).toList();
        SplittableRandom random = new SplittableRandom(42);
        PetitionFacts[] facts = new PetitionFacts[size];
        for (int i = 0; i < size; i++) {
            String village = random.nextBoolean() ? demo.get(random.nextInt(demo.size())) : villages.get(random.nextInt(villages.size()));
            String locality = switch (random.nextInt(4)) {
                case 0 -> village.substring(0, 6);
                case 1 -> village.substring(0, 9);
                default -> village;
            };
            boolean accusation = random.nextInt(10) == 0;
            facts[i] = new PetitionFacts(accusation ? "ACCUSATION" : "SOLUTION_REQUEST", categories.get(random.nextInt(categories.size())),
                    locality, accusation ? locality.substring(0, 6) + "-ZJJ" : null,
                    random.nextInt(10) == 0 ? locality.substring(0, 2) : null, random.nextInt(20) == 0,
                    random.nextInt(10) == 0 ? 3 : null, false);
        }
        return facts;
    }

    private void measure(String label, Directory directory, PetitionFacts[] workload, int seconds) throws InterruptedException {
        LongAdder decisions = new LongAdder();
        long[][] latencies = new long[THREADS][];
        int[] counts = new int[THREADS];
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> threads = new ArrayList<>();
        int[] outcomes = new int[8];
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            latencies[t] = new long[4_000_000];
            Thread worker = new Thread(() -> {
                int i = thread * 7919;
                long[] mine = latencies[thread];
                int n = 0;
                long total = 0;
                while (System.nanoTime() < end) {
                    long before = System.nanoTime();
                    Decision d = rules.decide(workload[i++ % workload.length], Set.of(), directory);
                    long took = System.nanoTime() - before;
                    total++;
                    if (n < mine.length) { // latencies of the first 4 million decisions of each thread
                        mine[n++] = took;
                    }
                    if (thread == 0) {
                        outcomes[d.outcome().ordinal()]++;
                    }
                }
                counts[thread] = n;
                decisions.add(total);
            }, "benchmark-" + t);
            worker.start();
            threads.add(worker);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        long[] all = new long[Arrays.stream(counts).sum()];
        int at = 0;
        for (int t = 0; t < THREADS; t++) {
            System.arraycopy(latencies[t], 0, all, at, counts[t]);
            at += counts[t];
        }
        Arrays.sort(all);
        System.out.printf("BENCHMARK %s: %d threads, %d s: %.0f decisions/s; per decision p50 %.1f us, p99 %.1f us,"
                        + " p99.9 %.1f us, max %.1f us; outcomes of thread 0 (ASSIGNED, QUEUE, LINKED, DIVERTED): %s%n",
                label, THREADS, seconds, decisions.sum() / (double) seconds, pct(all, 50), pct(all, 99), pct(all, 99.9),
                all[all.length - 1] / 1e3, Arrays.toString(Arrays.copyOf(outcomes, 4)));
    }

    private static double pct(long[] sorted, double p) {
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(sorted.length * p / 100))] / 1e3;
    }

    /** Publishes petitions and waits until every decision is committed. */
    private void endToEnd(PetitionFacts[] workload) throws Exception {
        String run = "BENCH" + UUID.randomUUID().toString().substring(0, 8);
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.get().kafka().bootstrapServers());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        for (int i = 0; i < END_TO_END; i++) {
            PetitionFacts f = workload[i];
            UUID caseId = UUID.randomUUID();
            String value = json.writeValueAsString(new PetitionSubmittedV1(caseId, run + "-" + i, "ONLINE", f.kind(),
                    f.subjectCategory(), f.localityCode(), "标题", "内容", null, 1, Instant.now(), null, f.collective(),
                    f.accusedUnitCode() == null ? null : new PetitionSubmittedV1.Accused(f.accusedUnitCode(), null, null, null),
                    f.addressedToLocality(), f.households()));
            ProducerRecord<String, String> record = new ProducerRecord<>(Topics.PETITION_SUBMITTED_V1, caseId.toString(), value);
            for (String[] h : new String[][] {{"ce_specversion", "1.0"}, {"ce_id", UUID.randomUUID().toString()},
                    {"ce_source", "/benchmark"}, {"ce_type", CloudEvent.TYPE_PETITION_SUBMITTED_V1}, {"ce_subject", caseId.toString()},
                    {"content-type", "application/json"}}) {
                record.headers().add(h[0], h[1].getBytes(StandardCharsets.UTF_8));
            }
            records.add(record);
        }
        long start = System.nanoTime();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            records.forEach(producer::send);
            producer.flush();
        }
        double published = (System.nanoTime() - start) / 1e9;
        long decided = 0;
        while (decided < END_TO_END && System.nanoTime() - start < 600_000_000_000L) {
            Thread.sleep(250);
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("select count(*) from routing_decision where tracking_code like '" + run + "-%'")) {
                rs.next();
                decided = rs.getLong(1);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("BENCHMARK end-to-end: %d petitions published in %.1f s, %d decided and committed (with the"
                        + " processed-event mark and the outbox event) in %.1f s: %.0f petitions/s through the consumer%n",
                END_TO_END, published, decided, seconds, decided / seconds);
    }

    private static List<String> readVillages() throws Exception {
        List<String> codes = new ArrayList<>(640_000);
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(VILLAGES), 1 << 16), StandardCharsets.UTF_8))) {
            reader.readLine();
            String line;
            while ((line = reader.readLine()) != null) {
                codes.add(line.substring(0, line.indexOf(',')));
            }
        }
        return codes;
    }
}
