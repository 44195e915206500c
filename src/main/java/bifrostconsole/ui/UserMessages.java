package bifrostconsole.ui;

import bifrostconsole.api.ApiException;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Turns a failure from a background call into the one sentence the user reads; never a stack trace. */
public final class UserMessages {
    private UserMessages() {
    }

    /**
     * The {@link ApiException}'s own sentence (it already says what happened and what to do); for anything
     * else, {@code what} plus a generic hint, because an unexpected exception's text is not for users.
     */
    public static String of(Throwable failure, String what) {
        Throwable cause = unwrap(failure);
        if (cause instanceof ApiException api) {
            return api.getMessage();
        }
        if (cause instanceof CancellationException) {
            return what + ": the request was cancelled. Refresh to try again.";
        }
        return what + " because of an unexpected error (" + cause.getClass().getSimpleName()
                + "). Try again; if it keeps happening, the server's answer may be in a format this console "
                + "does not know.";
    }

    public static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
