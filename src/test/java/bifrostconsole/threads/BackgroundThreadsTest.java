package bifrostconsole.threads;

import org.junit.jupiter.api.Test;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BackgroundThreadsTest {

    @Test
    void namedThreadsAreDaemonsBelowTheNormalPriorityWhoeverMakesThem() throws Exception {
        Thread[] made = new Thread[1];
        Thread maker = new Thread(() -> made[0] = BackgroundThreads.named("worker").newThread(() -> { }));
        maker.setPriority(Thread.MAX_PRIORITY);
        maker.start();
        maker.join();
        assertEquals("worker", made[0].getName());
        assertTrue(made[0].isDaemon());
        assertEquals(Thread.NORM_PRIORITY - 1, made[0].getPriority());
    }

    @Test
    void commonPoolWorkersToo() {
        ForkJoinPool pool = new ForkJoinPool(1);
        try {
            ForkJoinWorkerThread worker = new CommonPoolThreads().newThread(pool);
            assertEquals(Thread.NORM_PRIORITY - 1, worker.getPriority());
        } finally {
            pool.shutdownNow();
        }
    }
}
