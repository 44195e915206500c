package bifrostconsole.bench;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The benchmark harness, outside the unit tests: {@code mvn -B -q -Pbench test-compile exec:java}.
 * {@code -Dbench=parse,gateway} picks benchmarks by name; without it every benchmark of the default run runs
 * (the long {@code export} one only when named: {@code -Dbench=export}, after {@code mvn -DskipTests package}).
 * To add one, implement {@link Benchmark} and register it in {@link #REGISTRY}.
 */
public final class Benchmarks {

    /** One benchmark: warms up, measures, prints its figures (and ratios, so runs on a busy machine compare). */
    public interface Benchmark {
        String description();

        void run(PrintStream out) throws Exception;

        /** False for benchmarks too long for the default run: they run only when named in {@code -Dbench}. */
        default boolean inDefaultRun() {
            return true;
        }
    }

    private static final Map<String, Benchmark> REGISTRY = new LinkedHashMap<>();

    static {
        REGISTRY.put("parse", new ParseBenchmark());
        REGISTRY.put("gateway", new GatewayLatencyBenchmark());
        REGISTRY.put("writes", new BulkWriteBenchmark());
        REGISTRY.put("writes-fx", new BulkWriteFxBenchmark());
        REGISTRY.put("table", new KeyTableBenchmark());
        REGISTRY.put("export", new Benchmark() {
            @Override
            public String description() {
                return "export at scale (ExportBenchmark: 100,000 keys, 3 rounds, child JVMs)";
            }

            @Override
            public void run(PrintStream out) throws Exception {
                ExportBenchmark.main(new String[0]);
            }

            @Override
            public boolean inDefaultRun() {
                return false;
            }
        });
    }

    static {
        REGISTRY.put("overview", new Benchmark() {
            @Override
            public String description() {
                return "the overview's full scan against the export (OverviewScanBenchmark: 100,000 keys, FX stall)";
            }

            @Override
            public void run(PrintStream out) throws Exception {
                OverviewScanBenchmark.main(new String[0]);
            }

            @Override
            public boolean inDefaultRun() {
                return false;
            }
        });
    }

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        String selection = System.getProperty("bench", "").strip();
        List<String> names = selection.isEmpty()
                ? REGISTRY.entrySet().stream().filter(e -> e.getValue().inDefaultRun()).map(Map.Entry::getKey).toList()
                : Arrays.stream(selection.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        for (String name : names) {
            if (!REGISTRY.containsKey(name)) {
                System.err.println("Unknown benchmark '" + name + "': choose from " + String.join(", ", REGISTRY.keySet()));
                System.exit(2);
            }
        }
        PrintStream out = System.out;
        out.printf("Bifrost Console benchmarks: Java %s, %d CPUs, max heap %d MB%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        for (String name : names) {
            Benchmark benchmark = REGISTRY.get(name);
            out.printf("%n== %s: %s ==%n", name, benchmark.description());
            long start = System.nanoTime();
            benchmark.run(out);
            out.printf("(%s took %.1f s)%n", name, (System.nanoTime() - start) / 1e9);
        }
    }

    // ---- small statistics shared by benchmarks -------------------------------------------------------------

    /** The median of nanosecond samples, in milliseconds. */
    public static double medianMillis(long[] nanos) {
        return percentileMillis(nanos, 50);
    }

    /** The nearest-rank percentile of nanosecond samples, in milliseconds. */
    public static double percentileMillis(long[] nanos, double percentile) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
    }
}
