package bifrostconsole.demo;

import bifrostconsole.cli.Subcommand;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/** {@code demo-server}: runs the built-in demo gateway on its own. */
public final class DemoServerCommand implements Subcommand {
    @Override
    public String name() {
        return "demo-server";
    }

    @Override
    public String summary() {
        return "serve the built-in demo gateway: --port 8080 --keys 500 [--seed N] [--api-key K]";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err, Map<String, String> env) {
        err.println("demo-server: not built yet");
        return USAGE;
    }
}
