package bifrostconsole.testing;

import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;

import java.nio.file.Path;

/** Keeps what a scene shows as {@code target/screenshots/NAME.png} (headless, no AWT), for people and for asserts. */
public final class Screenshots {
    public static final Path FOLDER = Path.of("target", "screenshots");

    private Screenshots() {
    }

    /** Saves the scene as it is once pending FX events are handled, and returns the picture. */
    public static WritableImage save(Scene scene, String name) throws Exception {
        Fx.settle();
        WritableImage image = Fx.call(() -> scene.snapshot(null));
        PngWriter.write(image, file(name));
        return image;
    }

    public static Path file(String name) {
        return FOLDER.resolve(name + ".png");
    }

    /**
     * Saves what the scene shows once it is painted, as {@code folder/NAME.png}; a picture whose name says
     * "-dark" must be dark, so a theme switch that did not happen fails the test.
     */
    public static WritableImage shot(Scene scene, Path folder, String name) throws Exception {
        Fx.painted(scene);
        Fx.settle();
        WritableImage image = Fx.call(() -> scene.snapshot(null));
        PngWriter.write(image, folder.resolve(name + ".png"));
        if (name.contains("-dark") && brightness(image) >= 0.5) {
            throw new AssertionError(name + " should be dark: the dark theme did not apply");
        }
        return image;
    }

    /** As {@link #shot(Scene, Path, String)}, in {@link #FOLDER}. */
    public static WritableImage shot(Scene scene, String name) throws Exception {
        return shot(scene, FOLDER, name);
    }

    /** Switches every window to the light or the dark theme and waits until the switch is handled. */
    public static void theme(boolean dark) {
        javafx.application.Application.setUserAgentStylesheet(dark
                ? new atlantafx.base.theme.PrimerDark().getUserAgentStylesheet()
                : new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
        Fx.settle();
    }

    /** Mean brightness of the picture from 0 (black) to 1 (white): tells a light theme from a dark one. */
    public static double brightness(Image image) {
        PixelReader pixels = image.getPixelReader();
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        double sum = 0;
        long count = 0;
        for (int y = 0; y < h; y += 4) {
            for (int x = 0; x < w; x += 4) {
                sum += pixels.getColor(x, y).getBrightness();
                count++;
            }
        }
        return count == 0 ? 0 : sum / count;
    }
}
