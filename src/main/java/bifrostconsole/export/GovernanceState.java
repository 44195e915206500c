package bifrostconsole.export;

import java.io.IOException;

/**
 * One side of a diff: a snapshot file, a snapshot in memory, or the live server. Keys are streamed so that a
 * side with 100,000 keys need not be held whole.
 */
public interface GovernanceState {

    /** Feeds every virtual key to {@code keys}, then returns the header and small lists (without keys). */
    Snapshot stream(KeyPager.KeySink keys) throws IOException;

    /** What the user sees as this side's name: a file or a server. */
    String label();

    static GovernanceState of(Snapshot snapshot, String label) {
        return new GovernanceState() {
            @Override
            public Snapshot stream(KeyPager.KeySink keys) throws IOException {
                for (var key : snapshot.virtualKeys()) {
                    keys.accept(key);
                }
                return snapshot.withVirtualKeys(java.util.List.of());
            }

            @Override
            public String label() {
                return label;
            }
        };
    }

    static GovernanceState ofFile(java.nio.file.Path file) {
        return new GovernanceState() {
            @Override
            public Snapshot stream(KeyPager.KeySink keys) throws IOException {
                IOException[] failure = new IOException[1];
                Snapshot header = SnapshotFile.read(file, key -> {
                    try {
                        keys.accept(key);
                    } catch (IOException e) {
                        failure[0] = e;
                        throw new java.io.UncheckedIOException(e);
                    }
                });
                if (failure[0] != null) {
                    throw failure[0];
                }
                return header;
            }

            @Override
            public String label() {
                return file.toString();
            }
        };
    }
}
