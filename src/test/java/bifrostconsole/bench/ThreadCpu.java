package bifrostconsole.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What every thread of a process (this JVM, the gateway's child) ran on a core, from Linux's
 * {@code /proc/PID/task/TID/schedstat} (ns on a CPU, ns waiting for one), sampled by a thread of its own every
 * {@code periodMs} so that no phase's boundary makes the FX thread read files: on a 2-core machine this says what
 * the FX thread shares the cores with in each phase (the HTTP client, the JIT compilers, the collectors, the
 * renderer, the gateway), which its own CPU and wait cannot tell. Threads are summed by name with their numbers
 * taken out ("C2 CompilerThre", "GC Thread#"); the JVM's hidden threads (compilers, collectors) are in /proc, not
 * in ThreadMXBean. Where there is no /proc, every snapshot is empty.
 */
final class ThreadCpu implements AutoCloseable {
    /** One sample: when (System.nanoTime) and each process's threads' CPU so far by name, ns. */
    record Snapshot(long at, Map<String, Long> cpu) {
    }

    private final List<Long> pids;
    private final List<String> prefixes;
    private final List<Snapshot> snapshots = new ArrayList<>();
    private final Thread sampler;
    private volatile boolean stop;

    /** @param prefixes each process's prefix for its thread names ("" for this JVM, "gateway: " for the child) */
    ThreadCpu(List<Long> pids, List<String> prefixes, long periodMs) {
        this.pids = pids;
        this.prefixes = prefixes;
        sampler = new Thread(() -> {
            while (!stop) {
                Snapshot s = snapshot();
                synchronized (snapshots) {
                    snapshots.add(s);
                }
                try {
                    Thread.sleep(periodMs);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "bench-thread-cpu");
        sampler.setDaemon(true);
        sampler.start();
    }

    private Snapshot snapshot() {
        long at = System.nanoTime();
        Map<String, Long> cpu = new HashMap<>();
        for (int i = 0; i < pids.size(); i++) {
            Path tasks = Path.of("/proc/" + pids.get(i) + "/task");
            try (Stream<Path> list = Files.list(tasks)) {
                for (Path t : (Iterable<Path>) list::iterator) {
                    try {
                        String name = Files.readString(t.resolve("comm")).strip().replaceAll("[0-9]+$", "");
                        String[] stat = Files.readString(t.resolve("schedstat")).strip().split(" ");
                        cpu.merge(prefixes.get(i) + name, Long.parseLong(stat[0]), Long::sum);
                    } catch (IOException | RuntimeException gone) {
                        // the thread ended between the listing and the read
                    }
                }
            } catch (IOException | RuntimeException none) {
                // no /proc, or the process ended
            }
        }
        return new Snapshot(at, cpu);
    }

    /** The snapshot nearest before or at {@code t}, else the first. */
    private Snapshot at(long t) {
        synchronized (snapshots) {
            Snapshot best = snapshots.isEmpty() ? new Snapshot(t, Map.of()) : snapshots.get(0);
            for (Snapshot s : snapshots) {
                if (s.at() <= t) {
                    best = s;
                }
            }
            return best;
        }
    }

    /** Each thread name's CPU between {@code from} and {@code to} (System.nanoTime), ms, added into {@code into}. */
    void addBetween(long from, long to, Map<String, Double> into) {
        Snapshot a = at(from);
        Snapshot b = at(to);
        b.cpu().forEach((name, ns) -> {
            double ms = (ns - a.cpu().getOrDefault(name, 0L)) / 1e6;
            if (ms > 0) {
                into.merge(name, ms, Double::sum);
            }
        });
    }

    /** The {@code n} largest, "name ms" joined, with the total of all. */
    static String top(Map<String, Double> cpu, int n) {
        double total = cpu.values().stream().mapToDouble(Double::doubleValue).sum();
        Map<String, Double> sorted = cpu.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue()
                .reversed()).limit(n).collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (x, y) -> x,
                LinkedHashMap::new));
        return String.format(Locale.ROOT, "all %.0f: ", total) + sorted.entrySet().stream().map(e -> String.format(
                Locale.ROOT, "%s %.0f", e.getKey(), e.getValue())).collect(Collectors.joining(", "));
    }

    @Override
    public void close() throws InterruptedException {
        stop = true;
        sampler.interrupt();
        sampler.join(1000);
        Snapshot last = snapshot();
        synchronized (snapshots) {
            snapshots.add(last);
        }
    }
}
