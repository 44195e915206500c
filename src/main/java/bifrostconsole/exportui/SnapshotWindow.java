package bifrostconsole.exportui;

import bifrostconsole.export.KeyPageSource;
import bifrostconsole.export.SnapshotSource;
import bifrostconsole.keys.KeyBrowserView;
import bifrostconsole.keys.KeyBrowserViewModel;
import bifrostconsole.ui.WindowService;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * A snapshot browsed in its own window with the same key table and detail panes as a server, under a banner
 * that says it is a read-only snapshot, of which server, from when.
 */
public final class SnapshotWindow extends BorderPane {
    private final KeyBrowserViewModel browser;

    public SnapshotWindow(SnapshotSource source, KeyBrowserViewModel browser, ExportActions actions) {
        this.browser = browser;
        Label banner = new Label(source.bannerText());
        banner.setId("snapshot-banner");
        banner.setWrapText(true);
        banner.setMaxWidth(Double.MAX_VALUE);
        banner.setPadding(new Insets(8, 14, 8, 14));
        banner.setStyle("-fx-background-color: -color-warning-subtle; -fx-text-fill: -color-warning-fg;"
                + " -fx-border-color: -color-warning-muted; -fx-border-width: 0 0 1 0; -fx-font-weight: bold;");
        KeyBrowserView view = new KeyBrowserView(browser);
        view.addToolbarItem(actions.exportButton(view, KeyPageSource.of(source), browser));
        setTop(banner);
        setCenter(view);
    }

    public KeyBrowserViewModel browser() {
        return browser;
    }

    /** Opens {@code source} in a new window beside {@code owner}. */
    public static Stage show(WindowService windows, Window owner, SnapshotSource source, KeyBrowserViewModel browser,
                             ExportActions actions) {
        SnapshotWindow content = new SnapshotWindow(source, browser, actions);
        Stage stage = windows.window(owner, source.displayName() + " (read-only)", content, 1200, 760);
        stage.setOnHidden(e -> content.browser.close());
        stage.show();
        return stage;
    }
}
