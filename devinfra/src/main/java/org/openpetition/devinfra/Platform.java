package org.openpetition.devinfra;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The whole platform: the infrastructure plus the four packaged services as separate processes. */
public final class Platform implements AutoCloseable {

    private final Infrastructure infrastructure;
    private final Map<PlatformService, ServiceProcess> services;

    private Platform(Infrastructure infrastructure, Map<PlatformService, ServiceProcess> services) {
        this.infrastructure = infrastructure;
        this.services = services;
    }

    /**
     * Starts the infrastructure and the services, and waits until every service is ready.
     *
     * @param servicePorts the HTTP port of each service
     */
    public static Platform start(Path projectDir, Path workDir, Path distDir, Infrastructure.Ports ports,
                                 Map<PlatformService, Integer> servicePorts) {
        return start(projectDir, workDir, distDir, ports, servicePorts, Map.of());
    }

    /**
     * As {@link #start(Path, Path, Path, Infrastructure.Ports, Map)}, with settings of a test added to (or
     * replacing) a service's configuration.
     */
    public static Platform start(Path projectDir, Path workDir, Path distDir, Infrastructure.Ports ports,
                                 Map<PlatformService, Integer> servicePorts, Map<PlatformService, Map<String, String>> settings) {
        servicePorts.forEach((service, port) -> Ports.requireFree(port, service.module()));
        Infrastructure infrastructure = Infrastructure.start(workDir, distDir, ports);
        Map<PlatformService, ServiceProcess> services = new EnumMap<>(PlatformService.class);
        Platform platform = new Platform(infrastructure, services);
        try {
            for (PlatformService service : PlatformService.values()) {
                Map<String, String> config = new HashMap<>(infrastructure.serviceConfig(service));
                config.putAll(settings.getOrDefault(service, Map.of()));
                services.put(service, ServiceProcess.start(service, projectDir, servicePorts.get(service), config,
                        workDir.resolve("logs")));
            }
            for (ServiceProcess process : services.values()) {
                process.awaitReady(Duration.ofSeconds(180));
            }
            return platform;
        } catch (RuntimeException e) {
            platform.close();
            throw e;
        }
    }

    public static Map<PlatformService, Integer> localServicePorts() {
        Map<PlatformService, Integer> ports = new EnumMap<>(PlatformService.class);
        for (PlatformService service : PlatformService.values()) {
            ports.put(service, service.localPort());
        }
        return ports;
    }

    public static Map<PlatformService, Integer> randomServicePorts() {
        Map<PlatformService, Integer> ports = new EnumMap<>(PlatformService.class);
        for (PlatformService service : PlatformService.values()) {
            ports.put(service, Ports.free());
        }
        return ports;
    }

    public Infrastructure infrastructure() {
        return infrastructure;
    }

    public ServiceProcess service(PlatformService service) {
        return services.get(service);
    }

    public List<ServiceProcess> services() {
        return new ArrayList<>(services.values());
    }

    @Override
    public void close() {
        for (ServiceProcess process : services.values()) {
            process.close();
        }
        infrastructure.close();
    }
}
