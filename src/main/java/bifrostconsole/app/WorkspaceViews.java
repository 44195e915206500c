package bifrostconsole.app;

import bifrostconsole.exportui.ExportActions;
import bifrostconsole.headroom.OwnerLists;
import bifrostconsole.overview.OverviewView;
import bifrostconsole.overview.OverviewViewModel;
import bifrostconsole.keys.KeyBrowserView;
import bifrostconsole.keys.KeyBrowserViewModel;
import javafx.scene.Node;
import javafx.scene.control.Tab;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Builds the centre for an open workspace: its views side by side (the key browser, the overview) over the
 * workspace's server. Also reports when
 * the first page of keys of the first workspace is on screen, which the start-up smoke test waits for.
 */
final class WorkspaceViews implements Function<Workspace, Node> {
    private final ConsoleServices services;
    private final ExportActions exportActions;
    private final CompletableFuture<Void> firstPageShown = new CompletableFuture<>();
    private final Map<Workspace, KeyBrowserViewModel> open = new HashMap<>();
    private final Map<Workspace, OverviewViewModel> overviews = new HashMap<>();

    WorkspaceViews(ConsoleServices services) {
        this.services = services;
        this.exportActions = services.exportActions();
    }

    @Override
    public Node apply(Workspace workspace) {
        KeyBrowserViewModel model = services.keyBrowser(workspace.client());
        model.firstPageShown().thenRun(() -> firstPageShown.complete(null));
        open.put(workspace, model);
        KeyBrowserView view = new KeyBrowserView(model);
        exportActions.install(view, model, workspace.client());
        // Headroom counts the teams' and customers' budgets: read them once, beside the first page.
        OwnerLists.load(workspace.client()).thenAcceptAsync(lists -> model.setOwners(lists.owners()),
                services.uiExecutor());

        WorkspaceTabs tabs = new WorkspaceTabs();
        Tab keys = tabs.add("keys", "Keys", 1, () -> view, shown -> { });
        OverviewViewModel overview = services.overview(workspace.client());
        overviews.put(workspace, overview);
        overview.onResult(result -> model.setOwners(result.owners().owners()));
        overview.setKeyOpener(id -> {
            tabs.getSelectionModel().select(keys);
            model.detail().open(id);
        });
        tabs.add("overview", "Overview", 4, () -> new OverviewView(overview, services.formats()),
                overview::setActive);
        return tabs;
    }

    /** The workspace was left (another server opened, or a failure): its browser stops asking its server. */
    void close(Workspace workspace) {
        KeyBrowserViewModel model = workspace == null ? null : open.remove(workspace);
        if (model != null) {
            model.close();
        }
        OverviewViewModel overview = workspace == null ? null : overviews.remove(workspace);
        if (overview != null) {
            overview.cancel();
            overview.setActive(false);
        }
    }

    /** Completes once a first page of keys has been shown in any workspace. */
    CompletableFuture<Void> firstPageShown() {
        return firstPageShown;
    }
}
