package bifrostconsole.exportui;

import bifrostconsole.export.KeyPageSource;
import bifrostconsole.export.SnapshotSource;
import bifrostconsole.keys.KeyBrowserView;
import bifrostconsole.keys.KeyBrowserViewModel;
import bifrostconsole.ui.WindowService;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * A snapshot browsed in its own window with the same key table and detail panes as a server, under a banner
 * that says it is a read-only snapshot, of which server, from when, with a Close button of its own (Esc, Ctrl+W).
 * It offers only what a file can do: the key browser leaves out Refresh, and the Key column and value buttons
 * when the file holds no key values; the pager dates the rows by the snapshot's time.
 */
public final class SnapshotWindow extends BorderPane {
    private static final KeyCombination CLOSE = new KeyCodeCombination(KeyCode.W, KeyCombination.SHORTCUT_DOWN);

    private final KeyBrowserViewModel browser;
    private final KeyBrowserView view;
    private final Button close = new Button("Close");

    public SnapshotWindow(SnapshotSource source, KeyBrowserViewModel browser, ExportActions actions) {
        this.browser = browser;
        Label banner = new Label(source.bannerText(browser.formats()::dateTime));
        banner.setId("snapshot-banner");
        banner.setWrapText(true);
        banner.setMaxWidth(Double.MAX_VALUE);
        banner.setStyle("-fx-text-fill: -color-warning-fg; -fx-font-weight: bold;");
        HBox.setHgrow(banner, Priority.ALWAYS);
        close.setId("close-snapshot");
        close.setTooltip(new Tooltip("Close this snapshot (Esc or Ctrl+W)"));
        close.setMinWidth(Button.USE_PREF_SIZE);
        HBox bar = new HBox(12, banner, close);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 14, 6, 14));
        bar.setStyle("-fx-background-color: -color-warning-subtle; -fx-border-color: -color-warning-muted;"
                + " -fx-border-width: 0 0 1 0;");
        view = new KeyBrowserView(browser);
        view.addToolbarItem(actions.exportButton(view, KeyPageSource.of(source), browser));
        setTop(bar);
        setCenter(view);
    }

    public KeyBrowserViewModel browser() {
        return browser;
    }

    /**
     * Close, Esc and Ctrl+W close the window. Esc closes it only when nothing inside wanted the key: the key
     * browser takes it first to close the details and to leave the search field, so Esc steps back one thing
     * at a time and the last one closes the window.
     */
    private void closeWith(Stage stage) {
        close.setOnAction(e -> stage.close());
        Scene scene = stage.getScene();
        scene.getAccelerators().put(CLOSE, stage::close);
        scene.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE && !e.isShortcutDown() && !e.isAltDown() && !e.isShiftDown()) {
                stage.close();
                e.consume();
            }
        });
    }

    /** Opens {@code source} in a new window beside {@code owner}, with the keyboard in its key table. */
    public static Stage show(WindowService windows, Window owner, SnapshotSource source, KeyBrowserViewModel browser,
                             ExportActions actions) {
        SnapshotWindow content = new SnapshotWindow(source, browser, actions);
        Stage stage = windows.window(owner, source.displayName() + " (read-only)", content, 1200, 760);
        stage.setOnHidden(e -> content.browser.close());
        content.closeWith(stage);
        stage.show();
        content.applyCss(); // the table sits inside the split pane's skin: built by a CSS pass
        content.view.table().requestFocus();
        return stage;
    }
}
