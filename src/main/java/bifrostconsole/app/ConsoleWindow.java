package bifrostconsole.app;

import bifrostconsole.connection.ConnectionProfile;
import bifrostconsole.connection.ProfileEditorView;
import bifrostconsole.connection.ProfileEditorViewModel;
import bifrostconsole.connection.ProfileService;
import bifrostconsole.messages.UserMessages;
import bifrostconsole.ui.WindowService;
import javafx.scene.Scene;
import javafx.stage.Stage;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The main window with its dialogs, wired to the view-models it is given. Built by
 * {@link BifrostConsoleApp} for real use and by UI tests with test doubles (in-memory credential store,
 * temporary profile file).
 */
public final class ConsoleWindow {
    private final ProfileService profiles;
    private final ThemeManager themes;
    private final Executor uiExecutor;
    private final MainViewModel model;
    private final ConsoleServices services;
    private final WindowService windows;
    private final MainWindow mainWindow;
    private Stage connectionsStage;
    private ConnectionsView connectionsView;

    private final CompletableFuture<Void> firstPageShown;

    public ConsoleWindow(ConsoleServices services, DemoWorkspace demo) {
        this(services, demo, new WorkspaceViews(services));
    }

    private ConsoleWindow(ConsoleServices services, DemoWorkspace demo, WorkspaceViews workspaceViews) {
        this.firstPageShown = workspaceViews.firstPageShown();
        this.services = services;
        this.profiles = services.profiles();
        this.themes = services.themes();
        this.uiExecutor = services.uiExecutor();
        this.windows = services.windows();
        this.model = services.mainViewModel(demo, new FxConnectionPrompts(windows));
        model.workspaceProperty().addListener((obs, was, now) -> workspaceViews.close(was));
        workspaceViews.onListAnswer(model::keyListAnswered);
        this.mainWindow = new MainWindow(model, themes, workspaceViews, new MainWindow.Actions() {
            @Override
            public void addConnection() {
                openEditor(null);
            }

            @Override
            public void saveConnection(MainViewModel.Choice choice) {
                if (choice != null && choice.profile() != null) {
                    openEditor(null, choice.profile().baseUrl());
                }
            }

            @Override
            public void manageConnections() {
                showConnections();
            }

            @Override
            public void editConnection(MainViewModel.Choice choice) {
                if (choice != null && choice.saved()) {
                    openEditor(choice.profile());
                }
            }

            @Override
            public boolean confirmLeaving(String what) {
                return windows.confirm(mainWindow.getScene() == null ? null : mainWindow.getScene().getWindow(),
                        "Leave this workspace?", "Not saved yet: " + what + ". Switching to another connection"
                                + " discards it.");
            }
        });
    }

    public MainViewModel model() {
        return model;
    }

    /** Completes on the FX thread once the first page of virtual keys is on screen (for the smoke test). */
    public CompletableFuture<Void> firstPageShown() {
        return firstPageShown;
    }

    /** Puts the window on {@code stage}; call on the FX thread. */
    public void show(Stage stage, StartupOptions options) {
        WindowMemory memory = new WindowMemory(services.settings(), services.background(), services.scheduler());
        WindowPlacement.Placement placement = memory.initial();
        Scene scene = new Scene(mainWindow, placement.bounds().width(), placement.bounds().height());
        windows.decorateMain(stage, scene);
        stage.setTitle("Bifrost Console");
        memory.prepare(stage, placement);
        model.workspaceProperty().addListener((obs, was, now) ->
                stage.setTitle(now == null ? "Bifrost Console" : now.displayName() + " \u2014 Bifrost Console"));
        stage.show();
        memory.showing(stage, placement);
        model.start(options);
    }

    private void openEditor(ConnectionProfile existing) {
        openEditor(existing, null);
    }

    private void openEditor(ConnectionProfile existing, String prefillUrl) {
        ProfileEditorViewModel editor = services.profileEditor(existing);
        if (prefillUrl != null) {
            editor.urlProperty().set(prefillUrl);
        }
        Stage[] stage = new Stage[1];
        ProfileEditorView view = new ProfileEditorView(editor, saved -> {
            stage[0].close();
            model.profileSaved(saved, existing == null);
            if (connectionsView != null) {
                connectionsView.show(profiles.current().sortedByName());
            }
        }, () -> stage[0].close());
        stage[0] = windows.dialog(existing == null ? "Add connection" : "Edit connection", view);
        stage[0].show();
    }

    private void showConnections() {
        if (connectionsStage == null) {
            connectionsView = new ConnectionsView(new ConnectionsView.Actions() {
                @Override
                public void add() {
                    openEditor(null);
                }

                @Override
                public void edit(ConnectionProfile profile) {
                    openEditor(profile);
                }

                @Override
                public void delete(ConnectionProfile profile) {
                    confirmDelete(profile);
                }

                @Override
                public void open(ConnectionProfile profile) {
                    connectionsStage.close();
                    model.openProfile(profile);
                }
            });
            connectionsStage = windows.dialog("Connections", connectionsView);
        }
        connectionsView.show(profiles.current().sortedByName());
        connectionsStage.show();
        connectionsStage.toFront();
    }

    private void confirmDelete(ConnectionProfile profile) {
        if (!windows.confirm(connectionsStage, "Delete " + profile.name() + "?", "Delete the connection \""
                + profile.name() + "\" and its stored API key? The server is not changed.")) {
            return;
        }
        profiles.delete(profile.id()).whenCompleteAsync((p, error) -> {
            if (error != null) {
                model.notices().add(UserMessages.of(error));
                return;
            }
            connectionsView.show(p.sortedByName());
            model.profileDeleted(profile.id());
        }, uiExecutor);
    }
}
