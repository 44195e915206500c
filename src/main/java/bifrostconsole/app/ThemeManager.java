package bifrostconsole.app;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import bifrostconsole.config.UiSettings;
import bifrostconsole.ui.Stylesheets;
import javafx.application.Application;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.Scene;

import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * The light and dark themes (AtlantaFX Primer), switched in one place and remembered in {@link UiSettings}.
 * Every scene also gets the console's stylesheets ({@link Stylesheets}: the console look and the bridge that
 * gives ControlsFX the Modena colour names it expects) and the shell's own (top bar, welcome, dialogs).
 */
public final class ThemeManager {
    public enum Theme { LIGHT, DARK }

    static final String SETTING = "theme";
    private static final String SHELL = Objects.requireNonNull(
            ThemeManager.class.getResource("/bifrostconsole/app/shell.css")).toExternalForm();

    private final UiSettings settings;
    private final Executor io;
    private final ReadOnlyObjectWrapper<Theme> theme = new ReadOnlyObjectWrapper<>();

    /** {@code io} saves the choice: UiSettings writes its file at once, and the FX thread must not wait on disk. */
    public ThemeManager(UiSettings settings, Executor io) {
        this.settings = settings;
        this.io = io;
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
        io.execute(() -> settings.put(SETTING, next.name().toLowerCase()));
    }

    /** Adds the console's stylesheets, the Modena bridge and the shell's own to a scene (window or dialog). */
    public void style(Scene scene) {
        Stylesheets.apply(scene);
        if (!scene.getStylesheets().contains(SHELL)) {
            scene.getStylesheets().add(SHELL);
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
