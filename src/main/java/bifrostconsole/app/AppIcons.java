package bifrostconsole.app;

import javafx.scene.image.Image;
import javafx.stage.Stage;

import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The application's icon in the sizes window managers pick from (title bar, taskbar, Alt-Tab, dock).
 * The PNGs are generated from {@code icons/*.svg} by {@code icons/build-icons.sh}.
 */
public final class AppIcons {
    /** Every size shipped in the resources; the window manager chooses the closest one. */
    static final List<Integer> SIZES = List.of(16, 24, 32, 48, 64, 128, 256);

    private AppIcons() {
    }

    /** Puts the icon in every size on {@code stage}, replacing whatever icons it had. */
    public static void applyTo(Stage stage) {
        stage.getIcons().setAll(load());
    }

    /** Loads the icons; a missing resource is a packaging bug, so it fails loudly rather than showing no icon. */
    static List<Image> load() {
        List<Image> icons = new ArrayList<>(SIZES.size());
        for (int size : SIZES) {
            String name = "/bifrostconsole/icons/bifrost-console-" + size + ".png";
            try (InputStream in = AppIcons.class.getResourceAsStream(name)) {
                if (in == null) {
                    throw new IllegalStateException("The application icon " + name + " is missing from the build.");
                }
                icons.add(new Image(in));
            } catch (java.io.IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return icons;
    }
}
