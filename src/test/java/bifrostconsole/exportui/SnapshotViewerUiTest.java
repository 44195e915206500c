package bifrostconsole.exportui;

import atlantafx.base.theme.PrimerLight;
import bifrostconsole.api.VirtualKey;
import bifrostconsole.config.UiSettings;
import bifrostconsole.demo.DemoDataGenerator;
import bifrostconsole.export.Snapshot;
import bifrostconsole.export.SnapshotFile;
import bifrostconsole.export.SnapshotSource;
import bifrostconsole.keys.KeyBrowserViewModel;
import bifrostconsole.store.GovernanceStore;
import bifrostconsole.testing.Fx;
import bifrostconsole.testing.Screenshots;
import bifrostconsole.testing.TestServices;
import bifrostconsole.testing.Wait;
import bifrostconsole.ui.Formats;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Labeled;
import javafx.scene.control.MenuButton;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The snapshot viewer as a user meets it: it offers only what a file can do (no Key column, value buttons or
 * Refresh when the file holds no key values), reads its times as the live table does, says when the snapshot was
 * taken (not when the file was opened), and closes by its own button, Esc and Ctrl+W.
 */
@ExtendWith(ApplicationExtension.class)
class SnapshotViewerUiTest {
    /** As a real save writes it: the clock's instant, nanoseconds and all. */
    static final Instant TAKEN = Instant.parse("2026-11-20T09:41:07.123456789Z");
    /** Raw ISO-8601 as {@link Instant#toString()} writes it: no person should have to read that. */
    static final Pattern ISO = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}");
    static Path withoutValues;
    static Path withValues;

    private Stage owner;
    private Stage viewer;
    private final Formats formats = Formats.system();

    @BeforeAll
    static void writeSnapshots() throws Exception {
        GovernanceStore store = DemoDataGenerator.generate(9, 60, TAKEN);
        Path dir = Files.createTempDirectory("snapshot-viewer");
        withoutValues = dir.resolve("tuesday.json");
        SnapshotFile.write(withoutValues, new Snapshot(null, "https://gw.example.com", "v2.2.5", TAKEN, false,
                store.teams(), store.customers(), store.mcpClients(), List.of(),
                store.virtualKeys().stream().map(VirtualKey::withoutValue).toList()));
        withValues = dir.resolve("tuesday-with-secrets.json");
        SnapshotFile.write(withValues, new Snapshot(null, "https://gw.example.com", "v2.2.5", TAKEN, true,
                store.teams(), store.customers(), store.mcpClients(), List.of(), store.virtualKeys()));
    }

    @Start
    void start(Stage stage) {
        this.owner = stage;
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        stage.setScene(new javafx.scene.Scene(new javafx.scene.layout.StackPane(), 400, 300));
        stage.show();
    }

    @AfterEach
    void closeWindows() throws Exception {
        FxToolkit.cleanupStages();
    }

    /** Opens {@code file} as the Snapshots menu does, and waits for its first page. */
    private KeyBrowserViewModel open(Path file) throws Exception {
        SnapshotSource source = SnapshotSource.open(file);
        KeyBrowserViewModel browser = Fx.call(() -> TestServices.keyBrowser(source, UiSettings.inMemory()));
        viewer = Fx.call(() -> SnapshotWindow.show(TestServices.windows(), owner, source, browser,
                TestServices.exportActions(UiSettings.inMemory())));
        Wait.get(browser.firstPageShown());
        Fx.settle();
        return browser;
    }

    private Node find(String query) throws Exception {
        return Fx.call(() -> viewer.getScene().lookup(query));
    }

    private boolean shown(String query) throws Exception {
        return Fx.call(() -> {
            Node n = viewer.getScene().lookup(query);
            for (Node p = n; p != null; p = p.getParent()) {
                if (!p.isVisible()) {
                    return false;
                }
            }
            return n != null;
        });
    }

    /** Every text a visible label or button of the window shows. */
    private List<String> visibleTexts() throws Exception {
        return Fx.call(() -> {
            List<String> texts = new ArrayList<>();
            collect(viewer.getScene().getRoot(), texts);
            return texts;
        });
    }

    private static void collect(Node node, List<String> texts) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof Labeled l && l.getText() != null && !l.getText().isBlank()) {
            texts.add(l.getText());
        }
        if (node instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                collect(child, texts);
            }
        }
    }

    @Test
    void aFileWithoutKeyValuesOffersNoKeyColumnNoValueButtonsAndNoRefresh(FxRobot robot) throws Exception {
        KeyBrowserViewModel browser = open(withoutValues);
        @SuppressWarnings("unchecked")
        TableView<?> table = (TableView<?>) find("#key-table");
        List<String> columns = Fx.call(() -> table.getColumns().stream().filter(TableColumn::isVisible)
                .map(TableColumn::getId).toList());
        assertFalse(columns.contains("col-key"), "no Key column for a file without key values: " + columns);
        MenuButton menu = (MenuButton) find("#columns-menu");
        assertTrue(Fx.call(() -> menu.getItems().stream().noneMatch(i -> i instanceof CheckMenuItem
                && "Key".equals(i.getText()))), "the Columns menu does not offer it either");
        assertFalse(shown("#refresh"), "a file does not change: nothing to refresh");
        Instant loaded = Fx.call(() -> browser.lastRefreshedProperty().get());
        robot.type(KeyCode.F5);
        Fx.settle();
        assertEquals(loaded, Fx.call(() -> browser.lastRefreshedProperty().get()), "F5 reads nothing again");

        Fx.run(() -> table.requestFocus());
        robot.type(KeyCode.J).type(KeyCode.ENTER);
        Fx.waitUntil("the key's details", () -> shown("#key-detail") && shown("#detail-title"));
        Fx.waitUntil("the key's details loaded", () -> browser.detail().detailsProperty().get() != null);
        assertFalse(shown("#detail-value"), "the details show no value row with dead buttons");
        List<String> texts = visibleTexts();
        assertTrue(texts.stream().noneMatch(t -> t.contains("not sent by the server")),
                "nothing says the server did not send what the banner says the file does not hold: " + texts);
        Screenshots.save(viewer.getScene(), "snapshot-viewer-without-values");
    }

    @Test
    void aFileWithKeyValuesKeepsItsKeyColumn(FxRobot robot) throws Exception {
        open(withValues);
        TableView<?> table = (TableView<?>) find("#key-table");
        assertTrue(Fx.call(() -> table.getColumns().stream().anyMatch(c -> "col-key".equals(c.getId())
                && c.isVisible())), "the values are in the file: the Key column shows them, masked");
        assertTrue(visibleTexts().stream().noneMatch(t -> t.contains("not sent by the server")));
    }

    @Test
    void timesReadAsInTheLiveTableAndTheFooterSaysWhenTheSnapshotWasTaken(FxRobot robot) throws Exception {
        open(withoutValues);
        String when = formats.dateTime(TAKEN);
        String banner = ((Labeled) find("#snapshot-banner")).getText();
        assertTrue(banner.contains("taken " + when), banner);
        assertEquals("Snapshot taken " + when, ((Labeled) find("#last-refreshed")).getText(),
                "the footer dates the data, not the moment the file was opened");
        Fx.run(() -> find("#key-table").requestFocus());
        robot.type(KeyCode.J).type(KeyCode.ENTER);
        Fx.waitUntil("the key's details", () -> shown("#key-detail"));
        Fx.settle();
        List<String> raw = visibleTexts().stream().filter(t -> ISO.matcher(t).find()).toList();
        assertTrue(raw.isEmpty(), "raw ISO times on screen: " + raw);
    }

    @Test
    void itClosesByItsOwnButton(FxRobot robot) throws Exception {
        open(withoutValues);
        assertTrue(shown("#close-snapshot"), "a Close button of its own");
        robot.clickOn("#close-snapshot");
        Fx.waitUntil("closed", () -> !viewer.isShowing());
    }

    @Test
    void itClosesByCtrlW(FxRobot robot) throws Exception {
        open(withoutValues);
        robot.push(new KeyCodeCombination(KeyCode.W, KeyCombination.SHORTCUT_DOWN));
        Fx.waitUntil("closed", () -> !viewer.isShowing());
    }

    @Test
    void escClosesTheDetailsFirstThenTheWindow(FxRobot robot) throws Exception {
        open(withoutValues);
        assertEquals("key-table", Fx.call(() -> viewer.getScene().getFocusOwner() == null ? null
                : viewer.getScene().getFocusOwner().getId()), "the viewer opens with the keyboard in its table");
        robot.type(KeyCode.J).type(KeyCode.ENTER);
        Fx.waitUntil("the key's details", () -> shown("#key-detail"));
        robot.type(KeyCode.ESCAPE);
        Fx.waitUntil("the details closed", () -> !shown("#key-detail"));
        assertTrue(Fx.call(viewer::isShowing), "the first Esc only closed the details");
        robot.type(KeyCode.ESCAPE);
        Fx.waitUntil("closed", () -> !viewer.isShowing());
    }
}
