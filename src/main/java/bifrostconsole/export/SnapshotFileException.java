package bifrostconsole.export;

import java.io.IOException;

/** A file that cannot be read as a snapshot; the message says which file, why, and what to do. */
public final class SnapshotFileException extends IOException {
    public SnapshotFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
