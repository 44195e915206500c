package bifrostconsole.messages;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * The one message policy of the console, shared by the window and the command line: unwraps a failure from a
 * background call and turns it into the one sentence the user reads; never a stack trace.
 */
public final class UserMessages {
    private UserMessages() {
    }

    /**
     * A {@link UserReadable} failure's own sentence (it already says what happened and what to do); for
     * anything else, {@code what} plus a generic hint, because an unexpected exception's text is not for users.
     */
    public static String of(Throwable failure, String what) {
        Throwable cause = unwrap(failure);
        if (isReadable(cause)) {
            return cause.getMessage();
        }
        if (cause instanceof CancellationException) {
            return what + ": the request was cancelled. Refresh to try again.";
        }
        if (cause instanceof IOException io) {
            return what + ": " + describe(io) + ".";
        }
        return what + " because of an unexpected error (" + cause.getClass().getSimpleName()
                + "). Try again; if it keeps happening, the server's answer may be in a format this console "
                + "does not know.";
    }

    /** For failures with no better context: the failure's own sentence, or a generic "try again". */
    public static String of(Throwable failure) {
        Throwable cause = unwrap(failure);
        if (isReadable(cause)) {
            return cause.getMessage();
        }
        if (cause instanceof IOException io) {
            return describe(io);
        }
        return "Something unexpected went wrong (" + cause.getClass().getSimpleName() + "): try again.";
    }

    private static boolean isReadable(Throwable t) {
        return (t instanceof UserReadable || t instanceof IllegalArgumentException) && t.getMessage() != null;
    }

    /** The failure under the wrappers that futures and streams put around it. */
    public static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof ExecutionException
                || t instanceof UncheckedIOException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    /** A file-system failure in words: which file and why, without the exception's class name. */
    public static String describe(IOException e) {
        if (e instanceof AccessDeniedException a) {
            return "permission denied for " + a.getFile();
        }
        if (e instanceof NoSuchFileException n) {
            return "no such folder for " + n.getFile();
        }
        if (e instanceof FileSystemException f) {
            return f.getFile() + ": " + (f.getReason() == null ? "cannot be written" : f.getReason());
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
