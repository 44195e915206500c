package bifrostconsole.service;

/**
 * The window's threads that draw (the FX thread, the renderer) run ahead of everything else on a busy machine.
 *
 * <p>On Linux a Java priority does nothing unless the JVM runs with {@code -XX:ThreadPriorityPolicy=1} (the
 * installed runtime carries it, added by jlink, so a JVM of a user who is not root prints no warning about it), and
 * the window launcher maps priority 5, every thread's default, to nice 10 and priorities 6-10 to nice 0
 * ({@code -XX:JavaPriorityN_To_OSPriority}; a user who is not root may lower a thread but not raise it above nice 0).
 * So the threads raised here keep nice 0 and every other thread of the window's JVM (the HTTP client, the demo
 * gateway, the pools, the JVM's own compilers and collectors stay at 0) yields a core to them. Elsewhere (the
 * command line, {@code java -jar}, other systems' defaults) the calls below change nothing that matters.
 *
 * <p>A thread starts with the priority of the thread that made it, so a pool grown from the FX thread would run at
 * its priority: the console's thread factories set {@link Thread#NORM_PRIORITY} on each thread they make.
 */
public final class ThreadPriorities {
    private ThreadPriorities() {
    }

    /** Raises the calling thread (call it on the FX thread) and JavaFX's render thread to the highest priority. */
    public static void raiseUiThreads() {
        Thread.currentThread().setPriority(Thread.MAX_PRIORITY);
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().startsWith("QuantumRenderer")) {
                thread.setPriority(Thread.MAX_PRIORITY);
            }
        }
    }
}
