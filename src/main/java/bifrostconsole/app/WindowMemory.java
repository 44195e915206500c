package bifrostconsole.app;

import bifrostconsole.app.WindowPlacement.Area;
import bifrostconsole.app.WindowPlacement.Placement;
import bifrostconsole.config.UiSettings;
import bifrostconsole.service.Scheduler;
import javafx.beans.InvalidationListener;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * Opens the main window where {@link WindowPlacement} says and remembers, per screen, where the user leaves it
 * ({@code window.screen.<bounds>} and {@code window.lastScreen} in {@code ui-settings.json}, written atomically by
 * {@link UiSettings}).
 *
 * <p>Under a window manager (GTK on X11, openbox) a size given before the first show is dropped and the window
 * comes up at its minimum size (898×535 before this class, 998×615 with the new minimum; JDK-8316423 is alike), so
 * the size and position are set again once the window is showing, and maximizing waits until then too.
 */
final class WindowMemory {
    static final String LAST_SCREEN = "window.lastScreen";
    /** Moving or resizing fires many events: the place is saved once the window has been still this long. */
    private static final Duration SETTLE = Duration.ofMillis(600);

    private final UiSettings settings;
    private final Executor io;
    private final Scheduler scheduler;
    private Area normalBounds;
    private Scheduler.Cancellable pendingSave;

    WindowMemory(UiSettings settings, Executor io, Scheduler scheduler) {
        this.settings = settings;
        this.io = io;
        this.scheduler = scheduler;
    }

    /** Where the window should open now, from what is remembered and the screens attached. */
    Placement initial() {
        List<WindowPlacement.Screen> screens = screens();
        Map<String, String> remembered = new HashMap<>();
        settings.get(LAST_SCREEN).ifPresent(v -> remembered.put(LAST_SCREEN, v));
        for (WindowPlacement.Screen s : screens) {
            settings.get(s.key()).ifPresent(v -> remembered.put(s.key(), v));
        }
        return WindowPlacement.initial(screens, primary(), remembered, LAST_SCREEN);
    }

    /** Before the first show: the size the scene was built with and the minimum size. */
    void prepare(Stage stage, Placement placement) {
        stage.setMinWidth(WindowPlacement.MIN_WIDTH);
        stage.setMinHeight(WindowPlacement.MIN_HEIGHT);
        apply(stage, placement.bounds());
    }

    /** Once the window shows: places it again (the window manager dropped the first size), then keeps track of it. */
    void showing(Stage stage, Placement placement) {
        apply(stage, placement.bounds());
        normalBounds = placement.bounds();
        if (placement.maximized()) {
            stage.setMaximized(true);
        }
        InvalidationListener moved = o -> changed(stage);
        stage.xProperty().addListener(moved);
        stage.yProperty().addListener(moved);
        stage.widthProperty().addListener(moved);
        stage.heightProperty().addListener(moved);
        stage.maximizedProperty().addListener(moved);
        // Closing the window ends the process right after: written now, not on a pool that is about to stop.
        stage.addEventHandler(WindowEvent.WINDOW_HIDING, e -> {
            if (pendingSave != null) {
                pendingSave.cancel();
            }
            save(stage).run();
        });
    }

    private static void apply(Stage stage, Area b) {
        stage.setX(b.x());
        stage.setY(b.y());
        stage.setWidth(b.width());
        stage.setHeight(b.height());
    }

    private void changed(Stage stage) {
        if (!stage.isMaximized() && !stage.isIconified() && !stage.isFullScreen()) {
            normalBounds = new Area(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight());
        }
        if (pendingSave != null) {
            pendingSave.cancel();
        }
        Runnable save = save(stage);
        pendingSave = scheduler.schedule(SETTLE, () -> io.execute(save));
    }

    /** What to write, read from the stage now (on the FX thread); the returned task only writes. */
    private Runnable save(Stage stage) {
        if (normalBounds == null || stage.isIconified()) {
            return () -> { };
        }
        Area now = new Area(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight());
        String screen = WindowPlacement.screenOf(now, screens(), primary()).key();
        String value = new Placement(normalBounds, stage.isMaximized()).encode();
        return () -> {
            settings.put(screen, value);
            settings.put(LAST_SCREEN, screen);
        };
    }

    private static List<WindowPlacement.Screen> screens() {
        return Screen.getScreens().stream().map(WindowMemory::of).toList();
    }

    private static WindowPlacement.Screen primary() {
        return of(Screen.getPrimary());
    }

    private static WindowPlacement.Screen of(Screen s) {
        return new WindowPlacement.Screen(area(s.getBounds()), area(s.getVisualBounds()));
    }

    private static Area area(Rectangle2D r) {
        return new Area(r.getMinX(), r.getMinY(), r.getWidth(), r.getHeight());
    }
}
