package bifrostconsole.cli;

import bifrostconsole.export.SnapshotFileException;
import bifrostconsole.messages.ServerFailure;
import bifrostconsole.messages.UserMessages;

import java.io.IOException;
import java.io.PrintStream;
import java.util.concurrent.CancellationException;

/**
 * Turns a command's failure into its exit code and one line on stderr: what kind of failure (the part a script's
 * log reader scans for), then the failure's own sentence from the console's message policy ({@link UserMessages}).
 * 3 authentication or permission refused, 4 server unreachable, 5 the server failed or sent (or a file holds)
 * data that cannot be read, 1 the output could not be written.
 */
final class CommandFailures {
    static final int OUTPUT_FAILED = 1;

    private CommandFailures() {
    }

    static int report(String command, Throwable failure, PrintStream err) {
        Throwable t = UserMessages.unwrap(failure);
        if (t instanceof ServerFailure server) {
            int code = exitCode(server.kind());
            String what = switch (code) {
                case Subcommand.AUTH_REFUSED -> "authentication or permission refused";
                case Subcommand.UNREACHABLE -> "server unreachable";
                default -> "the server failed or sent data that cannot be read";
            };
            err.println(command + ": " + what + ": " + UserMessages.of(t));
            return code;
        }
        if (t instanceof SnapshotFileException) {
            err.println(command + ": unreadable snapshot: " + UserMessages.of(t));
            return Subcommand.SERVER_ERROR;
        }
        if (t instanceof CancellationException) {
            err.println(command + ": cancelled; no file was changed.");
            return OUTPUT_FAILED;
        }
        if (t instanceof IOException) {
            err.println(command + ": the output could not be written: " + UserMessages.of(t));
            return OUTPUT_FAILED;
        }
        err.println(command + ": unexpected failure (" + t.getClass().getSimpleName() + "): please report it.");
        return Subcommand.SERVER_ERROR;
    }

    /** 3 authentication or permission refused, 4 server unreachable, 5 anything else the server did. */
    static int exitCode(ServerFailure.Kind kind) {
        return kind.isAuth() ? Subcommand.AUTH_REFUSED
                : kind.isUnreachable() ? Subcommand.UNREACHABLE : Subcommand.SERVER_ERROR;
    }
}
