package bifrostconsole.cli;

import bifrostconsole.demo.DemoDataGenerator;
import bifrostconsole.demo.DemoGateway;
import bifrostconsole.store.GovernanceStore;

import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** {@code demo-server}: runs the built-in demo gateway on its own until stopped (Ctrl+C). */
public final class DemoServerCommand implements Subcommand {

    static final String USAGE_LINE = "usage: bifrost-console demo-server [--port 8080] [--keys 500] [--seed N]"
            + " [--api-key-file FILE | --api-key K]";
    /** The environment variable a key can come from, so it stays out of shell history and process lists. */
    public static final String KEY_VARIABLE = "BIFROST_DEMO_API_KEY";

    @Override
    public String name() {
        return "demo-server";
    }

    @Override
    public String summary() {
        return "serve the built-in demo gateway: --port 8080 --keys 500 [--seed N] [--api-key-file FILE]";
    }

    /** The parsed command line. */
    record Arguments(int port, int keys, long seed, String apiKey) {
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err, Map<String, String> env) {
        CompletableFuture<Void> stop = new CompletableFuture<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop.complete(null), "demo-server-stop"));
        return serve(args, out, err, stop, env);
    }

    /** Serves until {@code stop} completes; tests pass their own {@code stop} instead of Ctrl+C. */
    public int serve(List<String> args, PrintStream out, PrintStream err, CompletableFuture<Void> stop) {
        return serve(args, out, err, stop, Map.of());
    }

    /** As above, with the environment a key may come from ({@value #KEY_VARIABLE}). */
    public int serve(List<String> args, PrintStream out, PrintStream err, CompletableFuture<Void> stop,
                     Map<String, String> env) {
        if (args.contains("--help") || args.contains("-h")) {
            out.println(USAGE_LINE);
            out.println();
            out.println("Serves a seeded, realistic Bifrost management API on 127.0.0.1 until stopped (Ctrl+C).");
            out.println("  --port N      port to listen on (default 8080; 0 picks a free one)");
            out.println("  --keys N      number of virtual keys, 0 to " + DemoDataGenerator.MAX_KEYS + " (default 500)");
            out.println("  --seed N      seed of the generated data (default 42): same seed, same data");
            out.println("  --api-key-file FILE   require 'Authorization: Bearer K' on /api routes, K read from FILE");
            out.println("  " + KEY_VARIABLE + "=K   the same, K from the environment (used when no option names a key)");
            out.println("  --api-key K   the same, K on the command line: it lands in shell history and process");
            out.println("                lists, so prefer the file or the environment variable");
            return OK;
        }
        Arguments parsed;
        try {
            parsed = parse(args);
            if (parsed.apiKey() == null && env.get(KEY_VARIABLE) != null && !env.get(KEY_VARIABLE).isBlank()) {
                parsed = new Arguments(parsed.port(), parsed.keys(), parsed.seed(), env.get(KEY_VARIABLE).strip());
            }
        } catch (IllegalArgumentException e) {
            err.println("demo-server: " + e.getMessage() + " (" + USAGE_LINE + ")");
            return USAGE;
        }
        GovernanceStore store = DemoDataGenerator.generate(parsed.seed(), parsed.keys(), Instant.now());
        DemoGateway.Options options = new DemoGateway.Options(parsed.port(), null, store, 4)
                .withApiKey(parsed.apiKey());
        try (DemoGateway gateway = DemoGateway.start(options)) {
            out.println("Demo gateway listening on " + gateway.baseUrl()
                    + (parsed.apiKey() == null ? "" : " (management API key required)"));
            out.flush();
            stop.join();
            return OK;
        } catch (BindException e) {
            err.println("demo-server: port " + parsed.port() + " is already in use: choose another with --port");
            return USAGE;
        } catch (IOException e) {
            err.println("demo-server: could not start the server (" + e.getMessage() + ")");
            return UNREACHABLE;
        }
    }

    static Arguments parse(List<String> args) {
        int port = 8080;
        int keys = 500;
        long seed = 42;
        String apiKey = null;
        for (int i = 0; i < args.size(); i++) {
            String option = args.get(i);
            if (!List.of("--port", "--keys", "--seed", "--api-key", "--api-key-file").contains(option)) {
                throw new IllegalArgumentException("unknown option '" + option + "'");
            }
            if (i + 1 >= args.size()) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            String value = args.get(++i);
            switch (option) {
                case "--port" -> port = number(option, value, 0, 65_535);
                case "--keys" -> keys = number(option, value, 0, DemoDataGenerator.MAX_KEYS);
                case "--seed" -> {
                    try {
                        seed = Long.parseLong(value);
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("--seed must be a whole number, not '" + value + "'");
                    }
                }
                case "--api-key-file" -> apiKey = keyFromFile(value);
                default -> {
                    if (value.isBlank()) {
                        throw new IllegalArgumentException("--api-key must not be empty");
                    }
                    apiKey = value;
                }
            }
        }
        return new Arguments(port, keys, seed, apiKey);
    }

    /** The key is the file's text without surrounding whitespace (an editor's final newline). */
    private static String keyFromFile(String file) {
        try {
            String key = java.nio.file.Files.readString(java.nio.file.Path.of(file)).strip();
            if (key.isEmpty()) {
                throw new IllegalArgumentException("--api-key-file " + file + " is empty");
            }
            return key;
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new IllegalArgumentException("--api-key-file " + file + " cannot be read (" + e.getClass()
                    .getSimpleName() + ")");
        }
    }

    private static int number(String option, String value, int min, int max) {
        try {
            int n = Integer.parseInt(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException(option + " must be a number from " + min + " to " + max + ", not '" + value + "'");
    }
}
