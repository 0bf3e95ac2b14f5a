package org.openpetition.system;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.openpetition.devinfra.Infrastructure;
import org.openpetition.devinfra.Platform;
import org.openpetition.devinfra.PlatformService;

/**
 * One platform (infrastructure and the four packaged services) shared by the system tests that leave it
 * running as they found it (the authorization matrix, the fuzz): started on first use, stopped when the
 * test JVM exits. Tests that kill or reconfigure services start their own.
 */
final class SharedPlatform {

    private static Platform platform;

    private SharedPlatform() {
    }

    static synchronized Platform get() throws Exception {
        if (platform == null) {
            Path workDir = Files.createTempDirectory("petition-shared-");
            // every request of these tests comes from 127.0.0.1: the per-address limits of registration and
            // tracking are raised so that one test's volume (the fuzz) does not refuse another's petitions
            platform = Platform.start(Path.of(System.getProperty("petition.project.dir")), workDir,
                    Path.of(System.getProperty("petition.dist.dir")), Infrastructure.Ports.random(),
                    Platform.randomServicePorts(), Map.of(PlatformService.INTAKE, Map.of(
                            "petition.rate-limit.citizen-registration.per-address", "100000",
                            "petition.rate-limit.tracking.per-address", "100000")));
            Platform started = platform;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "shared-platform-stop"));
        }
        return platform;
    }
}
