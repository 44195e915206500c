package bifrostconsole.changes;

import bifrostconsole.api.VirtualKey;

import java.nio.file.Path;
import java.time.Instant;

/**
 * A deleted key's configuration as it was saved just before the delete (never its value): what "Recreate" builds a
 * new key from. {@code file} is where it is kept in the data folder.
 */
public record DeletedKey(String server, Instant deletedAt, VirtualKey key, Path file) {
}
