package org.openpetition.platform.jobs;

import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * A background job that runs on a schedule and on demand ({@link #trigger()}), never twice at once
 * in this process: a trigger that arrives while it runs makes it run once more afterwards, so no
 * work committed before a trigger is left waiting for the next scheduled run.
 */
public final class CoalescingJob {

    private static final Logger LOG = Logger.getLogger(CoalescingJob.class);

    private final String name;
    private final Vertx vertx;
    private final Supplier<Uni<?>> work;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();

    public CoalescingJob(String name, Vertx vertx, Supplier<Uni<?>> work) {
        this.name = name;
        this.vertx = vertx;
        this.work = work;
    }

    /** Asks for a run soon, on a fresh Vert.x context, without waiting for it. Safe from any thread. */
    public void trigger() {
        var context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(ignored -> runOnce().subscribe().with(done -> { }, error -> { }));
    }

    /** Runs the job now unless it is running already (then it runs once more when done). */
    public Uni<Void> runOnce() {
        if (!running.compareAndSet(false, true)) {
            again.set(true);
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom().deferred(() -> work.get().replaceWithVoid())
                .onFailure().invoke(e -> LOG.warnf("%s failed: %s", name, e.getMessage()))
                .onFailure().recoverWithNull()
                .eventually(() -> {
                    running.set(false);
                    if (again.getAndSet(false)) {
                        trigger();
                    }
                });
    }
}
