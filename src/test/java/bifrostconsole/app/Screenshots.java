package bifrostconsole.app;

import bifrostconsole.testing.PngWriter;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Saves what a scene shows as target/screenshots/NAME.png (headless, no AWT). */
final class Screenshots {
    private Screenshots() {
    }

    static Path save(Scene scene, String name) throws Exception {
        CompletableFuture<WritableImage> shot = new CompletableFuture<>();
        Platform.runLater(() -> shot.complete(scene.snapshot(null)));
        Path file = Path.of("target", "screenshots", name + ".png");
        PngWriter.write(shot.get(10, TimeUnit.SECONDS), file);
        return file;
    }
}
