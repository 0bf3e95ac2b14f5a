package org.openpetition.devinfra;

import java.util.concurrent.TimeUnit;

/** Stopping the processes devinfra started. */
final class Processes {

    private Processes() {
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
