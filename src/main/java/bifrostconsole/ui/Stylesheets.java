package bifrostconsole.ui;

import javafx.collections.ListChangeListener;
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

    /**
     * Makes sure the console stylesheet reaches one part of a scene, e.g. a view placed in someone else's window.
     * The sheet is on the view only while its scene lacks it: the same sheet on the view and on the scene would
     * make every node under the view match its rules twice, and CSS matching is most of the FX thread's start-up.
     * A view often gets its scene before the scene gets its sheets ({@code new Scene(view)}, then styling the
     * scene), so this follows both: the view's own copy goes as soon as its scene has the sheet.
     */
    public static void apply(Parent parent) {
        ListChangeListener<String> sheetsChanged = c -> keepOnce(parent);
        parent.sceneProperty().addListener((property, before, scene) -> {
            if (before != null) {
                before.getStylesheets().removeListener(sheetsChanged);
            }
            if (scene != null) {
                scene.getStylesheets().addListener(sheetsChanged);
            }
            keepOnce(parent);
        });
        if (parent.getScene() != null) {
            parent.getScene().getStylesheets().addListener(sheetsChanged);
            keepOnce(parent);
        }
    }

    /** The console sheet on {@code parent} exactly when its scene lacks it; nothing while it has no scene. */
    private static void keepOnce(Parent parent) {
        Scene scene = parent.getScene();
        if (scene == null) {
            return;
        }
        if (scene.getStylesheets().contains(CONSOLE)) {
            parent.getStylesheets().remove(CONSOLE);
        } else {
            addMissing(parent.getStylesheets(), List.of(CONSOLE));
        }
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
