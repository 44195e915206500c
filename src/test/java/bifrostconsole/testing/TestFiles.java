package bifrostconsole.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** What a test finds on disk, e.g. that an export left no temporary file beside its target. */
public final class TestFiles {
    private TestFiles() {
    }

    /** The entries of {@code dir}, sorted, temporary and hidden files included. */
    public static List<Path> in(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }
}
