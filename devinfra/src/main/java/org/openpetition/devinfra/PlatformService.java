package org.openpetition.devinfra;

import java.nio.file.Path;

/**
 * The platform's services: their module, database, and ports in a local run (the API, and the management
 * interface with health, metrics and OpenAPI). The four API services come first; the portal (the citizen
 * portal and staff workbench, which serves pages and calls the four with the user's token) starts last.
 */
public enum PlatformService {
    INTAKE("intake-service", "intake", 8081, 9081),
    ROUTING("routing-service", "routing", 8082, 9082),
    SUPERVISION("supervision-service", "supervision", 8083, 9083),
    NOTIFICATION("notification-service", "notification", 8084, 9084),
    PORTAL("portal", "portal", 8080, 9080);

    private final String module;
    private final String database;
    private final int localPort;
    private final int localManagementPort;

    PlatformService(String module, String database, int localPort, int localManagementPort) {
        this.module = module;
        this.database = database;
        this.localPort = localPort;
        this.localManagementPort = localManagementPort;
    }

    /** The four services with a REST API of their own (everything but the portal). */
    public static java.util.List<PlatformService> apis() {
        return java.util.List.of(INTAKE, ROUTING, SUPERVISION, NOTIFICATION);
    }

    /** Whether this is one of the four API services (not the portal). */
    public boolean api() {
        return this != PORTAL;
    }

    public String module() {
        return module;
    }

    public String database() {
        return database;
    }

    public int localPort() {
        return localPort;
    }

    public int localManagementPort() {
        return localManagementPort;
    }

    /** The packaged service (fast-jar layout) inside the project. */
    public Path runJar(Path projectDir) {
        return projectDir.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
    }

    public static PlatformService byDatabase(String database) {
        for (PlatformService service : values()) {
            if (service.database.equals(database) || service.module.equals(database)) {
                return service;
            }
        }
        throw new IllegalArgumentException("no service " + database);
    }
}
