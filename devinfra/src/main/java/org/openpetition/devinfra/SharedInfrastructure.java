package org.openpetition.devinfra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * One infrastructure per test JVM, started on first use on free ports and stopped when the JVM
 * exits: every test class of a module shares it, so the suite pays the start-up once.
 */
public final class SharedInfrastructure {

    private static Infrastructure instance;

    private SharedInfrastructure() {
    }

    public static synchronized Infrastructure get() {
        if (instance == null) {
            try {
                Path workDir = Files.createTempDirectory("petition-infra-");
                long start = System.nanoTime();
                instance = Infrastructure.start(workDir, distDir(), Infrastructure.Ports.random());
                System.out.printf("devinfra: PostgreSQL, Kafka, Keycloak and SMTP ready in %.1f s (%s)%n",
                        (System.nanoTime() - start) / 1e9, workDir);
                Infrastructure started = instance;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    started.close();
                    deleteTree(workDir);
                }, "devinfra-shutdown"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return instance;
    }

    /** Where the build put the Keycloak zip and the Kafka jars (system property petition.dist.dir). */
    public static Path distDir() {
        String dir = System.getProperty("petition.dist.dir");
        if (dir == null) {
            throw new IllegalStateException("system property petition.dist.dir is not set; run the tests through Maven");
        }
        return Path.of(dir);
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort: a temporary folder
        }
    }
}
