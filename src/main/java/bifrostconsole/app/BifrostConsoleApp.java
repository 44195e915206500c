package bifrostconsole.app;

import bifrostconsole.config.UiSettings;
import bifrostconsole.connection.CredentialStore;
import bifrostconsole.connection.KeyringCredentialStore;
import bifrostconsole.connection.ProfileService;
import bifrostconsole.connection.ProfileStore;
import bifrostconsole.service.Scheduler;
import bifrostconsole.api.ManagementApiClient;
import bifrostconsole.keys.KeyBrowserViewModel;
import bifrostconsole.keys.KeyTableSettings;
import bifrostconsole.startup.FirstFrame;
import bifrostconsole.startup.SmokeTest;
import bifrostconsole.startup.StartupClock;
import bifrostconsole.ui.FallbackFont;
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
 * injection ({@link ConsoleServices} carries them, and builds every view-model, to the windows). What needs no
 * toolkit starts in {@link #launchGui} before the toolkit does, on background threads (settings and profile files,
 * the credential-store probe, and for the demo its data, its gateway and the first requests), so it overlaps the
 * toolkit's own start-up; the FX thread only builds and shows views.
 */
public final class BifrostConsoleApp extends Application {
    /**
     * How long the OS credential store may take to answer (the probe, then each call) before the console falls back
     * to session keys. Not 3 s: on a busy machine (two cores, load 9) the first connection to a live Secret Service
     * took longer than that (class loading, the encrypted session), and the console then did not save keys for the
     * whole session. The probe is off the path to the first page; only opening a saved server waits for it.
     */
    static final Duration CREDENTIAL_PROBE_TIMEOUT = Duration.ofSeconds(10);

    /** How long after the demo's first page is painted the credential store is opened, unless asked sooner. */
    static final Duration CREDENTIAL_PROBE_AFTER_FIRST_PAGE = Duration.ofMillis(500);

    /** Handed from {@link #launchGui} to the instance the toolkit creates. */
    private static volatile CompletableFuture<Early> early;

    private Early parts;
    private ConsoleServices services;
    private CompletableFuture<List<Image>> icons;

    /** What is started before the toolkit: none of it needs JavaFX. */
    private record Early(StartupOptions options, SmokeTest smokeTest, ExecutorService background, UiSettings settings,
                         ProfileService profiles, DemoWorkspace demo, Formats formats, boolean demoFirst) {

        /**
         * Starts it on a background thread and returns at once, so the toolkit starts beside it instead of after it
         * (settings files, the JSON mappers' set-up and the demo's first steps took the main thread some 80-110 ms
         * before the toolkit's start on the app-image). Only the smoke test's clock is started here, first, so a
         * start that hangs before the window exists still ends with a reason.
         */
        static CompletableFuture<Early> beginBeside(StartupOptions options) {
            SmokeTest smokeTest = options.smokeTest() ? SmokeTest.forThisProcess().arm() : null;
            ExecutorService background = newBackgroundPool();
            return CompletableFuture.supplyAsync(() -> begin(options, smokeTest, background), background);
        }

        static ExecutorService newBackgroundPool() {
            return Executors.newCachedThreadPool(bifrostconsole.threads.BackgroundThreads.named("console-background"));
        }

        static Early begin(StartupOptions options, SmokeTest smokeTest, ExecutorService background) {
            DemoWorkspace demo = new DemoWorkspace(background);
            if (options.demo()) {
                // Its port and data first: they need no settings, and the data is the longest step to the first page.
                demo.start();
            }
            UiSettings settings = UiSettings.inConfigFolder();
            // The window's formats: the demo's first rows are made with them before the window exists.
            Formats formats = Formats.system();
            ProfileStore profileStore = ProfileStore.inConfigFolder();
            // What MainViewModel.start will open: the demo too when the last session ended on it and neither the
            // command line nor BIFROST_URL names a server (the usual start after trying the demo).
            boolean demoFirst = options.demo() || options.serverUrl() == null && lastUsedIsDemo(profileStore);
            if (demoFirst) {
                // The demo's data, its gateway, a client, the first page and its rows, while the toolkit starts.
                demo.openEarly(ManagementApiClient::new,
                        KeyBrowserViewModel.initialQuery(new KeyTableSettings(settings, background)),
                        page -> KeyBrowserViewModel.firstRows(page, formats, Clock.systemUTC().instant()));
            }
            // Off the path to the first page: only opening a saved server waits for it (for its key). On the demo
            // nothing needs it before the first page, so it is opened after that page is painted (start), or sooner
            // if something asks for a key; otherwise now, since the last server opened may need its key at once.
            // The mark shows in the smoke test's line when the probe ended before the first page (README
            // "Performance").
            CompletableFuture<CredentialStore> credentials = new CompletableFuture<>();
            Runnable probe = () -> credentials.completeAsync(() -> {
                CredentialStore store = KeyringCredentialStore.openOrFallBack(CREDENTIAL_PROBE_TIMEOUT);
                StartupClock.mark(store.availability().persistent() ? "credential store" : "credential store (session only)");
                return store;
            }, background);
            ProfileService profiles = new ProfileService(profileStore, credentials, probe);
            if (!demoFirst) {
                profiles.openCredentials();
            }
            StartupClock.mark("early work started");
            return new Early(options, smokeTest, background, settings, profiles, demo, formats, demoFirst);
        }

        /** Whether the profile file says the demo was open last; MainViewModel.start reads it again, with care. */
        private static boolean lastUsedIsDemo(ProfileStore store) {
            return DemoWorkspace.ID.equals(store.peekLastUsedId());
        }
    }

    /** Checks the command line before JavaFX starts, so a typo prints a message instead of opening a window. */
    public static void launchGui(String[] args) {
        StartupOptions options = null;
        try {
            options = StartupOptions.parse(List.of(args), System.getenv());
        } catch (StartupOptions.UsageException e) {
            System.err.println("bifrost-console: " + e.getMessage());
            System.exit(2);
        }
        early = Early.beginBeside(options);
        StartupClock.mark("launch");
        Application.launch(BifrostConsoleApp.class, args);
    }

    @Override
    public void init() throws Exception {
        StartupClock.mark("toolkit up");
        if (early != null) {
            // Started before the toolkit (launchGui) and done by now as a rule: it needs less time than the toolkit's
            // start. This is the launcher thread, not the FX thread; what it may wait for is CPU work and the small
            // settings files, never the network.
            parts = early.join();
        } else {
            StartupOptions options = StartupOptions.parse(getParameters().getRaw(), System.getenv());
            parts = Early.begin(options, options.smokeTest() ? SmokeTest.forThisProcess().arm() : null,
                    Early.newBackgroundPool());
        }
        early = null;
        // Decoded beside the first window's making (an Image needs only the toolkit started, not its thread).
        icons = CompletableFuture.supplyAsync(() -> {
            List<Image> loaded = AppIcons.load();
            StartupClock.mark("icons loaded");
            return loaded;
        }, parts.background());
        // The font for CJK and emoji names, some 50 ms to load: in the background, off the way to the first page.
        FallbackFont.preload(parts.background());
    }

    @Override
    public void start(Stage stage) {
        StartupClock.mark("start");
        Executor uiExecutor = Platform::runLater;
        ThemeManager themes = new ThemeManager(parts.settings(), parts.background());
        themes.applyRemembered();
        services = new ConsoleServices(uiExecutor, parts.background(), Scheduler.newTimer(), parts.settings(),
                parts.profiles(), themes, new WindowService(themes::style, icons, uiExecutor), Clock.systemUTC(), parts.formats());
        StartupClock.mark("services built");
        ConsoleWindow window = new ConsoleWindow(services, parts.demo());
        StartupClock.mark("window built");
        window.show(stage, parts.options());
        StartupClock.mark("window shown");
        SmokeTest smokeTest = parts.smokeTest();
        if (parts.demoFirst()) {
            // The credential store was left for later (Early.begin): its probe (D-Bus, an encrypted session with
            // the Secret Service) would share the two cores with the first page, so it waits a moment after that
            // page's frame (the smoke test's own paint check ends a pulse later). Asking for a key opens it sooner.
            window.firstPageShown().thenRun(() -> FirstFrame.afterPaint(stage.getScene(),
                    () -> CompletableFuture.delayedExecutor(CREDENTIAL_PROBE_AFTER_FIRST_PAGE.toMillis(),
                            java.util.concurrent.TimeUnit.MILLISECONDS, parts.background())
                            .execute(parts.profiles()::openCredentials)));
        }
        if (smokeTest != null) {
            SmokeTest.markFirstPulse(stage.getScene());
            smokeTest.failWhenSet(window.model().failureProperty());
            smokeTest.watch(stage.getScene().getRoot(), window.firstPageShown());
        }
    }

    @Override
    public void stop() {
        parts.demo().close();
        parts.profiles().close();
        if (services != null) {
            services.close();
        }
        parts.background().shutdownNow();
    }
}
