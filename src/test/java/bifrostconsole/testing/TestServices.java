package bifrostconsole.testing;

import bifrostconsole.api.GovernanceSource;
import bifrostconsole.api.ManagementApiClient;
import bifrostconsole.api.ServerFeatures;
import bifrostconsole.changes.ChangeEngine;
import bifrostconsole.changes.ChangeHistory;
import bifrostconsole.changes.DeletedKeys;
import bifrostconsole.keyeditor.KeyEditorViewModel;
import bifrostconsole.app.ConsoleServices;
import bifrostconsole.app.ThemeManager;
import bifrostconsole.config.UiSettings;
import bifrostconsole.connection.ProfileService;
import bifrostconsole.exportui.ExportActions;
import bifrostconsole.keys.KeyBrowserViewModel;
import bifrostconsole.keys.KeyTableSettings;
import bifrostconsole.service.Scheduler;
import bifrostconsole.ui.Formats;
import bifrostconsole.ui.WindowService;
import javafx.application.Platform;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The composition root's collaborators for UI tests that run on the real FX thread: the same factories as
 * the app, with the FX thread as UI executor, a daemon pool and one shared debounce timer for the test run.
 */
public final class TestServices {
    private static final ScheduledExecutorService TIMER = Scheduler.newTimer();

    private TestServices() {
    }

    /** Everything a window needs, as the app builds it; themes style every window (no icons in tests). */
    public static ConsoleServices onFxThread(UiSettings settings, ProfileService profiles, ThemeManager themes) {
        return new ConsoleServices(Platform::runLater, daemonPool("test-background"), Scheduler.newTimer(), settings, profiles, themes, new WindowService(themes::style, List.of()),
                Clock.systemUTC(), Formats.system());
    }

    /** A key table view-model on the FX thread, as the app builds one. */
    public static KeyBrowserViewModel keyBrowser(GovernanceSource source, UiSettings settings) {
        return new KeyBrowserViewModel(source, Platform::runLater, new KeyTableSettings(settings, Runnable::run),
                fxScheduler(), Clock.systemUTC(), Formats.system());
    }

    /** Debounced tasks on the FX thread after their delay. */
    public static Scheduler fxScheduler() {
        return Scheduler.onUiExecutor(TIMER, Platform::runLater);
    }

    /** Export actions whose windows are styled like the app's and whose work runs on a daemon thread. */
    public static ExportActions exportActions(UiSettings settings) {
        WindowService windows = new WindowService(scene -> bifrostconsole.ui.Stylesheets.apply(scene), List.of());
        return new ExportActions(windows, command -> new Thread(command).start(), Platform::runLater,
                Clock.systemUTC(), bifrostconsole.ui.Formats.system(), source -> keyBrowser(source, settings));
    }

    /** A window service that styles like the app and shows no icons. */
    public static WindowService windows() {
        return new WindowService(scene -> bifrostconsole.ui.Stylesheets.apply(scene), List.of());
    }

    /**
     * What the key editor needs, as the app builds it: the change engine writing History and delete backups to
     * {@code data} on a daemon pool, the FX thread as UI executor, US formats in UTC and a 2.2 server.
     */
    public static KeyEditorViewModel.Context keyEditorContext(ManagementApiClient client, Path data) {
        ChangeEngine engine = new ChangeEngine(client, ChangeHistory.in(data), DeletedKeys.in(data),
                daemonPool("editor-test-io"), Clock.systemUTC());
        return new KeyEditorViewModel.Context(client, engine, Platform::runLater, fxScheduler(), Clock.systemUTC(),
                new Formats(Locale.US, ZoneOffset.UTC), ServerFeatures.of("v2.2.5"));
    }

    private static ExecutorService daemonPool(String name) {
        return Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }
}
