package org.openpetition.devinfra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

/**
 * Runs the whole platform on this machine (deploy/local/run.sh): PostgreSQL, Kafka, Keycloak,
 * SMTP and the four services, all on 127.0.0.1 with fixed ports; prints where everything is;
 * stops everything on Ctrl-C or SIGTERM. Each run starts from empty databases and topics.
 *
 * <p>Arguments: the project directory, the work directory (data, logs, pid file), the dist
 * directory (Keycloak zip, Kafka jars).
 */
public final class LocalPlatform {

    /** The department whose system the local run onboards on Kafka (its feed only), as a demo. */
    static final String DEMO_DEPARTMENT = "511703-ZJJ";


    private LocalPlatform() {
    }

    public static void main(String[] args) throws Exception {
        Path projectDir = Path.of(args[0]).toAbsolutePath();
        Path workDir = Path.of(args[1]).toAbsolutePath();
        Path distDir = Path.of(args[2]).toAbsolutePath();
        for (String stale : new String[] {"postgres", "kafka", "keycloak", "logs"}) {
            deleteTree(workDir.resolve(stale));
        }
        Files.createDirectories(workDir);
        Path pidFile = workDir.resolve("platform.pid");
        Files.writeString(pidFile, String.valueOf(ProcessHandle.current().pid()));

        long start = System.nanoTime();
        System.out.println("Starting PostgreSQL, Kafka, Keycloak, SMTP, the SMS gateway and the four services on 127.0.0.1 ...");
        Platform platform = Platform.start(projectDir, workDir, distDir, Infrastructure.Ports.local(),
                Platform.localServicePorts());
        platform.infrastructure().kafka().addDepartmentUser(DEMO_DEPARTMENT, KeycloakServer.DEMO_PASSWORD);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping the platform ...");
            platform.close();
            try {
                Files.deleteIfExists(pidFile);
            } catch (IOException e) {
                // nothing to do
            }
            System.out.println("Stopped.");
            stopped.countDown();
        }, "platform-shutdown"));
        System.out.printf("%nReady in %.0f s.%n", (System.nanoTime() - start) / 1e9);
        System.out.println(Banner.text(platform, workDir));
        stopped.await();
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
