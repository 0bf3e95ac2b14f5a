package org.openpetition.devinfra;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The whole platform: the infrastructure plus the four packaged services and the portal as separate processes. */
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
     * @param servicePorts the ports of each service (API and management interface)
     */
    public static Platform start(Path projectDir, Path workDir, Path distDir, Infrastructure.Ports ports,
                                 Map<PlatformService, ServicePorts> servicePorts) {
        return start(projectDir, workDir, distDir, ports, servicePorts, Map.of());
    }

    /**
     * As {@link #start(Path, Path, Path, Infrastructure.Ports, Map)}, with settings of a test added to (or
     * replacing) a service's configuration.
     */
    public static Platform start(Path projectDir, Path workDir, Path distDir, Infrastructure.Ports ports,
                                 Map<PlatformService, ServicePorts> servicePorts, Map<PlatformService, Map<String, String>> settings) {
        servicePorts.forEach((service, port) -> {
            Ports.requireFree(port.http(), service.module());
            Ports.requireFree(port.management(), service.module() + " management");
        });
        Infrastructure infrastructure = Infrastructure.start(workDir, distDir, ports);
        Map<PlatformService, ServiceProcess> services = new EnumMap<>(PlatformService.class);
        Platform platform = new Platform(infrastructure, services);
        try {
            for (PlatformService service : PlatformService.values()) {
                Map<String, String> config = new HashMap<>(infrastructure.serviceConfig(service));
                if (service == PlatformService.NOTIFICATION) {
                    // the link in citizens' receipts: the portal's tracking page
                    config.put("petition.notify.tracking-url",
                            "http://" + Ports.LOOPBACK + ":" + servicePorts.get(PlatformService.PORTAL).http() + "/track");
                }
                if (service == PlatformService.PORTAL) {
                    for (PlatformService api : PlatformService.apis()) {
                        config.put("portal." + api.database() + "-url", "http://" + Ports.LOOPBACK + ":" + servicePorts.get(api).http());
                    }
                }
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

    public static Map<PlatformService, ServicePorts> localServicePorts() {
        Map<PlatformService, ServicePorts> ports = new EnumMap<>(PlatformService.class);
        for (PlatformService service : PlatformService.values()) {
            ports.put(service, ServicePorts.local(service));
        }
        return ports;
    }

    public static Map<PlatformService, ServicePorts> randomServicePorts() {
        Map<PlatformService, ServicePorts> ports = new EnumMap<>(PlatformService.class);
        for (PlatformService service : PlatformService.values()) {
            ports.put(service, ServicePorts.random());
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
