package bifrostconsole.ui;

import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
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
     * The sheet goes on the view only when its scene lacks it: the same sheet on the view and on the scene would
     * make every node under the view match its rules twice, and CSS matching is most of the FX thread's start-up.
     */
    public static void apply(Parent parent) {
        if (parent.getScene() != null) {
            addUnlessSceneHasIt(parent, parent.getScene());
            return;
        }
        parent.sceneProperty().addListener(new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Scene> property, Scene before, Scene scene) {
                if (scene != null) {
                    property.removeListener(this);
                    addUnlessSceneHasIt(parent, scene);
                }
            }
        });
    }

    private static void addUnlessSceneHasIt(Parent parent, Scene scene) {
        if (!scene.getStylesheets().contains(CONSOLE)) {
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
