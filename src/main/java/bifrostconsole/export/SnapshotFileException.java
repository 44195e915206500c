package bifrostconsole.export;

import bifrostconsole.messages.UserMessages;
import bifrostconsole.messages.UserReadable;

import java.io.IOException;
import java.io.UncheckedIOException;

/** A file that cannot be read as a snapshot; the message says which file, why, and what to do. */
public final class SnapshotFileException extends IOException implements UserReadable {
    public SnapshotFileException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * One sentence for a failure while reading or writing snapshot files: a snapshot's own message as it is,
     * another I/O error put into {@code ioSentence} (a format with one {@code %s}), anything else as
     * {@link UserMessages} words it after {@code fallback}.
     */
    public static String describe(Throwable failure, String ioSentence, String fallback) {
        Throwable t = UserMessages.unwrap(failure);
        if (t instanceof UncheckedIOException u) {
            t = u.getCause();
        }
        if (t instanceof SnapshotFileException e) {
            return e.getMessage();
        }
        if (t instanceof IOException e) {
            return String.format(ioSentence, UserMessages.describe(e));
        }
        return UserMessages.of(t, fallback);
    }
}
