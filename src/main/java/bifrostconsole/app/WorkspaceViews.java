package bifrostconsole.app;

import bifrostconsole.changes.ChangeEngine;
import bifrostconsole.customers.CustomersView;
import bifrostconsole.exportui.ExportActions;
import bifrostconsole.keyeditor.KeyEditorDialogs;
import bifrostconsole.keys.KeyBrowserView;
import bifrostconsole.keys.KeyBrowserViewModel;
import bifrostconsole.teams.TeamsView;
import javafx.scene.Node;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Builds the centre for an open workspace: the key browser, and the team and customer views beside it, over
 * the workspace's server. Also reports when
 * the first page of keys of the first workspace is on screen, which the start-up smoke test waits for.
 */
final class WorkspaceViews implements Function<Workspace, Node> {
    private final ConsoleServices services;
    private final ExportActions exportActions;
    private final CompletableFuture<Void> firstPageShown = new CompletableFuture<>();
    private final Map<Workspace, KeyBrowserViewModel> open = new HashMap<>();
    private final Map<Workspace, WorkspaceView> shown = new HashMap<>();

    WorkspaceViews(ConsoleServices services) {
        this.services = services;
        this.exportActions = services.exportActions();
    }

    @Override
    public Node apply(Workspace workspace) {
        KeyBrowserViewModel model = services.keyBrowser(workspace.client());
        model.firstPageShown().thenRun(() -> firstPageShown.complete(null));
        open.put(workspace, model);
        KeyBrowserView keys = new KeyBrowserView(model);
        exportActions.install(keys, model, workspace.client());
        ChangeEngine changes = services.changes(workspace.client());
        keys.setEditing(new KeyEditorDialogs(model, services.keyEditor(workspace.client(), changes,
                workspace.serverVersion()), services.windows(), model.clipboard(),
                () -> keys.getScene() == null ? null : keys.getScene().getWindow()));
        WorkspaceView view = new WorkspaceView(keys,
                () -> new TeamsView(services.teams(workspace.client(), changes, workspace.serverVersion()),
                        services.windows()),
                () -> new CustomersView(services.customers(workspace.client(), changes, workspace.serverVersion()),
                        services.windows()));
        shown.put(workspace, view);
        return view;
    }

    /** The workspace was left (another server opened, or a failure): its browser stops asking its server. */
    void close(Workspace workspace) {
        KeyBrowserViewModel model = workspace == null ? null : open.remove(workspace);
        if (model != null) {
            model.close();
        }
        WorkspaceView view = workspace == null ? null : shown.remove(workspace);
        if (view != null) {
            view.close();
        }
    }

    /** Completes once a first page of keys has been shown in any workspace. */
    CompletableFuture<Void> firstPageShown() {
        return firstPageShown;
    }
}
