package org.openpetition.system;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.openpetition.devinfra.Infrastructure;
import org.openpetition.devinfra.PlatformService;
import org.openpetition.devinfra.Ports;
import org.openpetition.devinfra.ServiceProcess;

/**
 * Benchmark, not a test (it is not run by `./mvnw verify`): the packaged intake-service against real
 * PostgreSQL, Kafka and Keycloak, loaded on loopback by concurrent clients for a fixed time. Prints
 * petitions accepted and stored per second and the latency percentiles. Run it with
 *
 * <pre>./mvnw install -DskipTests
 * ./mvnw -pl system-tests verify -Dit.test=IntakeBenchmark -Dbenchmark.clients=32 -Dbenchmark.seconds=30</pre>
 *
 * The load generator shares the machine's cores with the service and the infrastructure.
 */
class IntakeBenchmark {

    @Test
    void registrationThroughputAndLatency() throws Exception {
        int clients = Integer.getInteger("benchmark.clients", 32);
        int seconds = Integer.getInteger("benchmark.seconds", 30);
        int warmupSeconds = Integer.getInteger("benchmark.warmup", 10);
        Path workDir = Files.createTempDirectory("petition-bench-");
        try (Infrastructure infra = Infrastructure.start(workDir, Path.of(System.getProperty("petition.dist.dir")),
                Infrastructure.Ports.random());
             ServiceProcess intake = ServiceProcess.start(PlatformService.INTAKE, Path.of(System.getProperty("petition.project.dir")),
                     Ports.free(), infra.serviceConfig(PlatformService.INTAKE), workDir.resolve("logs"))
                     .awaitReady(Duration.ofSeconds(120))) {
            String token = infra.keycloak().accessToken("clerk");
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build();
            URI uri = URI.create(intake.url() + "/api/petitions");

            run(http, uri, token, clients, warmupSeconds, null);
            long storedBefore = countPetitions(infra);
            List<long[]> samples = new ArrayList<>();
            AtomicLong errors = new AtomicLong();
            long start = System.nanoTime();
            run(http, uri, token, clients, seconds, new Recorder(samples, errors));
            double elapsed = (System.nanoTime() - start) / 1e9;
            long stored = countPetitions(infra) - storedBefore;

            long[] latencies = samples.stream().flatMapToLong(Arrays::stream).filter(l -> l > 0).sorted().toArray();
            System.out.printf("BENCHMARK intake-service: %d clients, %d s (after %d s warm-up): %d accepted (201), %d errors,"
                            + " %d stored -> %.0f petitions/s accepted and stored%n",
                    clients, seconds, warmupSeconds, latencies.length, errors.get(), stored, stored / elapsed);
            System.out.printf("BENCHMARK latency ms: p50 %.1f, p90 %.1f, p99 %.1f, max %.1f; service RSS %d MiB%n",
                    pct(latencies, 50), pct(latencies, 90), pct(latencies, 99), latencies[latencies.length - 1] / 1e6,
                    intake.residentMiB());
            assertTrue(latencies.length > 0, "no petition was accepted");
        }
    }

    private record Recorder(List<long[]> samples, AtomicLong errors) {
    }

    private static void run(HttpClient http, URI uri, String token, int clients, int seconds, Recorder recorder)
            throws Exception {
        long until = System.nanoTime() + seconds * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<long[]>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            futures.add(pool.submit(() -> {
                long[] latencies = new long[200_000];
                int n = 0;
                while (System.nanoTime() < until && n < latencies.length) {
                    HttpRequest request = HttpRequest.newBuilder(uri)
                            .header("Authorization", "Bearer " + token)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body()))
                            .timeout(Duration.ofSeconds(30)).build();
                    long t0 = System.nanoTime();
                    HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
                    long took = System.nanoTime() - t0;
                    if (response.statusCode() == 201) {
                        latencies[n++] = took;
                    } else if (recorder != null) {
                        recorder.errors().incrementAndGet();
                    }
                }
                return Arrays.copyOf(latencies, n);
            }));
        }
        for (Future<long[]> future : futures) {
            long[] latencies = future.get();
            if (recorder != null) {
                recorder.samples().add(latencies);
            }
        }
        pool.shutdown();
    }

    /** A realistic letter from a random petitioner (random phone, so most are not repeats). */
    private static String body() {
        String phone = "13" + String.format("%09d", ThreadLocalRandom.current().nextInt(1_000_000_000));
        return """
                {"channel": "LETTER", "kind": "SOLUTION_REQUEST", "subjectCategory": "URBAN_HOUSING",
                 "localityCode": "511703001", "addressText": "达川区翠屏街道",
                 "title": "小区加装电梯", "content": "我们小区六层住宅无电梯，老人上下楼困难，申请加装电梯，请予协调。",
                 "petitioners": [{"name": "张三", "phone": "%s"}]}
                """.formatted(phone);
    }

    private static double pct(long[] sorted, int percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1e6;
    }

    private static long countPetitions(Infrastructure infra) throws Exception {
        try (Connection c = DriverManager.getConnection(infra.postgres().jdbcUrl("intake"), "intake", "intake");
             ResultSet r = c.createStatement().executeQuery("select count(*) from petition")) {
            r.next();
            return r.getLong(1);
        }
    }
}
