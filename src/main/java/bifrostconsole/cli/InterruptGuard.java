package bifrostconsole.cli;

import bifrostconsole.export.Cancellation;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C during a command: cancels the work and waits briefly for it to finish, so an interrupted export leaves
 * neither a truncated file nor a stray temporary one, and a stopped demo server closes its port.
 */
final class InterruptGuard implements AutoCloseable {
    private final Cancellation cancellation = new Cancellation();
    private final CompletableFuture<Void> interrupted = new CompletableFuture<>();
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook;

    private InterruptGuard() {
        hook = new Thread(() -> {
            cancellation.cancel();
            interrupted.complete(null);
            try {
                finished.await(3, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "cancel-on-interrupt");
    }

    static InterruptGuard install() {
        InterruptGuard guard = new InterruptGuard();
        Runtime.getRuntime().addShutdownHook(guard.hook);
        return guard;
    }

    Cancellation cancellation() {
        return cancellation;
    }

    CompletableFuture<Void> interrupted() {
        return interrupted;
    }

    @Override
    public void close() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The JVM is already exiting: the hook is running and has just been released.
        }
    }
}
