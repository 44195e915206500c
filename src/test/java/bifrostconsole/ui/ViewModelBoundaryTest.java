package bifrostconsole.ui;

import bifrostconsole.messages.UserMessages;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** View-models and the texts they compute stay free of scene-graph types, so they run without a toolkit. */
class ViewModelBoundaryTest {
    private static final List<String> MODEL_FILES = List.of(
            "keys/KeyBrowserViewModel.java", "keys/FilterPickerViewModel.java", "keys/KeyRow.java",
            "keys/PageWindow.java", "keys/KeyColumn.java", "keys/FilterOption.java",
            "keydetail/KeyDetailViewModel.java", "keydetail/KeyDetails.java",
            "ui/Formats.java", "ui/ResetWindow.java", "ui/ResetSchedule.java", "ui/UsageLine.java",
            "ui/UsageLines.java", "ui/ClipboardService.java", "ui/Scheduler.java", "ui/UserMessages.java",
            "ui/SecretMask.java");

    @Test
    void viewModelsImportNothingFromTheSceneGraph() throws IOException {
        Path root = Path.of("src/main/java/bifrostconsole");
        for (String file : MODEL_FILES) {
            Path source = root.resolve(file);
            assertTrue(Files.exists(source), file);
            try (Stream<String> lines = Files.lines(source)) {
                List<String> bad = lines.filter(l -> l.startsWith("import javafx.scene")
                        || l.startsWith("import javafx.application") || l.startsWith("import atlantafx")).toList();
                assertEquals(List.of(), bad, file + " must not depend on the scene graph");
            }
        }
    }
}
