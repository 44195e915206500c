package bifrostconsole.app;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import bifrostconsole.config.UiSettings;
import javafx.application.Application;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.Scene;

import java.util.Objects;

/**
 * The light and dark themes (AtlantaFX Primer), switched in one place and remembered in {@link UiSettings}.
 * Every scene also gets the console's own stylesheet and the bridge that gives ControlsFX the Modena colour
 * names it expects, mapped onto AtlantaFX's colours so both themes draw ControlsFX controls correctly.
 */
public final class ThemeManager {
    public enum Theme { LIGHT, DARK }

    static final String SETTING = "theme";
    private static final String BRIDGE = Objects.requireNonNull(
            ThemeManager.class.getResource("/bifrostconsole/app/modena-bridge.css")).toExternalForm();
    private static final String CONSOLE = Objects.requireNonNull(
            ThemeManager.class.getResource("/bifrostconsole/app/console.css")).toExternalForm();

    private final UiSettings settings;
    private final ReadOnlyObjectWrapper<Theme> theme = new ReadOnlyObjectWrapper<>();

    public ThemeManager(UiSettings settings) {
        this.settings = settings;
        theme.set(parse(settings.get(SETTING, Theme.LIGHT.name())));
    }

    public ReadOnlyObjectProperty<Theme> themeProperty() {
        return theme.getReadOnlyProperty();
    }

    public Theme theme() {
        return theme.get();
    }

    /** Applies the remembered theme; call on the FX thread before the first window shows. */
    public void applyRemembered() {
        apply(theme.get());
    }

    public void toggle() {
        select(theme.get() == Theme.DARK ? Theme.LIGHT : Theme.DARK);
    }

    public void select(Theme next) {
        theme.set(next);
        apply(next);
        settings.put(SETTING, next.name().toLowerCase());
    }

    /** Adds the console's stylesheets to a scene (main window and every dialog). */
    public void style(Scene scene) {
        if (!scene.getStylesheets().contains(BRIDGE)) {
            scene.getStylesheets().addAll(BRIDGE, CONSOLE);
        }
    }

    private static void apply(Theme t) {
        Application.setUserAgentStylesheet(t == Theme.DARK
                ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet());
    }

    private static Theme parse(String value) {
        return "dark".equalsIgnoreCase(value) ? Theme.DARK : Theme.LIGHT;
    }
}
