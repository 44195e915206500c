package bifrostconsole.connection;

import bifrostconsole.api.ApiException;

import java.io.UncheckedIOException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Turns a failed future's cause into the one sentence a user sees; never a stack trace. */
public final class FailureMessages {
    private FailureMessages() {
    }

    public static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    public static String of(Throwable failure) {
        Throwable t = unwrap(failure);
        if (t instanceof ApiException || t instanceof CredentialStore.CredentialStoreException
                || t instanceof TlsContexts.TlsSetupException || t instanceof UncheckedIOException
                || t instanceof IllegalArgumentException) {
            return t.getMessage();
        }
        return "Something unexpected went wrong (" + t.getClass().getSimpleName() + "): try again.";
    }
}
