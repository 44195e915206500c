package bifrostconsole.bench;

import bifrostconsole.testing.LiveSecretService;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Start-up, measured: wall time from starting a process to its first page of keys on screen (the console's
 * {@code --smoke-test}) against a minimal JavaFX window ({@link EmptyWindowApp}), each started two ways, the
 * app-image launcher and {@code java -jar}, in alternating rounds of one run; prints medians and ratios, then the
 * app-image's and the .deb's sizes. The empty window gets an app-image built the same way as the console's (the
 * same runtime, the same java options, and a start-up cache made by the same script: an AOT cache when the
 * console's runtime has one, else an AppCDS archive), so the only difference is the application.
 *
 * <p>Run after {@code mvn -Pinstaller package}, with a display: {@code jpackage/startup-benchmark.sh [rounds]}.
 * {@code -Dbench.baselineImage=DIR} adds another build's app-image (e.g. main's) to the same alternating rounds,
 * for a ratio against it.
 *
 * <p>{@code -Dbench.secretService=true} measures instead the console started from the class path with and without a
 * live Secret Service on its session bus (see {@link #runWithAndWithoutSecretService}): whether the credential-store
 * probe delays the first page.
 */
public final class StartupBenchmark {
    private static final Pattern SHOWN = Pattern.compile("shown in (\\d+) ms");
    /** The marks the console's smoke test and the empty window both make, in the order they happen. */
    private static final List<String> PHASES = List.of("main", "toolkit up", "start", "window shown", "painted");
    /** Threads whose CPU the smoke test and the empty window print (kernel names, cut to 15 characters). */
    private static final List<String> CPU_THREADS = List.of("process", "JavaFX Applicat", "C1 CompilerThre",
            "C2 CompilerThre");
    private static final long TIMEOUT_SECONDS = 120;
    /** A marker first word of a command: run it without its start-up cache. */
    private static final String NO_CDS = "<no-cds>";
    private static final String TEMURIN_25 = "/usr/lib/jvm/temurin-25-jdk-amd64";

    private final Path project;
    private final Path work;
    private final Path configDir;
    /** Whether the console's image carries an AOT cache (JDK 24+ runtime) rather than an AppCDS archive. */
    private boolean aot;

    private StartupBenchmark(Path project) throws IOException {
        this.project = project;
        this.work = project.resolve("target/bench/startup");
        this.configDir = work.resolve("config");
        Files.createDirectories(work);
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        StartupBenchmark bench = new StartupBenchmark(Path.of("").toAbsolutePath());
        if (Boolean.getBoolean("bench.secretService")) {
            bench.runWithAndWithoutSecretService(rounds);
        } else {
            bench.run(rounds);
        }
    }

    /**
     * {@code -Dbench.secretService=true}: the console's start to its first page with no Secret Service on the session
     * bus and with a live one ({@link LiveSecretService}: a private bus and an unlocked GNOME Keyring), alternating
     * in one run, each from this JVM's class path ({@code java -cp}), so no installer build is needed. Shows whether
     * the credential-store probe is on the path to the first page, and when it ends ("credential store" mark).
     */
    private void runWithAndWithoutSecretService(int rounds) throws Exception {
        if (System.getenv("DISPLAY") == null) {
            throw new IllegalStateException("No DISPLAY: run under xvfb-run");
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> console = List.of(java, "-cp", System.getProperty("java.class.path"), "bifrostconsole.Launcher",
                "--smoke-test");
        try (LiveSecretService live = LiveSecretService.start()) {
            // No bus at all, as on a machine without a desktop session: the probe fails at once.
            // The same home and data folders either way; only the bus differs.
            Map<String, String> none = new LinkedHashMap<>(live.environment());
            none.put("DBUS_SESSION_BUS_ADDRESS", null);
            Map<String, Map<String, String>> variants = new LinkedHashMap<>();
            variants.put("no Secret Service", none);
            variants.put("live Secret Service", live.environment());
            System.out.printf("Start-up to first page of keys (java -cp ... --smoke-test), %d rounds after one"
                    + " warm-up round, alternating; wall ms from process start%n", rounds);
            Map<String, List<Long>> wall = new LinkedHashMap<>();
            Map<String, List<Long>> probe = new LinkedHashMap<>();
            Map<String, List<Long>> painted = new LinkedHashMap<>();
            Map<String, Integer> usedStore = new LinkedHashMap<>();
            variants.keySet().forEach(name -> {
                wall.put(name, new ArrayList<>());
                probe.put(name, new ArrayList<>());
                painted.put(name, new ArrayList<>());
            });
            for (int round = 0; round <= rounds; round++) {
                for (Map.Entry<String, Map<String, String>> variant : variants.entrySet()) {
                    Started started = startOnce(console, variant.getValue());
                    if (round > 0) {
                        wall.get(variant.getKey()).add(started.wallMillis());
                        painted.get(variant.getKey()).add(started.reportedMillis());
                        Matcher m = PROBE_MARK.matcher(started.output());
                        if (m.find()) {
                            probe.get(variant.getKey()).add(Long.parseLong(m.group(2)));
                            if (m.group(1) == null) {
                                usedStore.merge(variant.getKey(), 1, Integer::sum);
                            }
                        }
                    }
                }
            }
            for (String name : variants.keySet()) {
                List<Long> probes = probe.get(name);
                System.out.printf("  %-22s median %5d ms  (min %5d, max %5d; first page self-reported median %5d ms;"
                                + " probe done before the first page in %d of %d runs%s; OS store used in %d)%n", name,
                        median(wall.get(name)), Collections.min(wall.get(name)), Collections.max(wall.get(name)),
                        median(painted.get(name)), probes.size(), rounds,
                        probes.isEmpty() ? "" : ", at median " + median(probes) + " ms",
                        usedStore.getOrDefault(name, 0));
            }
            System.out.printf("Ratio live Secret Service / none: %.2f%n",
                    ratio(wall, "live Secret Service", "no Secret Service"));
        }
    }

    /** The smoke test's mark for the credential-store probe, when it ended before the first page was painted. */
    private static final Pattern PROBE_MARK = Pattern.compile("credential store( \\(session only\\))? (\\d+)");

    private record Started(long wallMillis, long reportedMillis, String output) {
    }

    /** Starts {@code builder}'s console and times it to the smoke test's "shown in N ms" line. */
    private static Started run(ProcessBuilder builder, List<String> command) throws Exception {
        long start = System.nanoTime();
        Process process = builder.start();
        long shownAt = -1;
        long reported = -1;
        StringBuilder output = new StringBuilder();
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                Matcher shown = SHOWN.matcher(line);
                if (shownAt < 0 && shown.find()) {
                    shownAt = System.nanoTime();
                    reported = Long.parseLong(shown.group(1));
                }
                output.append(line).append('\n');
            }
        }
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        if (shownAt < 0 || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed (exit " + process.exitValue()
                    + "):\n" + output);
        }
        return new Started(TimeUnit.NANOSECONDS.toMillis(shownAt - start), reported, output.toString());
    }

    /** One console start with {@code env} changed (a null value removes the variable). */
    private Started startOnce(List<String> command, Map<String, String> env) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("JAVA_TOOL_OPTIONS", "-Dbifrost.console.configDir=" + configDir);
        env.forEach((k, v) -> {
            if (v == null) {
                builder.environment().remove(k);
            } else {
                builder.environment().put(k, v);
            }
        });
        return run(builder, command);
    }

    private void run(int rounds) throws Exception {
        Path consoleImage = project.resolve("target/dist/bifrost-console");
        Path consoleJar = project.resolve("target/bifrost-console.jar");
        require(consoleImage.resolve("bin/bifrost-console"), "run mvn -Pinstaller package first");
        require(consoleJar, "run mvn -Pinstaller package first");
        if (System.getenv("DISPLAY") == null) {
            throw new IllegalStateException("No DISPLAY: run under xvfb-run (jpackage/startup-benchmark.sh does)");
        }
        aot = Files.exists(consoleImage.resolve("lib/app/bifrost-console.aot"));
        Path emptyJar = buildEmptyWindowJar();
        Path emptyImage = buildEmptyWindowImage(emptyJar, consoleImage);

        Map<String, List<String>> variants = new LinkedHashMap<>();
        variants.put("console, app-image", List.of(consoleImage.resolve("bin/bifrost-console").toString(),
                "--smoke-test"));
        variants.put("empty window, app-image", List.of(emptyImage.resolve("bin/empty-window").toString()));
        // The same launcher with class-data sharing switched off: what the AppCDS archive is worth.
        variants.put("console, app-image, no CDS",
                List.of(NO_CDS, consoleImage.resolve("bin/bifrost-console").toString(), "--smoke-test"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        variants.put("console, java -jar", List.of(java, "-jar", consoleJar.toString(), "--smoke-test"));
        variants.put("empty window, java -jar", List.of(java, "-jar", emptyJar.toString()));
        String baseline = System.getProperty("bench.baselineImage");
        if (baseline != null) {
            Path baselineImage = Path.of(baseline).toAbsolutePath();
            require(baselineImage.resolve("bin/bifrost-console"), "an app-image folder");
            variants.put("baseline console, app-image",
                    List.of(baselineImage.resolve("bin/bifrost-console").toString(), "--smoke-test"));
        }

        System.out.printf("Start-up to first page of keys (console) / first frame (empty window), %d rounds"
                + " after one warm-up round, alternating; wall ms from process start%n", rounds);
        Map<String, List<Long>> wall = new LinkedHashMap<>();
        Map<String, List<Long>> reported = new LinkedHashMap<>();
        Map<String, Map<String, List<Long>>> phases = new LinkedHashMap<>();
        variants.keySet().forEach(name -> {
            wall.put(name, new ArrayList<>());
            reported.put(name, new ArrayList<>());
            phases.put(name, new LinkedHashMap<>());
        });
        for (int round = 0; round <= rounds; round++) {
            for (Map.Entry<String, List<String>> variant : variants.entrySet()) {
                Started started = startOnce(variant.getValue());
                if (round > 0) {
                    wall.get(variant.getKey()).add(started.wallMillis());
                    reported.get(variant.getKey()).add(started.reportedMillis());
                    collectPhases(started.output(), phases.get(variant.getKey()));
                }
            }
        }
        for (String name : variants.keySet()) {
            System.out.printf("  %-30s median %5d ms  (min %5d, max %5d; self-reported median %5d ms)%n", name,
                    median(wall.get(name)), Collections.min(wall.get(name)), Collections.max(wall.get(name)),
                    median(reported.get(name)));
        }
        // Where the two differ: the marks both make (the empty window makes the console's first ones), and the CPU
        // of the threads that matter most before the first frame, as medians over the rounds.
        System.out.printf("Phases, median ms since process start (CPU: median ms by thread to the first frame/page)%n");
        for (String name : variants.keySet()) {
            StringBuilder line = new StringBuilder();
            phases.get(name).forEach((phase, values) -> line.append(line.length() == 0 ? "" : ", ")
                    .append(phase).append(' ').append(median(values)));
            System.out.printf("  %-30s %s%n", name, line);
        }
        System.out.printf("Ratio console / empty window, app-image: %.2f%n",
                ratio(wall, "console, app-image", "empty window, app-image"));
        System.out.printf("Ratio console / empty window, java -jar: %.2f%n",
                ratio(wall, "console, java -jar", "empty window, java -jar"));
        System.out.printf("Ratio app-image / java -jar, console:    %.2f%n",
                ratio(wall, "console, app-image", "console, java -jar"));
        System.out.printf("Ratio app-image with / without %s: %.2f%n", aot ? "AOT cache" : "AppCDS",
                ratio(wall, "console, app-image", "console, app-image, no CDS"));
        if (wall.containsKey("baseline console, app-image")) {
            System.out.printf("Ratio console / baseline console, app-image: %.2f%n",
                    ratio(wall, "console, app-image", "baseline console, app-image"));
        }
        System.out.printf("Start-up cache: %s%n", aot ? "AOT cache (JDK 24+ runtime)" : "AppCDS archive (JDK 17 runtime)");

        System.out.printf("App-image size: %.1f MB (%s)%n", megabytes(consoleImage), project.relativize(consoleImage));
        try (Stream<Path> dist = Files.list(project.resolve("target/dist"))) {
            for (Path deb : dist.filter(p -> p.toString().endsWith(".deb")).collect(Collectors.toList())) {
                System.out.printf(".deb size: %.1f MB (%s)%n", Files.size(deb) / 1e6, project.relativize(deb));
            }
        }
    }

    /** Starts one process; returns {wall ms until it printed its "shown in" line, the ms it reported itself}. */
    private Started startOnce(List<String> command) throws Exception {
        boolean noCds = command.get(0).equals(NO_CDS);
        List<String> argv = noCds ? command.subList(1, command.size()) : command;
        ProcessBuilder builder = new ProcessBuilder(argv).redirectErrorStream(true);
        // The console must not touch the benchmarking user's settings; the same option for every variant.
        // -XX:AOTMode=off is the AOT cache's -Xshare:off (the two may not be combined with an AOTCache option).
        builder.environment().put("JAVA_TOOL_OPTIONS", "-Dbifrost.console.configDir=" + configDir
                + (noCds ? (aot ? " -XX:AOTMode=off" : " -Xshare:off") : ""));
        return run(builder, command);
    }

    /** The start-up marks and per-thread CPU both starts print, added to {@code into} by name. */
    private static void collectPhases(String output, Map<String, List<Long>> into) {
        for (String phase : PHASES) {
            Matcher m = Pattern.compile("(?:: |, )" + Pattern.quote(phase) + " (\\d+) \\[").matcher(output);
            if (m.find()) {
                into.computeIfAbsent(phase, k -> new ArrayList<>()).add(Long.parseLong(m.group(1)));
            }
        }
        for (String thread : CPU_THREADS) {
            Matcher m = Pattern.compile("start-up CPU ms by thread.*?(?:, |: )" + Pattern.quote(thread) + "[^,]* (\\d+)",
                    Pattern.MULTILINE).matcher(output);
            if (m.find()) {
                into.computeIfAbsent("CPU " + thread, k -> new ArrayList<>()).add(Long.parseLong(m.group(1)));
            }
        }
    }

    /** The empty window's jar: its classes and the timing helpers, JavaFX from target/lib as the console has it. */
    private Path buildEmptyWindowJar() throws IOException {
        Path jar = work.resolve("empty-input/empty-window.jar");
        Files.createDirectories(jar.getParent());
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, EmptyWindowApp.class.getName());
        try (Stream<Path> lib = Files.list(project.resolve("target/lib"))) {
            String classPath = lib.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("javafx-"))
                    .sorted().map(n -> jar.getParent().relativize(project.resolve("target/lib").resolve(n)))
                    .map(Path::toString).collect(Collectors.joining(" "));
            manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, classPath);
        }
        try (OutputStream file = Files.newOutputStream(jar);
             JarOutputStream out = new JarOutputStream(file, manifest)) {
            addClasses(out, project.resolve("target/test-classes"), "bifrostconsole/bench/EmptyWindowApp");
            addClasses(out, project.resolve("target/classes"), "bifrostconsole/startup/FirstFrame");
            addClasses(out, project.resolve("target/classes"), "bifrostconsole/startup/StartupClock");
        }
        return jar;
    }

    private static void addClasses(JarOutputStream out, Path root, String classPrefix) throws IOException {
        Path dir = root.resolve(classPrefix).getParent();
        String simple = Path.of(classPrefix).getFileName().toString();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(p -> p.getFileName().toString().startsWith(simple)
                    && p.toString().endsWith(".class")).sorted().collect(Collectors.toList())) {
                out.putNextEntry(new JarEntry(root.relativize(file).toString().replace('\\', '/')));
                out.write(Files.readAllBytes(file));
                out.closeEntry();
            }
        }
    }

    /**
     * An app-image for the empty window on the console's own runtime (so the same JVM, modules and JavaFX native
     * libraries), with the same java options and an AppCDS archive made by the same script.
     */
    private Path buildEmptyWindowImage(Path emptyJar, Path consoleImage) throws Exception {
        Path dest = work.resolve("image");
        Path image = dest.resolve("empty-window");
        deleteRecursively(dest);
        Files.createDirectories(dest);
        Path input = work.resolve("image-input");
        deleteRecursively(input);
        Files.createDirectories(input);
        // In the image JavaFX comes from the runtime, so the jar's Class-Path entries are left dangling there.
        Files.copy(emptyJar, input.resolve("empty-window.jar"));
        // The jpackage of the JDK the console's runtime came from, and the console's own java options.
        String jdk = aot ? System.getProperty("installer.jdk25", TEMURIN_25) : System.getProperty("java.home");
        String jpackage = Path.of(jdk, "bin", "jpackage").toString();
        String options = Files.readAllLines(consoleImage.resolve("lib/app/bifrost-console.cfg")).stream()
                .filter(l -> l.startsWith("java-options=") && !l.contains("jpackage.app-version"))
                .map(l -> l.substring("java-options=".length()).replace("bifrost-console.aot", "empty-window.aot"))
                .collect(Collectors.joining(" "));
        exec(List.of(jpackage, "--type", "app-image", "--name", "empty-window", "--dest", dest.toString(),
                "--input", input.toString(), "--main-jar", "empty-window.jar",
                "--main-class", EmptyWindowApp.class.getName(),
                "--runtime-image", consoleImage.resolve("lib/runtime").toString(),
                "--java-options", options));
        exec(List.of("bash", project.resolve("jpackage/build-startup-cache.sh").toString(), image.toString(),
                Boolean.toString(aot)));
        return image;
    }

    private void exec(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
        }
    }

    private static void require(Path path, String hint) {
        if (!Files.exists(path)) {
            throw new IllegalStateException(path + " is missing: " + hint);
        }
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static double ratio(Map<String, List<Long>> wall, String numerator, String denominator) {
        return (double) median(wall.get(numerator)) / median(wall.get(denominator));
    }

    private static double megabytes(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).sum() / 1e6;
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Collections.reverseOrder()).collect(Collectors.toList())) {
                Files.delete(p);
            }
        }
    }
}
