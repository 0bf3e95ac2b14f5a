package org.openpetition.devinfra;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Stopping the processes devinfra started. */
final class Processes {

    private Processes() {
    }

    /** The java command of the running JVM: child processes run on the same JDK. */
    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** SIGTERM, up to 30 s for a clean shutdown, then SIGKILL. */
    static void stop(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
