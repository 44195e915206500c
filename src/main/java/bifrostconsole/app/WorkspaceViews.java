package bifrostconsole.app;

import bifrostconsole.exportui.ExportActions;
import bifrostconsole.history.HistoryView;
import bifrostconsole.keyactions.KeyActionsView;
import bifrostconsole.keyactions.KeyActionsViewModel;
import bifrostconsole.keys.KeyBrowserView;
import bifrostconsole.keys.KeyBrowserViewModel;
import javafx.scene.Node;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Builds the centre for an open workspace: the key browser over the workspace's server. Also reports when
 * the first page of keys of the first workspace is on screen, which the start-up smoke test waits for.
 */
final class WorkspaceViews implements Function<Workspace, Node> {
    private final ConsoleServices services;
    private final ExportActions exportActions;
    private final CompletableFuture<Void> firstPageShown = new CompletableFuture<>();
    private final Map<Workspace, KeyBrowserViewModel> open = new HashMap<>();

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
        KeyActionsViewModel actions = services.keyActions(workspace.client(), model);
        KeyActionsView.install(view, actions, services.windows());
        HistoryView.install(view, () -> services.history(actions), services.windows());
        return view;
    }

    /** The workspace was left (another server opened, or a failure): its browser stops asking its server. */
    void close(Workspace workspace) {
        KeyBrowserViewModel model = workspace == null ? null : open.remove(workspace);
        if (model != null) {
            model.close();
        }
    }

    /** Completes once a first page of keys has been shown in any workspace. */
    CompletableFuture<Void> firstPageShown() {
        return firstPageShown;
    }
}
