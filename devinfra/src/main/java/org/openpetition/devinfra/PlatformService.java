package org.openpetition.devinfra;

import java.nio.file.Path;

/**
 * The platform's services: their module, database, and ports in a local run (the API, and the management
 * interface with health, metrics and OpenAPI).
 */
public enum PlatformService {
    INTAKE("intake-service", "intake", 8081, 9081),
    ROUTING("routing-service", "routing", 8082, 9082),
    SUPERVISION("supervision-service", "supervision", 8083, 9083),
    NOTIFICATION("notification-service", "notification", 8084, 9084);

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
