package bifrostconsole.threads;

import java.util.concurrent.ThreadFactory;

/**
 * The console's background threads run below the normal priority, so on a busy machine the threads that draw the
 * window (the FX thread and JavaFX's renderer, at the normal priority) get a core first.
 *
 * <p>On Linux a Java priority does nothing unless the JVM runs with {@code -XX:ThreadPriorityPolicy=1}; the
 * installed runtime carries it (jlink's add-options, from where a JVM run by a user who is not root prints no
 * warning about it), and the window launcher maps every priority below normal to nice 10 and the others to nice 0
 * ({@code -XX:JavaPriorityN_To_OSPriority}; the compilers and collectors, at 9, stay at 0 even when run as root).
 * A user who is not root may lower a thread but never raise it again, which is why the background threads are
 * lowered rather than the FX thread raised. The command launcher keeps the JVM's own map (priority 4 is nice 1).
 * Elsewhere ({@code java -jar}, other systems' defaults) the priorities change next to nothing.
 *
 * <p>A thread starts with its maker's priority, so what a background thread makes (the HTTP client's selector, a
 * JDK pool's workers) is lowered too.
 */
public final class BackgroundThreads {
    /** The background threads' Java priority: one below normal. */
    public static final int PRIORITY = Thread.NORM_PRIORITY - 1;

    private BackgroundThreads() {
    }

    /** Daemon threads of that priority, each called {@code name}. */
    public static ThreadFactory named(String name) {
        return task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            thread.setPriority(PRIORITY);
            return thread;
        };
    }
}
