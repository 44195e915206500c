package bifrostconsole.app;

import atlantafx.base.controls.Message;
import atlantafx.base.theme.Styles;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tooltip;
import bifrostconsole.ui.Icons;
import bifrostconsole.ui.ListOnOpenComboBoxSkin;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.function.Function;

/**
 * The main window's shell: a top bar (profile switcher, connection status, add / manage connections, theme),
 * notices under it, and a centre that shows the welcome screen, progress, a failure with what to do, or the
 * open workspace. Centre panes are built only when first needed.
 */
final class MainWindow extends BorderPane {

    /** What the shell asks of the rest of the application. */
    interface Actions {
        void addConnection();

        void manageConnections();

        void editConnection(MainViewModel.Choice choice);

        /** An unsaved connection (from --server or BIFROST_URL) becomes a saved profile. */
        void saveConnection(MainViewModel.Choice choice);

        /** The open workspace has unsaved work ({@code what}): true when the user chooses to leave it anyway. */
        boolean confirmLeaving(String what);
    }

    private final MainViewModel model;
    private final Function<Workspace, Node> workspaceViews;
    private final Actions actions;
    private Node welcome;
    private Workspace shownWorkspace;
    private Node shownWorkspaceView;
    private boolean updatingSwitcher;

    MainWindow(MainViewModel model, ThemeManager themes, Function<Workspace, Node> workspaceViews, Actions actions) {
        this.model = model;
        this.workspaceViews = workspaceViews;
        this.actions = actions;
        getStyleClass().add("main-window");
        setTop(new VBox(topBar(themes), notices()));
        model.screenProperty().addListener((obs, was, now) -> showCentre());
        model.workspaceProperty().addListener((obs, was, now) -> showCentre());
        showCentre();
    }

    private HBox topBar(ThemeManager themes) {
        Label title = new Label("Bifrost Console");
        title.getStyleClass().add("app-title");

        ComboBox<MainViewModel.Choice> switcher = new ComboBox<>(model.choices());
        switcher.setId("profile-switcher");
        switcher.setPromptText("Choose a connection");
        switcher.setPrefWidth(240);
        ListOnOpenComboBoxSkin.install(switcher); // its list is built on first open, not before the first frame
        // Tooltips of controls with a visible name are made when the pointer first comes (each is a popup window
        // with a scene of its own, made and styled before the first frame otherwise); icon-only buttons keep theirs.
        Icons.tooltip(switcher, "Switch between your Bifrost servers (Alt+Down or F4 opens the list)");
        switcher.setAccessibleText("Connection");
        model.selectedProperty().addListener((obs, was, now) -> {
            updatingSwitcher = true;
            switcher.getSelectionModel().select(now);
            updatingSwitcher = false;
        });
        model.choices().addListener((ListChangeListener<MainViewModel.Choice>) change -> {
            updatingSwitcher = true;
            switcher.getSelectionModel().select(model.selectedProperty().get());
            updatingSwitcher = false;
        });
        switcher.valueProperty().addListener((obs, was, now) -> {
            if (updatingSwitcher || now == null) {
                return;
            }
            String unsaved = model.unsavedWorkProperty().get();
            if (unsaved != null && !now.equals(model.selectedProperty().get()) && !actions.confirmLeaving(unsaved)) {
                javafx.application.Platform.runLater(() -> {
                    updatingSwitcher = true;
                    switcher.getSelectionModel().select(model.selectedProperty().get());
                    updatingSwitcher = false;
                });
                return;
            }
            model.open(now);
        });
        guardAgainstStrayKeys(switcher);

        Circle dot = new Circle(5);
        dot.getStyleClass().add("status-dot");
        Label status = new Label();
        status.setId("connection-status");
        status.getStyleClass().add("status-text");
        status.textProperty().bind(model.statusTextProperty());
        status.setGraphic(dot);
        status.setMinWidth(Region.USE_PREF_SIZE);
        model.statusProperty().addListener((obs, was, now) -> {
            dot.getStyleClass().removeAll("connected", "connecting", "failed");
            switch (now) {
                case CONNECTED -> dot.getStyleClass().add("connected");
                case CONNECTING -> dot.getStyleClass().add("connecting");
                case FAILED, ANSWER_FAILED -> dot.getStyleClass().add("failed");
                default -> { }
            }
        });

        // Which server, and when and how it last answered: the dot and count follow every answer of the key list.
        Tooltip statusTip = new Tooltip();
        statusTip.textProperty().bind(model.statusDetailProperty());
        status.setTooltip(statusTip);

        // The risky choices stay visible while the connection is in use, not only in its settings.
        Label insecure = new Label("TLS not verified");
        insecure.setId("insecure-badge");
        insecure.getStyleClass().addAll("badge", "badge-danger");
        Icons.tooltip(insecure, "This connection accepts any certificate: anyone on the way could read"
                + " the key and the data. Add the server's CA certificate in the connection's settings instead.");
        Label plainHttp = new Label("Unencrypted");
        plainHttp.setId("plain-http-badge");
        plainHttp.getStyleClass().addAll("badge", "badge-warning");
        Icons.tooltip(plainHttp, "The key travels over plain http to another computer: prefer https://.");
        Runnable badges = () -> {
            Workspace ws = model.workspaceProperty().get();
            boolean skip = ws != null && ws.profile() != null && ws.profile().skipTlsVerification();
            boolean clear = ws != null && ws.profile() != null && ws.profile().sendsKeyInClear();
            insecure.setVisible(skip);
            insecure.setManaged(skip);
            plainHttp.setVisible(clear);
            plainHttp.setManaged(clear);
        };
        model.workspaceProperty().addListener((obs, was, now) -> badges.run());
        badges.run();

        Button saveAdHoc = new Button("Save connection\u2026", Icons.themeIcon(Feather.SAVE));
        saveAdHoc.setId("save-unsaved-connection");
        Icons.tooltip(saveAdHoc, "Keep this server in your connections, with its key in the credential store");
        saveAdHoc.setOnAction(e -> actions.saveConnection(model.selectedProperty().get()));
        Runnable saveVisible = () -> {
            MainViewModel.Choice c = model.selectedProperty().get();
            boolean unsaved = c != null && !c.saved() && !DemoWorkspace.ID.equals(c.id());
            saveAdHoc.setVisible(unsaved);
            saveAdHoc.setManaged(unsaved);
        };
        model.selectedProperty().addListener((obs, was, now) -> saveVisible.run());
        saveVisible.run();

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);

        Button add = new Button("Add connection", Icons.themeIcon(Feather.PLUS));
        add.setId("add-connection");
        add.setOnAction(e -> actions.addConnection());
        Button manage = new Button(null, Icons.themeIcon(Feather.SETTINGS));
        manage.setId("manage-connections");
        manage.getStyleClass().add(Styles.BUTTON_ICON);
        Icons.tooltip(manage, "Manage connections");
        manage.setAccessibleText("Manage connections");
        manage.setOnAction(e -> actions.manageConnections());
        Button theme = new Button();
        theme.setId("toggle-theme");
        theme.getStyleClass().add(Styles.BUTTON_ICON);
        Icons.tooltip(theme, null);
        Runnable themeIcon = () -> {
            boolean dark = themes.theme() == ThemeManager.Theme.DARK;
            String text = dark ? "Switch to the light theme" : "Switch to the dark theme";
            theme.setGraphic(Icons.themeIcon(dark ? Feather.SUN : Feather.MOON));
            Icons.setTooltipText(theme, text);
            theme.setAccessibleText(text);
        };
        themeIcon.run();
        themes.themeProperty().addListener((obs, was, now) -> themeIcon.run());
        theme.setOnAction(e -> themes.toggle());

        HBox bar = new HBox(title, switcher, status, insecure, plainHttp, spacer, saveAdHoc, add, manage, theme);
        bar.getStyleClass().add("top-bar");
        bar.setSpacing(10);
        return bar;
    }

    /**
     * The switcher changes what the whole window shows, so no stray key may change it: a closed switcher ignores
     * the arrow, Page, Home/End and letter keys (a ComboBox would otherwise step to the next connection on Down),
     * and opens only by click, Alt+Down or F4. Once open, its list takes the keys as usual.
     */
    static void guardAgainstStrayKeys(ComboBox<?> switcher) {
        switcher.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (switcher.isShowing()) {
                return;
            }
            javafx.scene.input.KeyCode code = e.getCode();
            if (code == javafx.scene.input.KeyCode.F4 || e.isAltDown()) {
                return; // the ComboBox's own F4 (on release) and Alt+Down open the list
            }
            if (code.isArrowKey() || code.isNavigationKey() || code.isLetterKey() || code.isDigitKey()
                    || code == javafx.scene.input.KeyCode.SPACE || code == javafx.scene.input.KeyCode.ENTER) {
                e.consume(); // Tab is not among these: it still moves the focus on
            }
        });
        switcher.addEventFilter(javafx.scene.input.KeyEvent.KEY_TYPED, e -> {
            if (!switcher.isShowing()) {
                e.consume();
            }
        });
    }

    private VBox notices() {
        VBox box = new VBox();
        box.getStyleClass().add("notice-bar");
        Runnable rebuild = () -> {
            box.getChildren().clear();
            for (String notice : model.notices()) {
                Message message = new Message("Attention", notice, new FontIcon(Feather.ALERT_TRIANGLE));
                message.getStyleClass().add(Styles.WARNING);
                message.setOnClose(e -> model.dismissNotice(notice));
                box.getChildren().add(message);
            }
            box.setVisible(!model.notices().isEmpty());
            box.setManaged(box.isVisible());
        };
        model.notices().addListener((ListChangeListener<String>) change -> rebuild.run());
        rebuild.run();
        return box;
    }

    private void showCentre() {
        setCenter(switch (model.screenProperty().get()) {
            case STARTING -> new Region();
            case WELCOME -> welcome();
            case CONNECTING -> connecting();
            case FAILED -> failed();
            case WORKSPACE -> workspace();
        });
        if (model.screenProperty().get() == MainViewModel.Screen.WORKSPACE) {
            focusKeyTable();
        }
    }

    /**
     * A workspace opens with the keyboard in its key table, so Ctrl+F, J/K, Enter and the first Down work without a
     * click: left where it was, focus would sit on the connection switcher (where the scene puts it when the
     * welcome card or the Retry button that had it leaves the scene) or on a dialog's button. The table lives
     * inside controls whose parts (skins) are only built by a CSS pass; a request deferred to the next event often
     * still comes before that pass under a window manager, finds no table and leaves the focus on the switcher. So
     * the pass is made here, once, for the new centre (the next pulse then has nothing left to do for it), and the
     * table takes the focus in the same moment the workspace replaces the screen before it.
     */
    private void focusKeyTable() {
        Node centre = getCenter();
        if (centre == null) {
            return;
        }
        if (getScene() == null) {
            sceneProperty().addListener(new javafx.beans.value.ChangeListener<>() {
                @Override
                public void changed(javafx.beans.value.ObservableValue<? extends javafx.scene.Scene> o,
                                    javafx.scene.Scene was, javafx.scene.Scene now) {
                    sceneProperty().removeListener(this);
                    if (now != null && getCenter() == centre) {
                        focusKeyTable();
                    }
                }
            });
            return;
        }
        centre.applyCss();
        Node table = centre.lookup("#key-table");
        if (table != null) {
            table.requestFocus();
        }
    }

    private Node welcome() {
        if (welcome == null) {
            welcome = new WelcomeView(actions::addConnection, model::openDemo);
        }
        return welcome;
    }

    private Node workspace() {
        Workspace ws = model.workspaceProperty().get();
        if (ws == null) {
            return new Region();
        }
        if (ws != shownWorkspace) {
            shownWorkspace = ws;
            shownWorkspaceView = workspaceViews.apply(ws);
        }
        return shownWorkspaceView;
    }

    /**
     * How long the connecting screen shows only its text before its spinner. Most openings (the demo always) end
     * sooner, and an indeterminate spinner is an animation: a frame every pulse, made and drawn on the two threads
     * the opening itself needs at start-up, some 15-30 ms each on a busy machine.
     */
    static final javafx.util.Duration SPINNER_DELAY = javafx.util.Duration.millis(600);

    private Node connecting() {
        ProgressIndicator progress = new ProgressIndicator();
        progress.setMaxSize(48, 48);
        // Hidden, it does not animate; it keeps its place so the text does not move when it appears.
        progress.setVisible(false);
        javafx.animation.PauseTransition wait = new javafx.animation.PauseTransition(SPINNER_DELAY);
        wait.setOnFinished(e -> progress.setVisible(true));
        progress.sceneProperty().addListener((o, was, now) -> {
            if (now == null) {
                wait.stop(); // the screen was left before its spinner showed
            }
        });
        wait.play();
        Label text = new Label();
        text.getStyleClass().add("title");
        text.textProperty().bind(model.statusTextProperty());
        VBox box = new VBox(progress, text);
        box.getStyleClass().add("centre-message");
        return box;
    }

    private Node failed() {
        FontIcon icon = new FontIcon(Feather.ALERT_OCTAGON);
        icon.getStyleClass().add("danger-icon");
        Label title = new Label();
        title.textProperty().bind(javafx.beans.binding.Bindings.concat("Could not open ", model.connectingToProperty()));
        title.getStyleClass().add("title");
        title.setWrapText(true);
        Label detail = new Label();
        detail.textProperty().bind(model.failureProperty());
        detail.setId("failure-message");
        detail.getStyleClass().add("detail");
        detail.setWrapText(true);
        detail.setMaxWidth(640);
        Button retry = new Button("Retry", new FontIcon(Feather.REFRESH_CW));
        retry.setId("retry-connection");
        retry.getStyleClass().add("accent");
        retry.setOnAction(e -> model.retry());
        Button edit = new Button("Edit connection\u2026", new FontIcon(Feather.EDIT_2));
        edit.setId("edit-failed-connection");
        MainViewModel.Choice choice = model.selectedProperty().get();
        edit.setVisible(choice != null && choice.saved());
        edit.setManaged(edit.isVisible());
        edit.setOnAction(e -> actions.editConnection(model.selectedProperty().get()));
        Button back = new Button("Back to start");
        back.setOnAction(e -> model.showWelcome());
        HBox buttons = new HBox(8, retry, edit, back);
        buttons.setAlignment(Pos.CENTER);
        VBox box = new VBox(icon, title, detail, buttons);
        box.getStyleClass().add("centre-message");
        return box;
    }
}
