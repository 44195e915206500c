package bifrostconsole.threads;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;

/**
 * The common pool's workers as background threads ({@link BackgroundThreads}): named by the window launcher's
 * {@code -Djava.util.concurrent.ForkJoinPool.common.threadFactory} (on Linux), since a worker otherwise starts at the
 * priority of whichever thread's task made the pool grow, often the FX thread's. A top-level class: the launcher's
 * options would read a {@code $} in a nested class's name as one of its variables.
 */
public final class CommonPoolThreads implements ForkJoinPool.ForkJoinWorkerThreadFactory {
    @Override
    public ForkJoinWorkerThread newThread(ForkJoinPool pool) {
        ForkJoinWorkerThread thread = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
        thread.setPriority(BackgroundThreads.PRIORITY);
        return thread;
    }
}
