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
            usage: bifrost-console demo-server [--port 8080] [--keys 500] [--seed N] [--api-key K]

            Serves a seeded, realistic Bifrost management API on 127.0.0.1 until stopped (Ctrl+C).
              --port N      port to listen on (default 8080; 0 picks a free one)
              --keys N      number of virtual keys, 0 to %d (default 500)
              --seed N      seed of the generated data (default 42): same seed, same data
              --api-key K   require 'Authorization: Bearer K' on /api routes
            """.formatted(DemoDataGenerator.MAX_KEYS);
    private static final Spec SPEC = Spec.of("demo-server",
            "serve the built-in demo gateway: --port 8080 --keys 500 [--seed N] [--api-key K]", HELP_TEXT)
            .options("--port", "--keys", "--seed", "--api-key");

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
        return new DemoServerCommand(run -> stop).run(args, out, err, Map.of());
    }

    @Override
    protected int execute(CommandArguments a, CommandRun run) throws CommandArguments.UsageException {
        int port = a.intValue("--port", 0, 65_535, 8080);
        int keys = a.intValue("--keys", 0, DemoDataGenerator.MAX_KEYS, 500);
        long seed = a.longValue("--seed", 42);
        String apiKey = a.value("--api-key");
        if (apiKey != null && apiKey.isBlank()) {
            throw new CommandArguments.UsageException("--api-key must not be empty");
        }

        GovernanceStore store = DemoDataGenerator.generate(seed, keys, Instant.now());
        DemoGateway.Options options = new DemoGateway.Options(port, null, store, 4).withApiKey(apiKey);
        try (DemoGateway gateway = DemoGateway.start(options)) {
            run.out().println("Demo gateway listening on " + gateway.baseUrl());
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
}
