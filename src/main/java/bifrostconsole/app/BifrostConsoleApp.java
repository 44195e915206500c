package bifrostconsole.app;

import bifrostconsole.config.UiSettings;
import bifrostconsole.connection.CredentialStore;
import bifrostconsole.connection.KeyringCredentialStore;
import bifrostconsole.connection.ProfileService;
import bifrostconsole.connection.ProfileStore;
import bifrostconsole.keys.KeyBrowserView;
import bifrostconsole.keys.KeyBrowserViewModel;
import bifrostconsole.smoketest.SmokeTest;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.stage.Stage;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * The JavaFX application and the composition root: builds the settings, the profile service, the
 * credential store, the theme manager and the main window by constructor injection. Disk work happens in
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
        profiles = new ProfileService(ProfileStore.inConfigFolder(), credentials);
        demo = new DemoWorkspace(background);
    }

    @Override
    public void start(Stage stage) {
        Executor uiExecutor = Platform::runLater;
        ThemeManager themes = new ThemeManager(settings);
        themes.applyRemembered();
        AppIcons.applyTo(stage);
        Function<Workspace, Node> workspaceViews =
                ws -> new KeyBrowserView(new KeyBrowserViewModel(ws.client(), uiExecutor, settings));
        if (smokeTest != null) {
            workspaceViews = smokeTest.watchingKeyBrowser(workspaceViews);
        }
        ConsoleWindow window = new ConsoleWindow(profiles, themes, demo, workspaceViews, uiExecutor);
        if (smokeTest != null) {
            smokeTest.failWhenSet(window.model().failureProperty());
        }
        window.show(stage, options);
    }

    @Override
    public void stop() {
        demo.close();
        profiles.close();
        background.shutdownNow();
    }
}
