package bifrostconsole.testing;

import bifrostconsole.app.ConsoleWindow;
import bifrostconsole.app.DemoWorkspace;
import bifrostconsole.app.ThemeManager;
import bifrostconsole.config.ConfigFolder;
import bifrostconsole.config.UiSettings;
import bifrostconsole.connection.InMemoryCredentialStore;
import bifrostconsole.connection.ProfileService;
import bifrostconsole.connection.ProfileStore;
import bifrostconsole.app.StartupOptions;
import bifrostconsole.app.MainViewModel;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import java.util.concurrent.TimeUnit;
import org.testfx.api.FxToolkit;

import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The whole main window as the app builds it, for UI tests: a throw-away profile folder, in-memory settings
 * and credentials, the demo workspace and the remembered theme. Call {@link #show} from a TestFX {@code @Start}
 * and {@link #close} from {@code @AfterEach}.
 */
public final class TestConsoleWindow implements AutoCloseable {
    /** What a test does to the profiles before the window opens, e.g. save a second connection. */
    public interface BeforeShow {
        void prepare(ProfileService profiles) throws Exception;
    }

    private final ExecutorService background = Executors.newCachedThreadPool();
    private final UiSettings settings;
    private final InMemoryCredentialStore credentials = InMemoryCredentialStore.pretendingPersistent();
    private final ProfileStore profileStore =
            new ProfileStore(ConfigFolder.resolve().resolve("ui-" + UUID.randomUUID()).resolve("profiles.json"));
    private final ProfileService profiles = new ProfileService(profileStore, credentials);
    private final ThemeManager themes;
    private final DemoWorkspace demo = new DemoWorkspace(background);
    private final ConsoleWindow console;
    private final Stage stage;

    private TestConsoleWindow(Stage stage, UiSettings settings, StartupOptions options, BeforeShow beforeShow)
            throws Exception {
        this.stage = stage;
        this.settings = settings;
        this.themes = new ThemeManager(settings, Runnable::run);
        beforeShow.prepare(profiles);
        themes.applyRemembered();
        console = new ConsoleWindow(TestServices.onFxThread(settings, profiles, themes), demo);
        console.show(stage, options);
    }

    public static TestConsoleWindow show(Stage stage) throws Exception {
        return new TestConsoleWindow(stage, UiSettings.inMemory(), StartupOptions.none(), profiles -> { });
    }

    /** The window over settings the test prepared, e.g. a remembered window place. */
    public static TestConsoleWindow show(Stage stage, UiSettings settings) throws Exception {
        return new TestConsoleWindow(stage, settings, StartupOptions.none(), profiles -> { });
    }

    public static TestConsoleWindow show(Stage stage, BeforeShow beforeShow) throws Exception {
        return new TestConsoleWindow(stage, UiSettings.inMemory(), StartupOptions.none(), beforeShow);
    }

    /** As started from a command line: {@code --demo}, {@code --server URL} with {@code BIFROST_API_KEY}. */
    public static TestConsoleWindow show(Stage stage, StartupOptions options, BeforeShow beforeShow)
            throws Exception {
        return new TestConsoleWindow(stage, UiSettings.inMemory(), options, beforeShow);
    }

    /** Opens the demo from the welcome screen, waits for its first page, then sizes the window; its key table. */
    public TableView<?> openDemoAt(FxRobot robot, double width, double height) throws Exception {
        Fx.waitUntil(() -> console.model().screenProperty().get() == MainViewModel.Screen.WELCOME);
        robot.clickOn("#open-demo");
        console.firstPageShown().get(30, TimeUnit.SECONDS);
        Fx.run(() -> {
            stage.setWidth(width);
            stage.setHeight(height);
        });
        Fx.waitUntil("the window at " + width + "x" + height,
                () -> stage.getWidth() == width && stage.getHeight() == height);
        Fx.settle();
        // Looked up on the FX thread: the key browser makes its details pane in the frames after the first page,
        // and a lookup from the test's thread can meet a list of children while it changes.
        return Fx.call(() -> (TableView<?>) stage.getScene().lookup("#key-table"));
    }

    public ConsoleWindow console() {
        return console;
    }

    public ProfileService profiles() {
        return profiles;
    }

    public ProfileStore profileStore() {
        return profileStore;
    }

    public InMemoryCredentialStore credentials() {
        return credentials;
    }

    public ThemeManager themes() {
        return themes;
    }

    public UiSettings settings() {
        return settings;
    }

    /** Closes what the window left open: dialogs (later tests' look-ups would find them), the demo, the pool. */
    @Override
    public void close() throws Exception {
        FxToolkit.cleanupStages();
        demo.close();
        profiles.close();
        background.shutdownNow();
    }
}
