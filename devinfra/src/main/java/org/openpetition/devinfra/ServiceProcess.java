package org.openpetition.devinfra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One packaged service running as its own process on 127.0.0.1. */
public final class ServiceProcess implements AutoCloseable {

    /**
     * The profiles of a packaged service run here: production's settings plus the demo profile, in which a
     * service loads its demo data (routing-service: the demo directory). Production (deploy/k8s) runs the
     * prod profile alone. A {@code quarkus.profile} in the configuration given replaces it.
     */
    public static final String PROFILE = "prod,demo";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final PlatformService service;
    private final int port;
    private final int managementPort;
    private final Process process;
    private final Path log;
    private final long startedAt;
    private long readyAt;

    private ServiceProcess(PlatformService service, ServicePorts ports, Process process, Path log, long startedAt) {
        this.service = service;
        this.port = ports.http();
        this.managementPort = ports.management();
        this.process = process;
        this.log = log;
        this.startedAt = startedAt;
    }

    /**
     * Starts the service's quarkus-run.jar in the {@link #PROFILE} profiles with the given configuration (as
     * system properties), its API on {@code port} and its management interface (health, metrics, OpenAPI) on a
     * free port.
     */
    public static ServiceProcess start(PlatformService service, Path projectDir, int port, Map<String, String> config,
                                       Path logDir) {
        return start(service, projectDir, new ServicePorts(port, Ports.free()), config, logDir);
    }

    /** Starts the service's quarkus-run.jar with the given ports and configuration (as system properties). */
    public static ServiceProcess start(PlatformService service, Path projectDir, ServicePorts ports,
                                       Map<String, String> config, Path logDir) {
        Path jar = service.runJar(projectDir);
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " does not exist - package the services first (./mvnw package -DskipTests)");
        }
        try {
            Files.createDirectories(logDir);
            List<String> command = new ArrayList<>(List.of(Processes.java(), "-Xms64m", "-Xmx384m",
                    "-Dquarkus.http.host=" + Ports.LOOPBACK, "-Dquarkus.http.port=" + ports.http(),
                    "-Dquarkus.management.host=" + Ports.LOOPBACK, "-Dquarkus.management.port=" + ports.management()));
            if (!config.containsKey("quarkus.profile")) {
                command.add("-Dquarkus.profile=" + PROFILE);
            }
            config.forEach((key, value) -> command.add("-D" + key + "=" + value));
            command.addAll(List.of("-jar", jar.toString()));
            Path log = logDir.resolve(service.module() + ".log");
            long startedAt = System.nanoTime();
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            return new ServiceProcess(service, ports, process, log, startedAt);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + service.module(), e);
        }
    }

    /** Waits until the service reports ready on /q/health/ready of its management interface. */
    public ServiceProcess awaitReady(Duration timeout) {
        Wait.until(service.module() + " to be ready (log: " + log + ")", timeout, () -> {
            if (!process.isAlive()) {
                throw new IllegalStateException(service.module() + " exited with " + process.exitValue() + ", see " + log);
            }
            try {
                HttpRequest request = HttpRequest.newBuilder(URI.create(managementUrl() + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(2)).build();
                return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        });
        readyAt = System.nanoTime();
        return this;
    }

    public PlatformService service() {
        return service;
    }

    /** The API (the public port). */
    public String url() {
        return "http://" + Ports.LOOPBACK + ":" + port;
    }

    /** The management interface: /q/health, /q/metrics, /q/openapi, /q/swagger-ui. */
    public String managementUrl() {
        return "http://" + Ports.LOOPBACK + ":" + managementPort;
    }

    public long pid() {
        return process.pid();
    }

    public Path log() {
        return log;
    }

    /** From process start to ready, in milliseconds. */
    public long startupMillis() {
        return TimeUnit.NANOSECONDS.toMillis(readyAt - startedAt);
    }

    /** Resident memory of the process in MiB, from /proc (Linux). */
    public long residentMiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
        } catch (IOException e) {
            // not Linux, or already gone
        }
        return -1;
    }

    /** Kills the process at once (SIGKILL): no shutdown hook, no flush, as in a crash. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    @Override
    public void close() {
        Processes.stop(process);
    }
}
