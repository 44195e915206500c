package bifrostconsole;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The layering rules, checked on the sources: the service layer knows nothing of JavaFX, and view-models
 * import nothing from javafx.scene, so both stay testable without a toolkit.
 */
class ArchitectureTest {
    private static final Path MAIN = Path.of("src/main/java/bifrostconsole");

    @Test
    void serviceLayerHasNoJavaFx() throws IOException {
        List<String> offenders = new ArrayList<>();
        for (String pkg : List.of("api", "config", "demo", "cli", "headroom")) {
            offenders.addAll(filesImporting(MAIN.resolve(pkg), "import javafx.", path -> true));
        }
        assertEquals(List.of(), offenders, "these service-layer files import JavaFX");
    }

    @Test
    void viewModelsDoNotImportSceneGraph() throws IOException {
        List<String> offenders = filesImporting(MAIN, "import javafx.scene",
                path -> path.getFileName().toString().endsWith("ViewModel.java"));
        offenders.addAll(filesImporting(MAIN, "import javafx.stage",
                path -> path.getFileName().toString().endsWith("ViewModel.java")));
        assertEquals(List.of(), offenders, "these view-models import the scene graph");
    }

    private static List<String> filesImporting(Path root, String importPrefix,
                                               java.util.function.Predicate<Path> which) throws IOException {
        if (!Files.isDirectory(root)) {
            return new ArrayList<>();
        }
        try (Stream<Path> files = Files.walk(root)) {
            return new ArrayList<>(files.filter(p -> p.toString().endsWith(".java")).filter(which)
                    .filter(p -> {
                        try {
                            return Files.readAllLines(p).stream().anyMatch(l -> l.startsWith(importPrefix));
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    })
                    .map(Path::toString).toList());
        }
    }
}
