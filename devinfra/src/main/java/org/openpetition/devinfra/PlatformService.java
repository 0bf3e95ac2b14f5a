package org.openpetition.devinfra;

import java.nio.file.Path;

/** The platform's services: their module, database and port in a local run. */
public enum PlatformService {
    INTAKE("intake-service", "intake", 8081),
    ROUTING("routing-service", "routing", 8082),
    SUPERVISION("supervision-service", "supervision", 8083),
    NOTIFICATION("notification-service", "notification", 8084);

    private final String module;
    private final String database;
    private final int localPort;

    PlatformService(String module, String database, int localPort) {
        this.module = module;
        this.database = database;
        this.localPort = localPort;
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
