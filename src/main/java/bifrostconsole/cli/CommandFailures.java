package bifrostconsole.cli;

import bifrostconsole.api.ApiException;
import bifrostconsole.export.SnapshotFileException;
import bifrostconsole.messages.UserMessages;

import java.io.IOException;
import java.io.PrintStream;
import java.util.concurrent.CancellationException;

/**
 * Turns a command's failure into its exit code and one sentence on stderr: 3 authentication or permission
 * refused, 4 server unreachable, 5 the server failed or sent (or a file holds) data that cannot be read,
 * 1 the output could not be written.
 */
final class CommandFailures {
    static final int OUTPUT_FAILED = 1;

    private CommandFailures() {
    }

    static int report(String command, Throwable failure, PrintStream err) {
        Throwable t = failure;
        while (t instanceof java.util.concurrent.CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof java.io.UncheckedIOException u) {
            t = u.getCause();
        }
        if (t instanceof ApiException api) {
            int code = api.kind().isAuth() ? Subcommand.AUTH_REFUSED
                    : api.kind().isUnreachable() ? Subcommand.UNREACHABLE : Subcommand.SERVER_ERROR;
            String what = switch (code) {
                case Subcommand.AUTH_REFUSED -> "authentication or permission refused";
                case Subcommand.UNREACHABLE -> "server unreachable";
                default -> "the server failed or sent data that cannot be read";
            };
            err.println(command + ": " + what + ": " + api.getMessage());
            return code;
        }
        if (t instanceof SnapshotFileException e) {
            err.println(command + ": unreadable snapshot: " + e.getMessage());
            return Subcommand.SERVER_ERROR;
        }
        if (t instanceof CancellationException) {
            err.println(command + ": cancelled; no file was changed.");
            return OUTPUT_FAILED;
        }
        if (t instanceof IOException e) {
            err.println(command + ": the output could not be written: " + UserMessages.describe(e));
            return OUTPUT_FAILED;
        }
        err.println(command + ": unexpected failure (" + t.getClass().getSimpleName() + "): please report it.");
        return Subcommand.SERVER_ERROR;
    }
}
