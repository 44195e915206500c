package bifrostconsole.startup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Milliseconds since this process started, counting the launcher and JVM start-up the user waits through too.
 *
 * <p>On Linux {@code ProcessHandle.info().startInstant()} is built on the kernel's boot time in whole seconds,
 * so it can be off by up to a second; there the process age is read from {@code /proc} instead (the process's
 * start and the system's uptime are both counted from boot, to 10 ms). Elsewhere the operating system reports
 * the start instant precisely.
 */
public final class StartupClock {
    private static final Path PROC_SELF_STAT = Path.of("/proc/self/stat");
    private static final Path PROC_UPTIME = Path.of("/proc/uptime");
    /** USER_HZ: the unit of /proc's start time, 100 on every mainstream Linux build. */
    private static final double CLOCK_TICKS_PER_SECOND = 100.0;

    private StartupClock() {
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
