package bifrostconsole.cli;

import java.util.List;
import java.util.Optional;

/** The registry of subcommands, and the text of {@code --help}. */
public final class Subcommands {
    private Subcommands() {
    }

    public static List<Subcommand> all() {
        return List.of(new DemoServerCommand(), new ExportCommand(), new SnapshotCommand(), new DiffCommand(),
                new CheckCommand(), new KeysCommand(), new ReportCommand());
    }

    public static Optional<Subcommand> find(String name) {
        return all().stream().filter(c -> c.name().equals(name)).findFirst();
    }

    public static String usage() {
        StringBuilder b = new StringBuilder();
        b.append("Bifrost Console: the governance data of a Bifrost AI gateway.\n\n");
        b.append("Usage:\n");
        b.append("  bifrost-console [--server URL | --demo]   open the console window\n");
        b.append("  bifrost-console <command> [options]       run a command (--help after it for its options)\n\n");
        b.append("Commands:\n");
        for (Subcommand c : all()) {
            b.append(String.format("  %-12s %s%n", c.name(), c.summary()));
        }
        b.append("\nOptions:\n");
        b.append("  --help       this text\n");
        b.append("  --version    the console's version\n");
        b.append("  --smoke-test open the demo workspace, print \"first page shown in N ms\" and exit (0 when it"
                + " worked): checks an installation\n");
        b.append("\nEnvironment: BIFROST_URL and BIFROST_API_KEY name the server and its management API key.\n");
        return b.toString();
    }
}
