package bifrostconsole.bench;

import bifrostconsole.api.ConnectionSettings;
import bifrostconsole.api.ManagementApiClient;
import bifrostconsole.api.VirtualKeyQuery;
import bifrostconsole.export.Cancellation;
import bifrostconsole.export.ExportFormat;
import bifrostconsole.export.ExportRequest;
import bifrostconsole.export.ExportResult;
import bifrostconsole.export.KeyExporter;
import bifrostconsole.export.KeyPageSource;
import bifrostconsole.export.KeyPager;
import bifrostconsole.export.ProgressListener;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Export at scale, measured in one run against the demo gateway serving 100,000 keys from a child JVM:
 * <ol>
 *   <li>in this (warmed) JVM: a plain HTTP loop making the export's requests and discarding the bodies, then
 *       the export of all keys as CSV and as JSON to a file; median of the rounds and the ratios;</li>
 *   <li>in child JVMs started like a user would ({@code java -Xmx256m -cp target/classes:target/lib/*
 *       bifrostconsole.Launcher export ...}) under {@code /usr/bin/time -v}: wall time (start-up included) and
 *       peak resident memory, beside the same plain loop in a child JVM.</li>
 * </ol>
 * Needs {@code mvn -DskipTests package} first (for target/lib). Run:
 * {@code mvn -B -q -Pbench test-compile exec:java -Dexec.mainClass=bifrostconsole.bench.ExportBenchmark}
 * (arguments: {@code -Dexec.args="100000 3"} = keys, rounds; {@code -Dbench.export.children=false} skips the
 * child JVMs; {@code -Dbench.export.server=URL} uses a gateway already running instead of starting one;
 * {@code -Dbench.export.baseline=DIR} alternates child JVMs with the export classes in DIR, e.g. main's
 * target/classes, and with this build's, against one gateway, and prints both builds' ratios).
 */
public final class ExportBenchmark {
    private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+)");
    private static final Pattern MAX_RSS = Pattern.compile("Maximum resident set size \\(kbytes\\): (\\d+)");
    private static final String CHILD_HEAP = "-Xmx256m";
    private static final String SMALL_HEAP = "-Xmx64m";

    private ExportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length >= 2 && args[0].equals("--plain-loop")) {
            long bytes = plainLoop(args[1], Integer.parseInt(args[2]));
            System.out.println(bytes);
            return;
        }
        int keys = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path lib = Path.of("target", "lib");
        if (!Files.isDirectory(lib) || !Files.isDirectory(Path.of("target", "classes"))) {
            System.err.println("ExportBenchmark: target/lib is missing: run 'mvn -B -DskipTests package' first.");
            System.exit(2);
        }
        String appClasspath = "target/classes:target/lib/*";
        String benchClasspath = appClasspath + ":target/test-classes";
        Path work = Files.createTempDirectory("export-bench");
        String given = System.getProperty("bench.export.server");
        Process server = given != null ? null : new ProcessBuilder(java(), "-cp", appClasspath, "bifrostconsole.Launcher",
                "demo-server", "--port", "0", "--keys", String.valueOf(keys), "--seed", "42")
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            String url = given != null ? given : awaitUrl(server);
            String baseline = System.getProperty("bench.export.baseline");
            if (baseline != null) {
                alternate(url, keys, rounds, baseline);
                return;
            }
            System.out.printf(Locale.ROOT, "Export benchmark: %,d keys, demo gateway in a child JVM at %s, pages of"
                    + " %,d, %d rounds (median), %d cores%n", keys, url, KeyPager.EXPORT_PAGE_SIZE, rounds,
                    Runtime.getRuntime().availableProcessors());

            ManagementApiClient client = new ManagementApiClient(ConnectionSettings.of(url, null)
                    .withTimeouts(null, java.time.Duration.ofMinutes(2)));
            KeyExporter exporter = new KeyExporter(KeyPageSource.of(client));
            Path out = work.resolve("keys");
            // Warm-up: the server sorts its keys and both JVMs compile the hot paths.
            plainLoop(url, keys);
            exportInProcess(exporter, out, ExportFormat.CSV);
            exportInProcess(exporter, out, ExportFormat.JSON);

            List<Double> plain = new ArrayList<>();
            List<Double> csv = new ArrayList<>();
            List<Double> json = new ArrayList<>();
            // This JVM's CPU seconds per phase: on a shared machine wall time swings with the load, CPU much less.
            List<Double> plainCpu = new ArrayList<>();
            List<Double> csvCpu = new ArrayList<>();
            List<Double> jsonCpu = new ArrayList<>();
            long downloaded = 0;
            long csvBytes = 0;
            long jsonBytes = 0;
            for (int r = 0; r < rounds; r++) {
                long t = System.nanoTime();
                double cpu = cpuSeconds();
                downloaded = plainLoop(url, keys);
                plain.add(seconds(t));
                plainCpu.add(cpuSeconds() - cpu);
                t = System.nanoTime();
                cpu = cpuSeconds();
                ExportResult c = exportInProcess(exporter, out, ExportFormat.CSV);
                csv.add(seconds(t));
                csvCpu.add(cpuSeconds() - cpu);
                csvBytes = Files.size(out);
                check(c, keys);
                t = System.nanoTime();
                cpu = cpuSeconds();
                ExportResult j = exportInProcess(exporter, out, ExportFormat.JSON);
                json.add(seconds(t));
                jsonCpu.add(cpuSeconds() - cpu);
                jsonBytes = Files.size(out);
                check(j, keys);
            }
            double plainMedian = median(plain);
            System.out.println("In this JVM (warm):");
            System.out.printf(Locale.ROOT, "  plain HTTP loop, bodies discarded: %d requests, %.1f MB, %.2f s %s%n",
                    requests(keys), downloaded / 1e6, plainMedian, plain);
            System.out.printf(Locale.ROOT, "  export CSV to file:                %.2f s %s, %.1f MB written, ratio %.2fx%n",
                    median(csv), csv, csvBytes / 1e6, median(csv) / plainMedian);
            System.out.printf(Locale.ROOT, "  export JSON to file:               %.2f s %s, %.1f MB written, ratio %.2fx%n",
                    median(json), json, jsonBytes / 1e6, median(json) / plainMedian);
            System.out.printf(Locale.ROOT, "  this JVM's CPU (median): plain loop %.2f s, CSV %.2f s, JSON %.2f s%n",
                    median(plainCpu), median(csvCpu), median(jsonCpu));
            for (int r = 0; r < rounds; r++) {
                System.out.printf(Locale.ROOT, "ROUND %.2f %.2f %.2f %.2f %.2f %.2f%n", plain.get(r), csv.get(r),
                        json.get(r), plainCpu.get(r), csvCpu.get(r), jsonCpu.get(r));
            }
            if (!Boolean.parseBoolean(System.getProperty("bench.export.children", "true"))) {
                return; // -Dbench.export.children=false: the in-process comparison only
            }

            System.out.println("In child JVMs (" + CHILD_HEAP + ", start-up included, peak RSS from /usr/bin/time -v):");
            Child plainChild = child(List.of(java(), CHILD_HEAP, "-cp", benchClasspath,
                    ExportBenchmark.class.getName(), "--plain-loop", url, String.valueOf(keys)));
            System.out.printf(Locale.ROOT, "  plain HTTP loop:  %.2f s, peak RSS %.0f MB%n", plainChild.seconds,
                    plainChild.peakRssMb);
            for (ExportFormat format : ExportFormat.values()) {
                Path file = work.resolve("child." + format.extension());
                Child c = exportChild(CHILD_HEAP, appClasspath, url, format, file);
                System.out.printf(Locale.ROOT, "  export %-4s:      %.2f s, peak RSS %.0f MB, ratio %.2fx to the"
                                + " child plain loop (%s, %.1f MB)%n", format, c.seconds, c.peakRssMb,
                        c.seconds / plainChild.seconds, c.exitCode == 0 ? "exit 0" : "EXIT " + c.exitCode,
                        Files.exists(file) ? Files.size(file) / 1e6 : 0.0);
            }
            // Flat memory: the same export in a heap far smaller than the data it streams.
            Path small = work.resolve("small-heap.json");
            Child tight = exportChild(SMALL_HEAP, appClasspath, url, ExportFormat.JSON, small);
            System.out.printf(Locale.ROOT, "  export JSON with %s: %.2f s, peak RSS %.0f MB, %s, %.1f MB written"
                            + " (the data is %.0f MB)%n", SMALL_HEAP, tight.seconds, tight.peakRssMb,
                    tight.exitCode == 0 ? "exit 0" : "EXIT " + tight.exitCode,
                    Files.exists(small) ? Files.size(small) / 1e6 : 0.0, downloaded / 1e6);
        } finally {
            if (server != null) {
                server.destroy();
                server.waitFor(10, TimeUnit.SECONDS);
            }
            try (var files = Files.list(work)) {
                for (Path p : files.toList()) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(work);
        }
    }

    /**
     * {@code -Dbench.export.baseline=DIR}: the in-process comparison in child JVMs against one gateway, alternating
     * the export classes in DIR (e.g. main's target/classes) with this build's, {@code rounds} children each (a warm-up
     * and two rounds in each child); each child's export times are ratios to its own plain loop.
     */
    private static void alternate(String url, int keys, int rounds, String baseline) throws IOException,
            InterruptedException {
        String[][] builds = {{"baseline (" + baseline + ")", baseline}, {"this build", "target/classes"}};
        List<List<double[]>> results = List.of(new ArrayList<>(), new ArrayList<>());
        System.out.printf(Locale.ROOT, "Export benchmark, alternating builds: %,d keys, gateway at %s, %d children"
                + " each, load %s%n", keys, url, rounds, load());
        for (int r = 0; r < rounds; r++) {
            for (int b = 0; b < builds.length; b++) {
                Process child = new ProcessBuilder(java(), "-Dbench.export.server=" + url,
                        "-Dbench.export.children=false", "-cp", builds[b][1] + ":target/lib/*:target/test-classes",
                        ExportBenchmark.class.getName(), String.valueOf(keys), "2")
                        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
                String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (child.waitFor() != 0) {
                    throw new IllegalStateException("child failed:\n" + out);
                }
                for (String l : out.lines().filter(x -> x.startsWith("ROUND ")).toList()) {
                    results.get(b).add(Arrays.stream(l.substring(6).trim().split(" "))
                            .mapToDouble(Double::parseDouble).toArray());
                }
                System.out.printf(Locale.ROOT, "  %-40s %s (load %s)%n", builds[b][0],
                        out.lines().filter(x -> x.startsWith("ROUND ")).toList(), load());
            }
        }
        System.out.println("Medians over every round (seconds; export / its own plain loop):");
        for (int b = 0; b < builds.length; b++) {
            List<double[]> rows = results.get(b);
            List<Double> csvRatio = rows.stream().map(v -> v[1] / v[0]).toList();
            List<Double> jsonRatio = rows.stream().map(v -> v[2] / v[0]).toList();
            System.out.printf(Locale.ROOT, "  %-40s plain %.2f s, CSV %.2f s (%.2fx), JSON %.2f s (%.2fx);"
                            + " CPU plain %.2f / CSV %.2f / JSON %.2f s; ratios CSV %s JSON %s%n", builds[b][0],
                    median(col(rows, 0)), median(col(rows, 1)), median(csvRatio), median(col(rows, 2)),
                    median(jsonRatio), median(col(rows, 3)), median(col(rows, 4)), median(col(rows, 5)),
                    rounded(csvRatio), rounded(jsonRatio));
        }
    }

    private static List<Double> col(List<double[]> rows, int i) {
        return rows.stream().map(v -> v[i]).toList();
    }

    private static List<String> rounded(List<Double> values) {
        return values.stream().map(v -> String.format(Locale.ROOT, "%.2f", v)).toList();
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }

    private static ExportResult exportInProcess(KeyExporter exporter, Path out, ExportFormat format)
            throws IOException {
        return exporter.toFile(out, ExportRequest.allMatching(VirtualKeyQuery.all(), format), ProgressListener.NONE,
                new Cancellation());
    }

    /** The export's own requests (same URLs, same page size), each body read and thrown away. */
    static long plainLoop(String url, int keys) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        byte[] buffer = new byte[64 * 1024];
        long bytes = 0;
        for (int offset = 0; offset < Math.max(keys, 1); offset += KeyPager.EXPORT_PAGE_SIZE) {
            String query = VirtualKeyQuery.all().withExport(true).withLimit(KeyPager.EXPORT_PAGE_SIZE)
                    .withOffset(offset).toQueryString();
            HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/api/governance/virtual-keys?" + query))
                    .header("Accept", "application/json").build();
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    bytes += n;
                }
            }
        }
        return bytes;
    }

    private static int requests(int keys) {
        return Math.max(1, (keys + KeyPager.EXPORT_PAGE_SIZE - 1) / KeyPager.EXPORT_PAGE_SIZE);
    }

    private record Child(double seconds, double peakRssMb, int exitCode) {
    }

    private static Child exportChild(String heap, String classpath, String url, ExportFormat format, Path file)
            throws IOException, InterruptedException {
        return child(List.of(java(), heap, "-cp", classpath, "bifrostconsole.Launcher", "export", "--server", url,
                "--format", format.extension(), "--out", file.toString()));
    }

    private static Child child(List<String> command) throws IOException, InterruptedException {
        List<String> timed = new ArrayList<>(List.of("/usr/bin/time", "-v"));
        timed.addAll(command);
        long t = System.nanoTime();
        Process p = new ProcessBuilder(timed).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String report = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        int code = p.waitFor();
        double elapsed = seconds(t);
        Matcher m = MAX_RSS.matcher(report);
        if (!m.find()) {
            throw new IllegalStateException("no peak RSS in /usr/bin/time's report:\n" + report);
        }
        if (code != 0) {
            System.out.println("  child failed: " + report.lines().limit(5).toList());
        }
        return new Child(elapsed, Long.parseLong(m.group(1)) / 1024.0, code);
    }

    /** The URL a demo server child prints once it listens (the overview benchmarks start theirs the same way). */
    static String awaitUrl(Process server) throws IOException {
        BufferedReader lines = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        for (String line; (line = lines.readLine()) != null; ) {
            Matcher m = LISTENING.matcher(line);
            if (m.find()) {
                return m.group(1);
            }
        }
        throw new IllegalStateException("the demo server exited before listening");
    }

    private static void check(ExportResult result, int keys) {
        if (result.keys() != keys) {
            throw new IllegalStateException("exported " + result.keys() + " keys, expected " + keys);
        }
    }

    private static double seconds(long startNanos) {
        return Math.round((System.nanoTime() - startNanos) / 1e7) / 100.0;
    }

    private static double cpuSeconds() {
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean();
        return os.getProcessCpuTime() / 1e9;
    }

    private static double median(List<Double> values) {
        Double[] sorted = values.toArray(Double[]::new);
        Arrays.sort(sorted, Comparator.naturalOrder());
        return sorted[sorted.length / 2];
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
