package org.openpetition.system;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.openpetition.devinfra.Infrastructure;
import org.openpetition.devinfra.Platform;

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
            platform = Platform.start(Path.of(System.getProperty("petition.project.dir")), workDir,
                    Path.of(System.getProperty("petition.dist.dir")), Infrastructure.Ports.random(),
                    Platform.randomServicePorts(), Map.of());
            Platform started = platform;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "shared-platform-stop"));
        }
        return platform;
    }
}
