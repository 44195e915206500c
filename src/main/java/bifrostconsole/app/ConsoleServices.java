package bifrostconsole.app;

import bifrostconsole.api.GovernanceSource;
import bifrostconsole.api.ManagementApiClient;
import bifrostconsole.api.ServerFeatures;
import bifrostconsole.changes.ChangeEngine;
import bifrostconsole.changes.ChangeHistory;
import bifrostconsole.changes.DeletedKeys;
import bifrostconsole.changes.OwnerChanges;
import bifrostconsole.api.VirtualKeyQuery;
import bifrostconsole.config.ConfigFolder;
import bifrostconsole.config.UiSettings;
import bifrostconsole.connection.ConnectionProfile;
import bifrostconsole.connection.ConnectionTestViewModel;
import bifrostconsole.connection.ProfileEditorViewModel;
import bifrostconsole.connection.ProfileService;
import bifrostconsole.customers.CustomersViewModel;
import bifrostconsole.exportui.ExportActions;
import bifrostconsole.keyeditor.KeyEditorViewModel;
import bifrostconsole.history.HistoryViewModel;
import bifrostconsole.keyactions.KeyActionsViewModel;
import bifrostconsole.keys.KeyBrowserViewModel;
import bifrostconsole.keys.KeyTableSettings;
import bifrostconsole.owners.OwnerListViewModel;
import bifrostconsole.overview.OverviewViewModel;
import bifrostconsole.service.Scheduler;
import bifrostconsole.tables.TableSettings;
import bifrostconsole.teams.TeamsViewModel;
import bifrostconsole.ui.Formats;
import bifrostconsole.ui.WindowService;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;

/**
 * What the composition root ({@link BifrostConsoleApp}) builds once: the pools, the UI executor, the
 * remembered settings, the clock, the themes and the window service; and the factories of every view-model,
 * so each one gets the same collaborators and no class reaches for a static pool or {@code Platform::runLater}.
 * Owns the pools: {@link #close()} stops them.
 */
public final class ConsoleServices implements AutoCloseable {
    private final Executor uiExecutor;
    private final ExecutorService background;
    private final ScheduledExecutorService timer;
    private final UiSettings settings;
    private final ProfileService profiles;
    private final ThemeManager themes;
    private final WindowService windows;
    private final Clock clock;
    private final Formats formats;
    private final Path dataFolder;

    /** With History and the deleted keys' backups in the config folder. */
    public ConsoleServices(Executor uiExecutor, ExecutorService background, ScheduledExecutorService timer,
                           UiSettings settings, ProfileService profiles, ThemeManager themes, WindowService windows,
                           Clock clock, Formats formats) {
        this(uiExecutor, background, timer, settings, profiles, themes, windows, clock, formats,
                ConfigFolder.resolve());
    }

    /** @param dataFolder where History ({@code history.jsonl}) and the deleted keys' backups are kept */
    public ConsoleServices(Executor uiExecutor, ExecutorService background, ScheduledExecutorService timer,
                           UiSettings settings, ProfileService profiles, ThemeManager themes, WindowService windows,
                           Clock clock, Formats formats, Path dataFolder) {
        this.uiExecutor = uiExecutor;
        this.background = background;
        this.timer = timer;
        this.settings = settings;
        this.profiles = profiles;
        this.themes = themes;
        this.windows = windows;
        this.clock = clock;
        this.formats = formats;
        this.dataFolder = dataFolder;
    }

    public Executor uiExecutor() {
        return uiExecutor;
    }

    public Executor background() {
        return background;
    }

    public UiSettings settings() {
        return settings;
    }

    public ProfileService profiles() {
        return profiles;
    }

    public ThemeManager themes() {
        return themes;
    }

    public WindowService windows() {
        return windows;
    }

    /** The main window's state: which connection is open, the switcher, the notices. */
    public MainViewModel mainViewModel(DemoWorkspace demo, ConnectionPrompts prompts) {
        return new MainViewModel(profiles, demo, prompts, ManagementApiClient::new, this::firstPageQuery, uiExecutor);
    }

    /** The key table (and its detail pane and pickers) over a live server or a snapshot. */
    /** The first page a new key browser asks for (remembered page size and sort): opening a server fetches it. */
    public VirtualKeyQuery firstPageQuery() {
        return KeyBrowserViewModel.initialQuery(new KeyTableSettings(settings, background));
    }

    public KeyBrowserViewModel keyBrowser(GovernanceSource source) {
        return new KeyBrowserViewModel(source, uiExecutor, new KeyTableSettings(settings, background),
                Scheduler.onUiExecutor(timer, uiExecutor), clock, formats);
    }

    /**
     * The write engine for one server: key changes, and (through {@link OwnerChanges}) team and customer changes,
     * all logged in History in the config folder; its file work runs on the background pool.
     */
    public ChangeEngine changes(ManagementApiClient client) {
        return new ChangeEngine(client, ChangeHistory.in(dataFolder), DeletedKeys.in(dataFolder), background, clock);
    }

    /** The team table, its detail pane and its forms over a live server. */
    public TeamsViewModel teams(ManagementApiClient client, ChangeEngine engine, String serverVersion) {
        return new TeamsViewModel(ownerWrites(client, engine, serverVersion),
                new TableSettings(settings, background, "teams"), clock);
    }

    /** The customer table, its detail pane and its forms over a live server. */
    public CustomersViewModel customers(ManagementApiClient client, ChangeEngine engine, String serverVersion) {
        return new CustomersViewModel(ownerWrites(client, engine, serverVersion),
                new TableSettings(settings, background, "customers"), clock);
    }

    /** What the key editor works with over a live server. */
    public KeyEditorViewModel.Context keyEditor(ManagementApiClient client, ChangeEngine engine,
                                                ServerFeatures features) {
        return new KeyEditorViewModel.Context(client, engine, uiExecutor, Scheduler.onUiExecutor(timer, uiExecutor),
                clock, formats, features);
    }

    private OwnerListViewModel.Writes ownerWrites(ManagementApiClient client, ChangeEngine engine,
                                                  String serverVersion) {
        return new OwnerListViewModel.Writes(client, OwnerChanges.besides(engine, client, background, clock),
                ServerFeatures.of(serverVersion), uiExecutor, Scheduler.onUiExecutor(timer, uiExecutor), formats);
    }

    /** The actions on a live server's keys (menus, selection, change dialogs), with the write engine for it. */
    public KeyActionsViewModel keyActions(ManagementApiClient client, KeyBrowserViewModel browser,
                                          ChangeEngine engine) {
        return new KeyActionsViewModel(engine, client, browser, uiExecutor, background, clock, formats, scheduler());
    }

    /** The History view of the changes made from this console, with Recreate through {@code actions}. */
    public HistoryViewModel history(KeyActionsViewModel actions) {
        return new HistoryViewModel(actions, uiExecutor, background, clock, formats, scheduler());
    }

    /** The gateway at a glance (Ctrl+4): full scan, totals, charts, needs-attention lists. */
    public OverviewViewModel overview(GovernanceSource source) {
        return new OverviewViewModel(source, uiExecutor, background, clock, formats, settings);
    }

    public Formats formats() {
        return formats;
    }

    public Clock clock() {
        return clock;
    }

    /** Delayed work on the UI executor, on the root's one timer thread. */
    public Scheduler scheduler() {
        return Scheduler.onUiExecutor(timer, uiExecutor);
    }

    /** The key table's Export… button and Snapshots menu. */
    public ExportActions exportActions() {
        return new ExportActions(windows, background, uiExecutor, clock, formats, this::keyBrowser);
    }

    /** The Add/Edit connection form, with its own connection test. */
    public ProfileEditorViewModel profileEditor(ConnectionProfile existing) {
        return new ProfileEditorViewModel(profiles, new ConnectionTestViewModel(uiExecutor), uiExecutor, existing);
    }

    @Override
    public void close() {
        timer.shutdownNow();
        background.shutdownNow();
    }
}
