package bifrostconsole.app;

import bifrostconsole.config.UiSettings;
import bifrostconsole.connection.CredentialStore;
import bifrostconsole.connection.KeyringCredentialStore;
import bifrostconsole.connection.ProfileService;
import bifrostconsole.connection.ProfileStore;
import bifrostconsole.service.Scheduler;
import bifrostconsole.startup.SmokeTest;
import bifrostconsole.ui.Formats;
import bifrostconsole.ui.WindowService;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.image.Image;
import javafx.stage.Stage;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The JavaFX application and the composition root: builds the settings, the profile service, the
 * credential store, the pools, the theme manager, the window service and the main window by constructor
 * injection ({@link ConsoleServices} carries them, and builds every view-model, to the windows). Disk work happens in
 * {@link #init()} (the launcher thread), the credential-store probe and the demo gateway on background
 * threads; the FX thread only builds and shows views.
 */
public final class BifrostConsoleApp extends Application {
    /** How long the OS credential store may take to answer before the console falls back to session keys. */
    static final Duration CREDENTIAL_PROBE_TIMEOUT = Duration.ofSeconds(3);

    private StartupOptions options;
    private UiSettings settings;
    private ProfileService profiles;
    private DemoWorkspace demo;
    private ExecutorService background;
    private ConsoleServices services;
    private List<Image> icons;
    private SmokeTest smokeTest;

    /** Checks the command line before JavaFX starts, so a typo prints a message instead of opening a window. */
    public static void launchGui(String[] args) {
        try {
            StartupOptions.parse(List.of(args), System.getenv());
        } catch (StartupOptions.UsageException e) {
            System.err.println("bifrost-console: " + e.getMessage());
            System.exit(2);
        }
        Application.launch(BifrostConsoleApp.class, args);
    }

    @Override
    public void init() throws Exception {
        options = StartupOptions.parse(getParameters().getRaw(), System.getenv());
        // Armed first, so a start that hangs before the window exists still ends with a reason.
        smokeTest = options.smokeTest() ? SmokeTest.forThisProcess().arm() : null;
        background = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "console-background");
            t.setDaemon(true);
            return t;
        });
        CompletableFuture<CredentialStore> credentials = CompletableFuture.supplyAsync(
                () -> KeyringCredentialStore.openOrFallBack(CREDENTIAL_PROBE_TIMEOUT), background);
        settings = UiSettings.inConfigFolder();
        icons = AppIcons.load();
        profiles = new ProfileService(ProfileStore.inConfigFolder(), credentials);
        demo = new DemoWorkspace(background);
        if (options.demo()) {
            // Generate the demo data while JavaFX starts: the window then opens on it sooner.
            demo.start();
        }
    }

    @Override
    public void start(Stage stage) {
        Executor uiExecutor = Platform::runLater;
        ThemeManager themes = new ThemeManager(settings, background);
        themes.applyRemembered();
        services = new ConsoleServices(uiExecutor, background, Scheduler.newTimer(), settings, profiles, themes,
                new WindowService(themes::style, icons), Clock.systemUTC(), Formats.system());
        ConsoleWindow window = new ConsoleWindow(services, demo);
        window.show(stage, options);
        if (smokeTest != null) {
            smokeTest.failWhenSet(window.model().failureProperty());
            smokeTest.watch(stage.getScene().getRoot(), window.firstPageShown());
        }
    }

    @Override
    public void stop() {
        demo.close();
        profiles.close();
        if (services != null) {
            services.close();
        }
        background.shutdownNow();
    }
}
