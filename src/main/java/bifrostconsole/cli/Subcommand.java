package bifrostconsole.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/**
 * One command-line subcommand ({@code demo-server}, {@code export}, {@code snapshot}, {@code diff}, {@code check}).
 * Streams and environment are passed in so tests can run a subcommand in-process. Every verb is built on
 * {@link CommandSkeleton}, which also says how to add one.
 */
public interface Subcommand {
    /** Exit codes shared by every subcommand. */
    int OK = 0;
    int USAGE = 2;
    int AUTH_REFUSED = 3;
    int UNREACHABLE = 4;
    int SERVER_ERROR = 5;

    String name();

    /** One line for {@code --help}. */
    String summary();

    int run(List<String> args, PrintStream out, PrintStream err, Map<String, String> env);
}
