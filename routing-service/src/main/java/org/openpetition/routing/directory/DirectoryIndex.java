package org.openpetition.routing.directory;
import org.openpetition.routing.repository.DirectoryLoader;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.SQLException;
import org.jboss.logging.Logger;

/**
 * The current in-memory snapshot of the directory. Loaded at start-up, reloaded at once after a
 * change made through this replica, and within the refresh interval after a change made through
 * another (every change bumps directory_version).
 */
@ApplicationScoped
public class DirectoryIndex {

    private static final Logger LOG = Logger.getLogger(DirectoryIndex.class);

    private final DirectoryLoader loader;
    private volatile Directory current;

    public DirectoryIndex(DirectoryLoader loader) {
        this.loader = loader;
    }

    void onStart(@Observes StartupEvent event) throws SQLException {
        reload();
    }

    public Directory current() {
        Directory directory = current;
        if (directory == null) {
            throw new IllegalStateException("the directory is not loaded yet");
        }
        return directory;
    }

    /** Reloads the snapshot from the database (blocking; call it on a worker thread). */
    public synchronized Directory reload() throws SQLException {
        long start = System.nanoTime();
        current = loader.load();
        LOG.infof("directory version %d loaded: %d divisions, %d units in %d ms", current.version(),
                current.divisionCount(), current.unitCount(), (System.nanoTime() - start) / 1_000_000);
        return current;
    }

    @Scheduled(every = "${routing.directory.refresh-interval:10s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void refreshIfChanged() throws SQLException {
        if (current != null && loader.currentVersion() != current.version()) { // the first load is at start-up
            reload();
        }
    }
}
