package bifrostconsole.ui;

import javafx.scene.Parent;
import javafx.scene.Scene;

import java.util.List;
import java.util.Objects;

/**
 * The console's own stylesheet (on top of the AtlantaFX user-agent theme) and the "Modena bridge" that
 * maps the Modena colour names ControlsFX controls expect onto AtlantaFX's variables. Both use AtlantaFX
 * colour variables only, so light and dark themes work unchanged.
 */
public final class Stylesheets {
    public static final String CONSOLE = resource("console.css");
    public static final String MODENA_BRIDGE = resource("modena-bridge.css");

    private Stylesheets() {
    }

    /** Adds the console stylesheet and the Modena bridge to a scene (once). */
    public static void apply(Scene scene) {
        addMissing(scene.getStylesheets(), List.of(MODENA_BRIDGE, CONSOLE));
    }

    /** Adds the console stylesheet to one part of a scene, e.g. a view placed in someone else's window. */
    public static void apply(Parent parent) {
        addMissing(parent.getStylesheets(), List.of(CONSOLE));
    }

    private static void addMissing(List<String> sheets, List<String> wanted) {
        for (String s : wanted) {
            if (!sheets.contains(s)) {
                sheets.add(s);
            }
        }
    }

    private static String resource(String name) {
        return Objects.requireNonNull(Stylesheets.class.getResource("/bifrostconsole/ui/" + name),
                name + " is missing from the build").toExternalForm();
    }
}
