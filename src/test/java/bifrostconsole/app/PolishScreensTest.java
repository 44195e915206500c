package bifrostconsole.app;

import bifrostconsole.api.VirtualKey;
import bifrostconsole.config.UiSettings;
import bifrostconsole.demo.DemoDataGenerator;
import bifrostconsole.export.Snapshot;
import bifrostconsole.export.SnapshotFile;
import bifrostconsole.export.SnapshotSource;
import bifrostconsole.exportui.SnapshotWindow;
import bifrostconsole.keys.KeyBrowserViewModel;
import bifrostconsole.store.GovernanceStore;
import bifrostconsole.testing.Fx;
import bifrostconsole.testing.Screenshots;
import bifrostconsole.testing.TestConsoleWindow;
import bifrostconsole.testing.TestServices;
import bifrostconsole.testing.Wait;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Pictures for issue 15's review: the main window on the demo workspace (a key open) and the snapshot viewer, in
 * light and dark, at 1024×700, 1440×900 and 1920×1080, saved as {@code target/screenshots/polish-*.png}. A dark
 * picture that is not dark fails ({@link Screenshots#shot}); the rest is for a person to look at.
 */
@ExtendWith(ApplicationExtension.class)
class PolishScreensTest {
    private static final List<int[]> SIZES = List.of(new int[] {1024, 700}, new int[] {1440, 900},
            new int[] {1920, 1080});

    private Stage stage;
    private TestConsoleWindow window;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void stop() throws Exception {
        Screenshots.theme(false);
        if (window != null) {
            window.close();
        }
    }

    private static String name(String what, int[] size, boolean dark) {
        return "polish-" + what + "-" + size[0] + "x" + size[1] + (dark ? "-dark" : "-light");
    }

    @Test
    void theDemoWorkspaceWithAKeyOpen(FxRobot robot) throws Exception {
        window = Fx.call(() -> TestConsoleWindow.show(stage, new StartupOptions(null, true, false, null),
                profiles -> { }));
        ConsoleWindow console = window.console();
        Fx.waitUntil(() -> console.model().screenProperty().get() == MainViewModel.Screen.WORKSPACE);
        console.firstPageShown().get(30, TimeUnit.SECONDS);
        Fx.settle();
        robot.type(KeyCode.J).type(KeyCode.ENTER); // straight away: the keyboard is in the key table
        Fx.waitUntil("the details", () -> {
            Node d = stage.getScene().lookup("#key-detail");
            return d != null && d.isVisible();
        });
        for (int[] size : SIZES) {
            Fx.run(() -> {
                stage.setWidth(size[0]);
                stage.setHeight(size[1]);
            });
            for (boolean dark : new boolean[] {false, true}) {
                Fx.run(() -> window.themes().select(dark ? ThemeManager.Theme.DARK : ThemeManager.Theme.LIGHT));
                Screenshots.shot(stage.getScene(), name("workspace", size, dark));
            }
        }
        Fx.run(() -> window.themes().select(ThemeManager.Theme.LIGHT));
    }

    @Test
    void theSnapshotViewer() throws Exception {
        Instant taken = Instant.parse("2026-11-20T09:41:07.123456789Z");
        GovernanceStore store = DemoDataGenerator.generate(9, 120, taken);
        Path file = Files.createTempDirectory("polish").resolve("tuesday.json");
        SnapshotFile.write(file, new Snapshot(null, "https://gw.example.com", "v2.2.5", taken, false, store.teams(),
                store.customers(), store.mcpClients(), List.of(),
                store.virtualKeys().stream().map(VirtualKey::withoutValue).toList()));
        SnapshotSource source = SnapshotSource.open(file);
        Fx.run(() -> {
            stage.setScene(new javafx.scene.Scene(new javafx.scene.layout.StackPane(), 300, 200));
            stage.show();
        });
        KeyBrowserViewModel browser = Fx.call(() -> TestServices.keyBrowser(source, UiSettings.inMemory()));
        Stage viewer = Fx.call(() -> SnapshotWindow.show(TestServices.windows(), stage, source, browser,
                TestServices.exportActions(UiSettings.inMemory())));
        Wait.get(browser.firstPageShown());
        for (int[] size : fitting()) {
            Fx.run(() -> {
                viewer.setWidth(size[0]);
                viewer.setHeight(size[1]);
            });
            for (boolean dark : new boolean[] {false, true}) {
                Screenshots.theme(dark);
                Screenshots.shot(viewer.getScene(), name("snapshot", size, dark));
            }
            Screenshots.theme(false);
        }
        assertTrue(Files.size(Screenshots.file(name("snapshot", fitting().get(0), true))) > 0);
    }

    /**
     * The sizes Monocle's screen can hold: a window larger than its frame buffer fails to upload its pixels. Run
     * with {@code -Dheadless.geometry=1920x1080-32} for all three.
     */
    private static List<int[]> fitting() {
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getBounds();
        return SIZES.stream().filter(s -> s[0] <= screen.getWidth() && s[1] <= screen.getHeight()).toList();
    }
}
