package bifrostconsole.bench;

import bifrostconsole.api.ConnectionSettings;
import bifrostconsole.api.ManagementApiClient;
import bifrostconsole.api.VirtualKeyQuery;
import bifrostconsole.export.Cancellation;
import bifrostconsole.export.ExportFormat;
import bifrostconsole.export.ExportRequest;
import bifrostconsole.export.ExportScope;
import bifrostconsole.export.KeyExporter;
import bifrostconsole.export.KeyPageSource;
import bifrostconsole.export.KeyPager;
import bifrostconsole.export.ProgressListener;
import bifrostconsole.headroom.Attention;
import bifrostconsole.headroom.GatewayScan;
import bifrostconsole.headroom.OwnerLists;
import bifrostconsole.headroom.ScanResult;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Where the overview's scan spends its time, without the window: in one JVM against the demo gateway in a child
 * JVM, alternating rounds of the CSV export (the overview benchmark's baseline), the key pages alone (bound and
 * dropped), the teams and customers, the logs' ranking of keys, and the scan with and without the unused list.
 * {@code java -cp "target/classes:target/lib/*:target/test-classes" bifrostconsole.bench.OverviewScanParts 100000 3}
 * after {@code mvn -B -DskipTests package}; {@code -Dparts=REGEX} keeps the parts whose names match.
 */
public final class OverviewScanParts {

    private OverviewScanParts() {
    }

    private interface Part {
        void run() throws Exception;
    }

    public static void main(String[] args) throws Exception {
        int keys = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        // -Dbench.overview.serverOptions="..." (split at spaces): the gateway JVM's options, e.g. a JFR recording
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        String serverOptions = System.getProperty("bench.overview.serverOptions", "").trim();
        if (!serverOptions.isEmpty()) {
            command.addAll(List.of(serverOptions.split("\\s+")));
        }
        command.addAll(List.of("-cp", "target/classes:target/lib/*", "bifrostconsole.Launcher", "demo-server",
                "--port", "0", "--keys", String.valueOf(keys), "--seed", "42"));
        Process server = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        Path csv = Files.createTempFile("overview-parts", ".csv");
        try {
            String url = ExportBenchmark.awaitUrl(server);
            ManagementApiClient client = new ManagementApiClient(ConnectionSettings.of(url, null)
                    .withTimeouts(null, Duration.ofMinutes(2)));
            KeyExporter exporter = new KeyExporter(KeyPageSource.of(client));
            GatewayScan scan = new GatewayScan(client, Clock.systemUTC());
            KeyPager pager = new KeyPager(KeyPageSource.of(client));
            Map<String, Part> parts = new LinkedHashMap<>();
            parts.put("export CSV", () -> exporter.toFile(csv, ExportRequest.allMatching(VirtualKeyQuery.all(),
                    ExportFormat.CSV), ProgressListener.NONE, new Cancellation()));
            parts.put("pages, full binding, dropped", () -> pager.forEach(VirtualKeyQuery.all(),
                    ExportScope.ALL_MATCHING, k -> { }, ProgressListener.NONE, new Cancellation()));
            parts.put("teams and customers", () -> OwnerLists.load(client).get());
            parts.put("logs ranking (7 days)", () -> client.keyTraffic(Instant.now().minus(Duration.ofDays(7)),
                    Instant.now()).get());
            parts.put("gateway cost over 30 days (logs)", () -> client.usageHistory(bifrostconsole.api.LogsQuery
                    .between(Instant.now().minus(Duration.ofDays(30)), Instant.now())).get());
            parts.put("scan without unused", () -> scan.run(Attention.DEFAULTS, ProgressListener.NONE,
                    new Cancellation()));
            parts.put("scan with unused", () -> scan.run(Attention.DEFAULTS, Duration.ofDays(7), null,
                    ProgressListener.NONE, new Cancellation()));
            String only = System.getProperty("parts");
            // The step after the scan: the overview's rows, tiles and bars from the result (off the FX thread).
            bifrostconsole.overview.OverviewViewModel vm = new bifrostconsole.overview.OverviewViewModel(client,
                    Runnable::run, Runnable::run, Clock.systemUTC(), new bifrostconsole.ui.Formats(Locale.US,
                    java.time.ZoneOffset.UTC), bifrostconsole.config.UiSettings.inMemory());
            java.lang.reflect.Method toShown = vm.getClass().getDeclaredMethod("toShown", ScanResult.class);
            toShown.setAccessible(true);
            ScanResult[] last = new ScanResult[1];
            parts.put("the scan's result for the overview", () -> {
                if (last[0] == null) {
                    last[0] = scan.run(Attention.DEFAULTS, Duration.ofDays(7), null, ProgressListener.NONE,
                            new Cancellation());
                }
                toShown.invoke(vm, last[0]);
            });
            if (only != null) {
                parts.keySet().removeIf(k -> !k.matches(only));
            }
            System.out.printf(Locale.ROOT, "Overview scan parts: %,d keys at %s, %d rounds; load %s%n", keys, url,
                    rounds, load());
            for (Part p : parts.values()) {
                p.run(); // warm-up
            }
            Map<String, List<Double>> times = new LinkedHashMap<>();
            // CPU seconds of both JVMs per part: less swayed by a busy machine than the wall time
            Map<String, List<Double>> cpus = new LinkedHashMap<>();
            for (int r = 0; r < rounds; r++) {
                for (Map.Entry<String, Part> e : parts.entrySet()) {
                    double c = cpu(server);
                    long t = System.nanoTime();
                    e.getValue().run();
                    times.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add((System.nanoTime() - t) / 1e9);
                    cpus.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(cpu(server) - c);
                }
            }
            double base = times.containsKey("export CSV") ? median(times.get("export CSV")) : 1;
            double cpuBase = cpus.containsKey("export CSV") ? median(cpus.get("export CSV")) : 1;
            for (Map.Entry<String, List<Double>> e : times.entrySet()) {
                double cpu = median(cpus.get(e.getKey()));
                System.out.printf(Locale.ROOT, "  %-32s median %6.2f s (%.2fx the export)  %s; CPU of both JVMs %.2f s"
                        + " (%.2fx)%n", e.getKey(), median(e.getValue()), median(e.getValue()) / base, e.getValue()
                        .stream().map(v -> String.format(Locale.ROOT, "%.2f", v)).toList(), cpu, cpu / cpuBase);
            }
            System.out.printf(Locale.ROOT, "  load at the end %s%n", load());
        } finally {
            server.destroy();
            server.waitFor(10, TimeUnit.SECONDS);
            Files.deleteIfExists(csv);
        }
    }

    /** CPU seconds used so far by this JVM and the gateway's. */
    private static double cpu(Process server) {
        double own = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
        return own + server.toHandle().info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(0.0);
    }

    private static String load() throws java.io.IOException {
        Path p = Path.of("/proc/loadavg");
        return Files.exists(p) ? Files.readString(p).trim() : "?";
    }

    private static double median(List<Double> v) {
        List<Double> s = new ArrayList<>(v);
        s.sort(null);
        return s.get(s.size() / 2);
    }
}
