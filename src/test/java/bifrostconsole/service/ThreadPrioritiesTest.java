package bifrostconsole.service;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ThreadPrioritiesTest {

    @Test
    void raisesTheCallingThread() throws Exception {
        AtomicInteger seen = new AtomicInteger();
        Thread caller = new Thread(() -> {
            ThreadPriorities.raiseUiThreads();
            seen.set(Thread.currentThread().getPriority());
        });
        caller.start();
        caller.join();
        assertEquals(Thread.MAX_PRIORITY, seen.get());
    }

    @Test
    void aTimerMadeFromARaisedThreadRunsAtTheNormalPriority() throws Exception {
        // A thread inherits its maker's priority: the console's factories must not hand the FX thread's on.
        AtomicInteger seen = new AtomicInteger();
        Thread fxLike = new Thread(() -> {
            ThreadPriorities.raiseUiThreads();
            var timer = Scheduler.newTimer();
            try {
                seen.set(timer.schedule(() -> Thread.currentThread().getPriority(), 0,
                        java.util.concurrent.TimeUnit.MILLISECONDS).get());
            } catch (Exception e) {
                throw new AssertionError(e);
            } finally {
                timer.shutdownNow();
            }
        });
        fxLike.start();
        fxLike.join();
        assertEquals(Thread.NORM_PRIORITY, seen.get());
    }
}
