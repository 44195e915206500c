package bifrostconsole.startup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Milliseconds since this process started, counting the launcher and JVM start-up the user waits through too.
 *
 * <p>On Linux {@code ProcessHandle.info().startInstant()} is built on the kernel's boot time in whole seconds,
 * so it can be off by up to a second; there the process age is read from {@code /proc} instead (the process's
 * start and the system's uptime are both counted from boot, to 10 ms). Elsewhere the operating system reports
 * the start instant precisely.
 *
 * <p>{@link #mark} notes named moments of a start (toolkit up, demo data made, each request answered, first
 * layout); the smoke test prints them, which is how the README's start-up breakdown was taken. A mark costs a
 * nanosecond clock read: the process age is computed once, when the marks are read.
 */
public final class StartupClock {
    private static final Path PROC_SELF_STAT = Path.of("/proc/self/stat");
    private static final Path PROC_UPTIME = Path.of("/proc/uptime");
    /** USER_HZ: the unit of /proc's start time, 100 on every mainstream Linux build. */
    private static final double CLOCK_TICKS_PER_SECOND = 100.0;

    /** One named moment of the start: milliseconds since process start, and the thread it happened on. */
    public record Mark(String name, long millis, String thread) {
        @Override
        public String toString() {
            return name + " " + millis + " [" + thread + "]";
        }
    }

    private record RawMark(String name, long nanos, String thread) {
    }

    /** A start makes a dozen marks; the cap keeps code that marks on every page from growing the list forever. */
    private static final int MAX_MARKS = 64;
    private static final ConcurrentLinkedQueue<RawMark> MARKS = new ConcurrentLinkedQueue<>();

    private StartupClock() {
    }

    /** Notes that {@code name} happened now. Any thread; cheap enough for the start-up path. */
    public static void mark(String name) {
        if (MARKS.size() < MAX_MARKS) {
            MARKS.add(new RawMark(name, System.nanoTime(), Thread.currentThread().getName()));
        }
    }

    /** The marks so far, in the order they were made, as milliseconds since process start. */
    public static List<Mark> marks() {
        long nowNanos = System.nanoTime();
        long ageMillis = millisSinceProcessStart();
        List<Mark> result = new ArrayList<>();
        for (RawMark m : MARKS) {
            long before = (nowNanos - m.nanos()) / 1_000_000;
            result.add(new Mark(m.name(), ageMillis < 0 ? -1 : ageMillis - before, m.thread()));
        }
        return result;
    }

    /**
     * CPU time (user + system) of this process's threads so far, by thread name (the kernel's name, at most 15
     * characters; threads of one name summed), largest first, with the process's total first; empty where there
     * is no {@code /proc}.
     */
    public static String cpuByThread() {
        Path tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) {
            return "";
        }
        java.util.Map<String, Long> byName = new java.util.HashMap<>();
        long total = 0;
        try (java.util.stream.Stream<Path> list = Files.list(tasks)) {
            for (Path task : (Iterable<Path>) list::iterator) {
                try {
                    String stat = Files.readString(task.resolve("stat"), StandardCharsets.US_ASCII);
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String[] after = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    // Fields 14 and 15 (utime, stime) are words 11 and 12 after the command.
                    long ticks = Long.parseLong(after[11]) + Long.parseLong(after[12]);
                    byName.merge(name, ticks, Long::sum);
                    total += ticks;
                } catch (IOException | RuntimeException gone) {
                    // A thread that ended meanwhile.
                }
            }
        } catch (IOException e) {
            return "";
        }
        double msPerTick = 1000 / CLOCK_TICKS_PER_SECOND;
        try {
            // The process's own count also holds the threads that have ended.
            String stat = Files.readString(PROC_SELF_STAT, StandardCharsets.US_ASCII);
            String[] after = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            total = Long.parseLong(after[11]) + Long.parseLong(after[12]);
        } catch (IOException | RuntimeException unreadable) {
            // Keep the sum of the live threads.
        }
        StringBuilder out = new StringBuilder("process " + Math.round(total * msPerTick));
        byName.entrySet().stream().sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed())
                .filter(e -> e.getValue() > 0)
                .forEach(e -> out.append(", ").append(e.getKey()).append(' ').append(Math.round(e.getValue() * msPerTick)));
        return out.toString();
    }

    /** The process's age in milliseconds, or -1 when the operating system does not say when it started. */
    public static long millisSinceProcessStart() {
        Optional<Long> fromProc = millisFromProc();
        if (fromProc.isPresent()) {
            return fromProc.get();
        }
        return ProcessHandle.current().info().startInstant()
                .map(start -> Duration.between(start, Instant.now()).toMillis())
                .orElse(-1L);
    }

    private static Optional<Long> millisFromProc() {
        if (!Files.isReadable(PROC_SELF_STAT) || !Files.isReadable(PROC_UPTIME)) {
            return Optional.empty();
        }
        try {
            String stat = Files.readString(PROC_SELF_STAT, StandardCharsets.US_ASCII);
            double uptimeSeconds = Double.parseDouble(
                    Files.readString(PROC_UPTIME, StandardCharsets.US_ASCII).trim().split("\\s+")[0]);
            return Optional.of(Math.round((uptimeSeconds - startTicks(stat) / CLOCK_TICKS_PER_SECOND) * 1000));
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    /** Field 22 of /proc/PID/stat; counted after the ")" that ends field 2, since a command name may hold spaces. */
    static long startTicks(String stat) {
        String afterCommand = stat.substring(stat.lastIndexOf(')') + 2);
        // afterCommand starts at field 3, so field 22 is its 20th word.
        return Long.parseLong(afterCommand.split(" ")[19]);
    }
}
