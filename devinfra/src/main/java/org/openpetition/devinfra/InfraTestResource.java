package org.openpetition.devinfra;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * The Quarkus test resource of every service: points the service under test at the shared real
 * infrastructure of this test JVM. Argument "service": the service's database name, e.g. "intake".
 *
 * <p>Where a Docker engine exists, Quarkus Dev Services (Testcontainers) could provide PostgreSQL,
 * Kafka and Keycloak instead; the project turns them off and this path is not exercised here.
 */
public class InfraTestResource implements QuarkusTestResourceLifecycleManager {

    private PlatformService service;

    @Override
    public void init(Map<String, String> initArgs) {
        service = PlatformService.byDatabase(initArgs.getOrDefault("service", ""));
    }

    @Override
    public Map<String, String> start() {
        return SharedInfrastructure.get().serviceConfig(service);
    }

    @Override
    public void stop() {
        // shared by every test class of this JVM; stopped when the JVM exits
    }
}
