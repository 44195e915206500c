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
import java.util.function.Function;

/** {@code demo-server}: runs the built-in demo gateway on its own until stopped (Ctrl+C). */
public final class DemoServerCommand extends CommandSkeleton {
    static final String HELP_TEXT = """
            usage: bifrost-console demo-server [--port 8080] [--keys 500] [--seed N] [--api-key-file FILE]

            Serves a seeded, realistic Bifrost management API on 127.0.0.1 until stopped (Ctrl+C).
              --port N             port to listen on (default 8080; 0 picks a free one)
              --keys N             number of virtual keys, 0 to %d (default 500)
              --seed N             seed of the generated data (default 42): same seed, same data
              --api-key-file FILE  require 'Authorization: Bearer K' on /api routes, K read from FILE
              BIFROST_DEMO_API_KEY=K  the same with K from the environment, when no option names a key
              --api-key K          the same with K on the command line, where shell history and process
                                   lists keep it: prefer the file or the environment variable
            """.formatted(DemoDataGenerator.MAX_KEYS);
    /** The environment variable a key can come from, so it stays out of shell history and process lists. */
    public static final String KEY_VARIABLE = "BIFROST_DEMO_API_KEY";
    private static final Spec SPEC = Spec.of("demo-server",
            "serve the built-in demo gateway: --port 8080 --keys 500 [--seed N] [--api-key-file FILE]", HELP_TEXT)
            .options("--port", "--keys", "--seed", "--api-key", "--api-key-file");

    private final Function<CommandRun, CompletableFuture<Void>> stopSignal;

    public DemoServerCommand() {
        this(CommandRun::interrupted);
    }

    private DemoServerCommand(Function<CommandRun, CompletableFuture<Void>> stopSignal) {
        super(SPEC);
        this.stopSignal = stopSignal;
    }

    /** Serves until {@code stop} completes; tests pass their own {@code stop} instead of Ctrl+C. */
    public int serve(List<String> args, PrintStream out, PrintStream err, CompletableFuture<Void> stop) {
        return serve(args, out, err, stop, Map.of());
    }

    /** As above, with the environment the key may come from ({@value #KEY_VARIABLE}). */
    public int serve(List<String> args, PrintStream out, PrintStream err, CompletableFuture<Void> stop,
                     Map<String, String> env) {
        return new DemoServerCommand(run -> stop).run(args, out, err, env);
    }

    @Override
    protected int execute(CommandArguments a, CommandRun run) throws CommandArguments.UsageException {
        int port = a.intValue("--port", 0, 65_535, 8080);
        int keys = a.intValue("--keys", 0, DemoDataGenerator.MAX_KEYS, 500);
        long seed = a.longValue("--seed", 42);
        String apiKey = apiKey(a, run);

        GovernanceStore store = DemoDataGenerator.generate(seed, keys, Instant.now());
        DemoGateway.Options options = new DemoGateway.Options(port, null, store, 4).withApiKey(apiKey);
        try (DemoGateway gateway = DemoGateway.start(options)) {
            run.out().println("Demo gateway listening on " + gateway.baseUrl()
                    + (apiKey == null ? "" : " (management API key required)"));
            run.out().flush();
            stopSignal.apply(run).join();
            return OK;
        } catch (BindException e) {
            throw new CommandArguments.UsageException("port " + port + " is already in use: choose another with --port");
        } catch (IOException e) {
            run.err().println("demo-server: could not start the server (" + e.getMessage() + ")");
            return UNREACHABLE;
        }
    }

    /** {@code --api-key}, else the text of {@code --api-key-file} (without its final newline), else the environment. */
    private static String apiKey(CommandArguments a, CommandRun run) throws CommandArguments.UsageException {
        String key = a.value("--api-key");
        String file = a.value("--api-key-file");
        if (key == null && file != null) {
            try {
                key = java.nio.file.Files.readString(java.nio.file.Path.of(file)).strip();
            } catch (IOException | RuntimeException e) {
                throw new CommandArguments.UsageException("--api-key-file " + file + " cannot be read ("
                        + e.getClass().getSimpleName() + ")");
            }
        }
        if (key == null && file == null) {
            String fromEnv = run.env(KEY_VARIABLE);
            key = fromEnv == null || fromEnv.isBlank() ? null : fromEnv.strip();
        }
        if (key != null && key.isBlank()) {
            throw new CommandArguments.UsageException(file != null ? "--api-key-file " + file + " is empty"
                    : "--api-key must not be empty");
        }
        return key;
    }
}
