package org.openpetition.devinfra;

/**
 * The two ports of a service on 127.0.0.1: the API ({@code quarkus.http.port}) and the management
 * interface with health, metrics and OpenAPI ({@code quarkus.management.port}).
 */
public record ServicePorts(int http, int management) {

    /** The fixed ports of a local run (deploy/local/run.sh). */
    public static ServicePorts local(PlatformService service) {
        return new ServicePorts(service.localPort(), service.localManagementPort());
    }

    /** Two free ports. */
    public static ServicePorts random() {
        return new ServicePorts(Ports.free(), Ports.free());
    }
}
