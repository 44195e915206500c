package bifrostconsole.app;

import bifrostconsole.alerts.AlertsView;
import bifrostconsole.alerts.AlertsViewModel;
import bifrostconsole.changes.ChangeEngine;
import bifrostconsole.customers.CustomersView;
import bifrostconsole.exportui.ExportActions;
import bifrostconsole.history.HistoryView;
import bifrostconsole.keyactions.KeyActionsView;
import bifrostconsole.keyactions.KeyActionsViewModel;
import bifrostconsole.headroom.OwnerLists;
import bifrostconsole.overview.OverviewView;
import bifrostconsole.keyeditor.KeyEditorDialogs;
import bifrostconsole.overview.OverviewViewModel;
import bifrostconsole.teams.TeamsView;
import bifrostconsole.keys.KeyBrowserView;
import bifrostconsole.keys.KeyBrowserViewModel;
import bifrostconsole.startup.FirstFrame;
import bifrostconsole.startup.StartupClock;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.layout.StackPane;
import javafx.scene.control.Tab;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Builds the centre for an open workspace: its views side by side (the key browser, teams, customers, the
 * overview) over the workspace's server, linked to each other ({@link WorkspaceLinks}), with the key editor and
 * the team and customer forms writing through one change engine. Also reports when
 * the first page of keys of the first workspace is on screen, which the start-up smoke test waits for.
 */
final class WorkspaceViews implements Function<Workspace, Node> {
    private final ConsoleServices services;
    private final ExportActions exportActions;
    private final CompletableFuture<Void> firstPageShown = new CompletableFuture<>();
    private final Map<Workspace, KeyBrowserViewModel> open = new HashMap<>();
    private final Map<Workspace, Opened> overviews = new HashMap<>();
    private static final java.time.Duration BACKGROUND_SCAN = java.time.Duration.ofMinutes(1);

    /** What a workspace's views run besides the key browser, to be stopped when it is left. */
    private record Opened(OverviewViewModel overview, AutoRefreshViewModel refresh, WorkspaceLinks links) {
    }

    private java.util.function.BiConsumer<Workspace, bifrostconsole.keys.ListAnswer> listAnswers = (w, a) -> { };

    /** Who hears each answer of a workspace's key list (the main window's header). */
    void onListAnswer(java.util.function.BiConsumer<Workspace, bifrostconsole.keys.ListAnswer> listener) {
        listAnswers = listener;
    }

    WorkspaceViews(ConsoleServices services) {
        this.services = services;
        this.exportActions = services.exportActions();
    }

    @Override
    public Node apply(Workspace workspace) {
        KeyBrowserViewModel model = services.keyBrowser(workspace.client());
        model.firstPageShown().thenRun(() -> firstPageShown.complete(null));
        // The page asked for while opening the server: the view then starts with rows instead of a request.
        model.showPrefetched(workspace.firstPageQuery(), workspace.firstPage(), workspace.firstRows());
        open.put(workspace, model);
        // The header's count and status dot follow the key list's answers (the prefetched page's too).
        model.lastAnswerProperty().addListener((o, a, answer) -> listAnswers.accept(workspace, answer));
        if (model.lastAnswerProperty().get() != null) {
            listAnswers.accept(workspace, model.lastAnswerProperty().get());
        }
        KeyBrowserView view = new KeyBrowserView(model);
        exportActions.install(view, model, workspace.client());
        // One write engine a workspace: key actions, the key editor and the team and customer forms share it.
        ChangeEngine changes = services.changes(workspace.client());
        KeyActionsViewModel actions = services.keyActions(workspace.client(), model, changes);
        KeyActionsView.install(view, actions, services.windows());
        HistoryView.install(view, () -> services.history(actions), services.windows());

        view.setEditing(new KeyEditorDialogs(model, services.keyEditor(workspace.client(), changes,
                workspace.features()), services.windows(), model.clipboard(),
                () -> view.getScene() == null ? null : view.getScene().getWindow()));

        WorkspaceTabs tabs = new WorkspaceTabs();
        WorkspaceLinks links = new WorkspaceLinks(tabs, view,
                () -> new TeamsView(services.teams(workspace.client(), changes, workspace.serverVersion()),
                        services.windows()),
                () -> new CustomersView(services.customers(workspace.client(), changes, workspace.serverVersion()),
                        services.windows()));
        Tab keys = tabs.add("keys", "Keys", 1, () -> view, shown -> { });
        links.tabs(keys, tabs.add("teams", "Teams", 2, links::teams, shown -> { }),
                tabs.add("customers", "Customers", 3, links::customers, shown -> { }));
        OverviewViewModel overview = services.overview(workspace.client());
        overview.onResult(result -> model.setOwners(result.owners().owners()));
        Consumer<String> openKey = id -> {
            tabs.getSelectionModel().select(keys);
            model.detail().open(id);
        };
        overview.setKeyOpener(openKey);
        Tab overviewTab = tabs.add("overview", "Overview", 4, () -> new OverviewView(overview, services.formats()),
                overview::setActive);

        AlertsViewModel alerts = new AlertsViewModel(services.formats(), services.settings(),
                bifrostconsole.alerts.SystemNotifier.forThisDesktop());
        overview.onResult(alerts::accept);
        AutoRefreshViewModel refresh = new AutoRefreshViewModel(services.settings(), services.scheduler(),
                services.clock(), () -> {
                    refreshViews(keys, overviewTab, model, overview);
                    links.refreshShown();
                },
                () -> model.loadingProperty().get() || overview.scanningProperty().get());
        model.lastRefreshedProperty().addListener((o, a, at) -> refresh.updated(at));
        if (model.lastRefreshedProperty().get() != null) {
            refresh.updated(model.lastRefreshedProperty().get()); // the prefetched first page
        }
        overview.onResult(result -> refresh.updated(result.at()));
        overviews.put(workspace, new Opened(overview, refresh, links));

        AutoRefreshBar bar = new AutoRefreshBar(refresh, new AlertsView(alerts, openKey));
        StackPane.setAlignment(bar, Pos.TOP_RIGHT);
        StackPane.setMargin(bar, new Insets(4, 10, 0, 0));
        StackPane centre = new StackPane(tabs, bar);
        TabRowFocus.install(tabs, bar);
        centre.setId("workspace");
        // Headroom counts the teams' and customers' budgets: read them once the first page is painted. Asked beside
        // it, their answer came during the first frame and remade the page's rows on the FX thread before it was
        // painted (README "Performance", start-up); the rows show the keys' own owners until then.
        afterFirstFrame(centre, () -> {
            if (open.get(workspace) != model) {
                return; // left before its first frame
            }
            OwnerLists.load(workspace.client()).thenAcceptAsync(lists -> {
                StartupClock.mark("owners answered");
                model.setOwners(lists.owners());
            }, services.uiExecutor());
        });
        StartupClock.mark("workspace views built");
        return centre;
    }

    /**
     * One auto-refresh: the view on screen, and a scan for the alerts, at most once a minute when the overview is
     * not on screen (a scan of a large gateway is seconds of work for the server and for us).
     */
    private void refreshViews(Tab keys, Tab overviewTab, KeyBrowserViewModel model, OverviewViewModel overview) {
        if (keys.isSelected()) {
            model.refresh();
        }
        java.time.Instant now = services.clock().instant();
        java.time.Instant last = overview.shownProperty().get() == null ? null
                : overview.shownProperty().get().result().at();
        if (overviewTab.isSelected() || last == null || !now.isBefore(last.plus(BACKGROUND_SCAN))) {
            overview.scan();
        }
    }

    /** Runs {@code action} on the FX thread once {@code view} is in a window and its frame is painted. */
    private static void afterFirstFrame(Node view, Runnable action) {
        if (view.getScene() != null) {
            FirstFrame.afterPaint(view.getScene(), action);
            return;
        }
        view.sceneProperty().addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends javafx.scene.Scene> o,
                                javafx.scene.Scene was, javafx.scene.Scene now) {
                if (now != null) {
                    view.sceneProperty().removeListener(this);
                    FirstFrame.afterPaint(now, action);
                }
            }
        });
    }

    /** The workspace was left (another server opened, or a failure): its browser stops asking its server. */
    void close(Workspace workspace) {
        KeyBrowserViewModel model = workspace == null ? null : open.remove(workspace);
        if (model != null) {
            model.close();
        }
        Opened opened = workspace == null ? null : overviews.remove(workspace);
        if (opened != null) {
            opened.refresh().close();
            opened.overview().cancel();
            opened.overview().setActive(false);
            opened.links().close();
        }
    }

    /** Completes once a first page of keys has been shown in any workspace. */
    CompletableFuture<Void> firstPageShown() {
        return firstPageShown;
    }
}
