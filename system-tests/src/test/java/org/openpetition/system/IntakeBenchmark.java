package org.openpetition.system;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 * ./mvnw -pl system-tests verify -Dit.test=IntakeBenchmark -Dbenchmark.clients=16 -Dbenchmark.seconds=30 -Dbenchmark.warmup=40</pre>
 *
 * All clients send the same clerk's token, as a registry office's clerks do through a session; with
 * {@code -Dbenchmark.tokenCache=false} the service verifies it in full on every request.
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
                     Ports.free(), serviceConfig(infra), workDir.resolve("logs"))
                     .awaitReady(Duration.ofSeconds(120))) {
            String token = infra.keycloak().accessToken("clerk");
            URI uri = URI.create(intake.url() + "/api/petitions");

            run(uri, token, clients, warmupSeconds, null);
            analyze(infra);
            long storedBefore = countPetitions(infra);
            List<long[]> samples = new ArrayList<>();
            AtomicLong errors = new AtomicLong();
            long start = System.nanoTime();
            run(uri, token, clients, seconds, new Recorder(samples, errors));
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

    /**
     * The service's configuration; {@code -Dbenchmark.tokenCache=false} turns the cache of verified tokens off, so
     * that every request's token is verified in full, as for clients that each send one request per token. The
     * clerk's registration limits stay on (each registration still counts against them) but are raised: every
     * client is the same clerk from the same address; {@code -Dbenchmark.rateLimit=false} turns them off.
     */
    private static Map<String, String> serviceConfig(Infrastructure infra) {
        Map<String, String> config = new HashMap<>(infra.serviceConfig(PlatformService.INTAKE));
        config.put("petition.security.token-cache.enabled", System.getProperty("benchmark.tokenCache", "true"));
        config.put("petition.rate-limit.enabled", System.getProperty("benchmark.rateLimit", "true"));
        config.put("petition.rate-limit.clerk-registration.per-account", "100000000");
        config.put("petition.rate-limit.clerk-registration.per-address", "100000000");
        return config;
    }

    /**
     * Each client is one thread with one keep-alive HTTP/1.1 connection, sending a request and waiting
     * for its response. A plain socket rather than java.net.http.HttpClient: the generator shares the
     * two cores with the service, and HttpClient spent several times more CPU per request than this.
     */
    private static void run(URI uri, String token, int clients, int seconds, Recorder recorder) throws Exception {
        long until = System.nanoTime() + seconds * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<long[]>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            futures.add(pool.submit(() -> {
                long[] latencies = new long[200_000];
                int n = 0;
                try (KeepAlive connection = new KeepAlive(uri, token)) {
                    while (System.nanoTime() < until && n < latencies.length) {
                        byte[] request = connection.request(body());
                        long t0 = System.nanoTime();
                        int status = connection.send(request);
                        long took = System.nanoTime() - t0;
                        if (status == 201) {
                            latencies[n++] = took;
                        } else if (recorder != null) {
                            recorder.errors().incrementAndGet();
                        }
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

    /** One keep-alive HTTP/1.1 connection that POSTs JSON and reads status and body (Content-Length or chunked). */
    private static final class KeepAlive implements AutoCloseable {

        private final URI uri;
        private final byte[] head;
        private Socket socket;
        private OutputStream out;
        private InputStream in;

        KeepAlive(URI uri, String token) {
            this.uri = uri;
            this.head = ("POST " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                    + "\r\nAuthorization: Bearer " + token + "\r\nContent-Type: application/json\r\nContent-Length: ")
                    .getBytes(StandardCharsets.US_ASCII);
        }

        byte[] request(String json) {
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            byte[] length = (body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
            byte[] request = Arrays.copyOf(head, head.length + length.length + body.length);
            System.arraycopy(length, 0, request, head.length, length.length);
            System.arraycopy(body, 0, request, head.length + length.length, body.length);
            return request;
        }

        /** Sends the request and returns the response status, or -1 if the connection failed. */
        int send(byte[] request) throws IOException {
            try {
                if (socket == null) {
                    socket = new Socket(uri.getHost(), uri.getPort());
                    socket.setTcpNoDelay(true);
                    socket.setSoTimeout(30_000);
                    out = socket.getOutputStream();
                    in = new BufferedInputStream(socket.getInputStream(), 8192);
                }
                out.write(request);
                out.flush();
                String statusLine = line();
                int status = Integer.parseInt(statusLine.split(" ", 3)[1]);
                long length = 0;
                boolean chunked = false;
                boolean close = false;
                for (String header = line(); !header.isEmpty(); header = line()) {
                    String lower = header.toLowerCase(Locale.ROOT);
                    if (lower.startsWith("content-length:")) {
                        length = Long.parseLong(lower.substring(15).trim());
                    } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                        chunked = true;
                    } else if (lower.startsWith("connection:") && lower.contains("close")) {
                        close = true;
                    }
                }
                if (chunked) {
                    for (long chunk = Long.parseLong(line().trim(), 16); chunk > 0; chunk = Long.parseLong(line().trim(), 16)) {
                        skip(chunk);
                        line();
                    }
                    line();
                } else {
                    skip(length);
                }
                if (close) {
                    close();
                }
                return status;
            } catch (IOException | RuntimeException e) {
                close();
                return -1;
            }
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder();
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    throw new IOException("connection closed");
                }
                if (b != '\r') {
                    line.append((char) b);
                }
            }
            return line.toString();
        }

        private void skip(long count) throws IOException {
            while (count > 0) {
                long skipped = in.skip(count);
                if (skipped <= 0) {
                    if (in.read() < 0) {
                        throw new IOException("connection closed");
                    }
                    skipped = 1;
                }
                count -= skipped;
            }
        }

        @Override
        public void close() {
            if (socket != null) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
                socket = null;
            }
        }
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

    /**
     * Statistics as a running system has them. The database starts empty and the warm-up fills it faster
     * than autovacuum, busy vacuuming, first analyzes it; until then the planner knows nothing of the
     * petitioner table and half of the repeat checks read all of it (seen in pg_stat_user_tables:
     * 126 million rows read by 11,000 sequential scans in one run), so the cost per petition grew with the
     * number stored.
     */
    private static void analyze(Infrastructure infra) throws Exception {
        try (Connection c = intakeDatabase(infra)) {
            c.createStatement().execute("analyze");
        }
    }

    private static long countPetitions(Infrastructure infra) throws Exception {
        try (Connection c = intakeDatabase(infra);
             ResultSet r = c.createStatement().executeQuery("select count(*) from petition")) {
            r.next();
            return r.getLong(1);
        }
    }

    private static Connection intakeDatabase(Infrastructure infra) throws Exception {
        return DriverManager.getConnection(infra.postgres().jdbcUrl("intake"), "intake", "intake");
    }
}
