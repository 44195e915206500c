package bifrostconsole.keyactions;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import bifrostconsole.api.ConnectionSettings;
import bifrostconsole.api.ManagementApiClient;
import bifrostconsole.api.Secret;
import bifrostconsole.api.VirtualKey;
import bifrostconsole.changes.ChangeEngine;
import bifrostconsole.changes.ChangeHistory;
import bifrostconsole.changes.DeletedKeys;
import bifrostconsole.config.UiSettings;
import bifrostconsole.demo.DemoDataGenerator;
import bifrostconsole.demo.DemoGateway;
import bifrostconsole.history.HistoryView;
import bifrostconsole.history.HistoryViewModel;
import bifrostconsole.keys.KeyBrowserView;
import bifrostconsole.keys.KeyBrowserViewModel;
import bifrostconsole.keys.KeyRow;
import bifrostconsole.keys.KeyTableSettings;
import bifrostconsole.testing.Fx;
import bifrostconsole.testing.Screenshots;
import bifrostconsole.testing.TestKeys;
import bifrostconsole.testing.TestServices;
import bifrostconsole.ui.Formats;
import bifrostconsole.ui.FxClipboardService;
import bifrostconsole.ui.MaskedSecretField;
import bifrostconsole.ui.Stylesheets;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The key actions clicked headlessly against the demo gateway: the context menu with its shortcuts, multi-select
 * across pages and "all matching", the preview dialog, the typed delete confirmation, a bulk run with Cancel and its
 * result list, rotate's masked new value, and History with Recreate; screenshots in light and dark.
 */
@ExtendWith(ApplicationExtension.class)
class KeyActionsViewTest {
    private static final int KEY_COUNT = 120;
    private static final long WAIT = 30;
    private static DemoGateway gateway;
    private static ManagementApiClient client;
    private static ExecutorService background;

    private Path data;
    private KeyBrowserViewModel browser;
    private KeyActionsViewModel actions;
    private KeyBrowserView view;
    private Stage stage;

    @BeforeAll
    static void startGateway() throws Exception {
        gateway = DemoGateway.start(DemoGateway.Options.of(DemoDataGenerator.generate(42, KEY_COUNT, Instant.now()))
                .withApiKey("actions-test-key").withThreads(8));
        client = new ManagementApiClient(ConnectionSettings.of(gateway.baseUrl(), Secret.of("actions-test-key")));
        background = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "test-background");
            t.setDaemon(true);
            return t;
        });
    }

    @AfterAll
    static void stopGateway() {
        gateway.close();
        background.shutdownNow();
    }

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        data = Files.createTempDirectory("key-actions-view");
        gateway.clearFaults();
        Formats formats = new Formats(Locale.US, ZoneOffset.UTC);
        browser = new KeyBrowserViewModel(client, Platform::runLater, new KeyTableSettings(UiSettings.inMemory(),
                Runnable::run), TestServices.fxScheduler(), Clock.systemUTC(), formats);
        browser.setClipboard(new FxClipboardService(javafx.util.Duration.seconds(30)));
        ChangeEngine engine = new ChangeEngine(client, ChangeHistory.in(data), DeletedKeys.in(data), background,
                Clock.systemUTC());
        actions = new KeyActionsViewModel(engine, client, browser, Platform::runLater, background, Clock.systemUTC(),
                formats, TestServices.fxScheduler());
        view = new KeyBrowserView(browser);
        KeyActionsView.install(view, actions, TestServices.windows());
        HistoryView.install(view, () -> new HistoryViewModel(actions, Platform::runLater, background,
                Clock.systemUTC(), formats, TestServices.fxScheduler()), TestServices.windows());
        Scene scene = new Scene(view, 1280, 800);
        Stylesheets.apply(scene);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void closeWindows() throws Exception {
        gateway.clearFaults();
        onFx(() -> {
            for (Window w : List.copyOf(Window.getWindows())) {
                if (w != stage && w instanceof Stage s) {
                    s.setOnCloseRequest(null);
                    s.close();
                }
            }
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            return null;
        });
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    private static <T> T onFx(Callable<T> c) throws Exception {
        return Fx.call(c);
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        Fx.waitUntil(condition);
    }

    private void firstPage() throws Exception {
        browser.firstPageShown().get(WAIT, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private TableView<KeyRow> table() {
        return view.table();
    }

    /** The name cell of the row showing {@code index} of the page (the row's middle may be a button). */
    private Node row(FxRobot robot, int index) throws Exception {
        // Looked up on the FX thread: the table's rows change there while the test runs.
        return onFx(() -> robot.lookup(".table-row-cell").match(n -> n instanceof javafx.scene.control.TableRow<?> r
                && r.getIndex() == index && r.getItem() != null).query().lookup(".name-cell"));
    }

    /**
     * A right click, then the menu request the platform sends with it (Monocle, the headless toolkit, sends none,
     * so the test sends it as GTK does on the press).
     */
    private void rightClick(FxRobot robot, Node node) throws Exception {
        robot.rightClickOn(node);
        onFx(() -> {
            javafx.geometry.Bounds b = node.localToScreen(node.getBoundsInLocal());
            node.fireEvent(new javafx.scene.input.ContextMenuEvent(
                    javafx.scene.input.ContextMenuEvent.CONTEXT_MENU_REQUESTED, 5, 5, b.getMinX() + 5,
                    b.getMinY() + 5, false, null));
            return null;
        });
    }

    private static void shot(Scene scene, String name) throws Exception {
        Screenshots.save(scene, name);
    }

    /** The same scene in the light and the dark theme. */
    private static void shots(Scene scene, String name) throws Exception {
        shot(scene, name + "-light");
        onFx(() -> {
            Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet());
            return null;
        });
        shot(scene, name + "-dark");
        onFx(() -> {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            return null;
        });
    }

    private Stage dialog(String title) throws Exception {
        waitUntil(() -> Window.getWindows().stream().anyMatch(w -> w instanceof Stage s && w.isShowing()
                && title.equals(s.getTitle())));
        return onFx(() -> (Stage) Window.getWindows().stream().filter(w -> w instanceof Stage s && w.isShowing()
                && title.equals(s.getTitle())).findFirst().orElseThrow());
    }

    private ChangeDialog changeDialog(Stage dialog) {
        return (ChangeDialog) dialog.getScene().getRoot();
    }

    private static ContextMenu showingMenu() throws Exception {
        waitUntil(() -> Window.getWindows().stream().anyMatch(w -> w instanceof ContextMenu && w.isShowing()));
        return onFx(() -> (ContextMenu) Window.getWindows().stream().filter(w -> w instanceof ContextMenu
                && w.isShowing()).findFirst().orElseThrow());
    }

    private static MenuItem item(ContextMenu menu, KeyAction action) {
        return menu.getItems().stream().filter(i -> action.id().equals(i.getId())).findFirst().orElse(null);
    }

    // ---- the tests -----------------------------------------------------------------------------------------

    @Test
    void contextMenuShowsTheActionsWithShortcutsAndDisablesAfterAPreview(FxRobot robot) throws Exception {
        firstPage();
        int index = onFx(() -> {
            for (int i = 0; i < browser.rows().size(); i++) {
                if (browser.rows().get(i).key().active()) {
                    return i;
                }
            }
            return -1;
        });
        VirtualKey key = onFx(() -> browser.rows().get(index).key());
        rightClick(robot, row(robot, index));
        ContextMenu menu = showingMenu();
        assertEquals(key.id(), onFx(() -> table().getSelectionModel().getSelectedItem().id()),
                "a right click selects the key it is on");
        assertNotNull(item(menu, KeyAction.DISABLE));
        assertNull(item(menu, KeyAction.ENABLE), "an active key offers Disable only");
        assertEquals("Ctrl+Shift+D", item(menu, KeyAction.DISABLE).getAccelerator().getDisplayText());
        assertEquals("Delete", item(menu, KeyAction.DELETE).getAccelerator().getDisplayText());
        assertTrue(item(menu, KeyAction.DELETE).getStyleClass().contains("danger-item"));
        assertFalse(browser.detail().shownProperty().get(), "a right click opens no details");
        shots(menu.getScene(), "key-actions-context-menu");

        robot.clickOn(onFx(() -> robot.lookup(".context-menu .label")
                .match(n -> "Disable".equals(((Label) n).getText())).queryAs(Node.class)));
        Stage dialog = dialog("Disable");
        waitUntil(() -> ((Button) dialog.getScene().lookup("#change-confirm")).getText().equals("Disable 1 key"));
        String request = onFx(() -> changeDialog(dialog).lookupAll(".request-text").stream()
                .map(n -> ((Label) n).getText()).filter(t -> !t.isEmpty()).findFirst().orElse(""));
        assertEquals("PUT /api/governance/virtual-keys/" + key.id() + "\n{\n  \"is_active\" : false\n}", request);
        shots(dialog.getScene(), "key-actions-preview");

        robot.clickOn("#change-confirm");
        waitUntil(() -> dialog.getScene().lookup("#change-close").isVisible());
        assertEquals("1 done.", onFx(() -> ((Label) dialog.getScene().lookup("#result-summary")).getText()));
        robot.clickOn("#change-close");
        waitUntil(() -> !browser.rows().get(index).key().active());
        assertFalse(gateway.store().virtualKey(key.id()).orElseThrow().active());
    }

    @Test
    void shortcutsActOnTheTableButNotWhileTyping(FxRobot robot) throws Exception {
        firstPage();
        robot.clickOn(row(robot, 0));
        robot.clickOn("#key-search");
        robot.type(KeyCode.DELETE);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(Window.getWindows().stream().noneMatch(w -> w instanceof Stage s && s.getTitle() != null
                && s.getTitle().equals("Delete")), "Delete in the search field deletes a character, not a key");
        robot.clickOn(row(robot, 0));
        robot.type(KeyCode.DELETE);
        Stage dialog = dialog("Delete");
        assertNotNull(dialog);
        closeWindows();

        // Ctrl+E is the browser's Edit; Enable and Disable are Ctrl+Shift+E and Ctrl+Shift+D.
        boolean active = onFx(() -> browser.rows().get(0).key().active());
        robot.clickOn(row(robot, 0));
        robot.press(KeyCode.CONTROL).type(KeyCode.E).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(Window.getWindows().stream().noneMatch(w -> w instanceof Stage s && s.isShowing()
                && ("Enable".equals(s.getTitle()) || "Disable".equals(s.getTitle()))), "Ctrl+E previews no change");
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(active ? KeyCode.D : KeyCode.E)
                .release(KeyCode.SHIFT, KeyCode.CONTROL);
        assertNotNull(dialog(active ? "Disable" : "Enable"));
    }

    @Test
    void theDetailsOfferTheSameActions(FxRobot robot) throws Exception {
        firstPage();
        VirtualKey key = onFx(() -> browser.rows().get(4).key());
        robot.clickOn(row(robot, 4));
        waitUntil(() -> browser.detail().detailsProperty().get() != null
                && browser.detail().detailsProperty().get().key().id().equals(key.id()));
        robot.clickOn("#detail-actions");
        ContextMenu menu = showingMenu();
        assertNotNull(item(menu, key.active() ? KeyAction.DISABLE : KeyAction.ENABLE));
        assertNotNull(item(menu, KeyAction.ROTATE));
        assertEquals(key.budgets().isEmpty(), item(menu, KeyAction.RESET_USAGE).isDisable());
        if (key.budgets().isEmpty()) {
            assertEquals("Reset usage\u2026 (no budget)", item(menu, KeyAction.RESET_USAGE).getText());
        }
        robot.type(KeyCode.ESCAPE);
        Fx.settle();
        shot(stage.getScene(), "key-actions-detail-menu");
    }

    @Test
    void multiSelectOutlivesPagesAndAllMatchingKeysCanBeSelected(FxRobot robot) throws Exception {
        firstPage();
        robot.clickOn(row(robot, 1));
        robot.press(KeyCode.CONTROL).clickOn(row(robot, 3)).release(KeyCode.CONTROL);
        waitUntil(() -> actions.selection().countProperty().get() == 2);
        assertTrue(onFx(() -> robot.lookup("#selection-bar").query().isVisible()));
        assertEquals("2 keys selected", onFx(() -> robot.lookup("#selection-count").queryAs(Label.class).getText()));
        List<String> firstIds = onFx(() -> List.of(browser.rows().get(1).id(), browser.rows().get(3).id()));

        robot.clickOn("#next-page");
        waitUntil(() -> browser.pageProperty().get().offset() == 25 && !browser.loadingProperty().get());
        robot.press(KeyCode.CONTROL).clickOn(row(robot, 0)).release(KeyCode.CONTROL);
        waitUntil(() -> actions.selection().countProperty().get() == 3);
        assertEquals("3 keys selected (2 on other pages)", onFx(() -> robot.lookup("#selection-count")
                .queryAs(Label.class).getText()));
        shot(stage.getScene(), "key-actions-selection-bar");

        robot.clickOn("#previous-page");
        waitUntil(() -> browser.pageProperty().get().offset() == 0 && !browser.loadingProperty().get());
        waitUntil(() -> table().getSelectionModel().getSelectedItems().stream().map(KeyRow::id).toList()
                .containsAll(firstIds));
        assertEquals(2, onFx(() -> table().getSelectionModel().getSelectedItems().size()), "page 1's keys again");

        robot.clickOn(row(robot, 5));
        robot.press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL);
        waitUntil(() -> actions.selection().countProperty().get() == 25);
        long total = onFx(() -> browser.pageProperty().get().total()); // other tests may have deleted some
        assertEquals("Select all " + total + " matching keys", onFx(() -> robot.lookup("#select-all-matching")
                .queryAs(javafx.scene.control.Hyperlink.class).getText()));
        robot.clickOn("#select-all-matching");
        waitUntil(() -> actions.selection().isAllMatching());
        assertEquals("All " + total + " matching keys selected", onFx(() -> robot.lookup("#selection-count")
                .queryAs(Label.class).getText()));
        robot.clickOn("#next-page");
        waitUntil(() -> browser.pageProperty().get().offset() == 25 && !browser.loadingProperty().get());
        waitUntil(() -> table().getSelectionModel().getSelectedItems().size() == 25);

        robot.clickOn("#bulk-action-rotate");
        Stage dialog = dialog("Rotate");
        waitUntil(() -> ((Button) dialog.getScene().lookup("#change-confirm")).getText().equals("Rotate " + total
                + " keys"));
        assertTrue(changeDialog(dialog).getStyleClass().contains("destructive"));
        shots(dialog.getScene(), "key-actions-preview-bulk-rotate");
        robot.clickOn("#change-cancel");
        waitUntil(() -> !dialog.isShowing());
        robot.clickOn("#clear-selection");
        waitUntil(() -> actions.selection().countProperty().get() == 0
                && table().getSelectionModel().getSelectedItems().isEmpty());
    }

    @Test
    void deleteAsksForTheNameTypedAndHistoryRecreatesTheKey(FxRobot robot) throws Exception {
        firstPage();
        VirtualKey key = onFx(() -> browser.rows().get(2).key());
        robot.clickOn(row(robot, 2));
        robot.type(KeyCode.DELETE);
        Stage dialog = dialog("Delete");
        waitUntil(() -> dialog.getScene().lookup("#confirm-field").isVisible());
        Button confirm = (Button) dialog.getScene().lookup("#change-confirm");
        assertTrue(confirm.isDisabled());
        assertTrue(onFx(() -> ((Label) dialog.getScene().lookup("#confirm-prompt")).getText())
                .contains(key.name()));
        shots(dialog.getScene(), "key-actions-delete-confirmation");
        robot.clickOn("#confirm-field").write(key.name().substring(0, key.name().length() - 1));
        assertTrue(confirm.isDisabled());
        robot.write(key.name().substring(key.name().length() - 1));
        waitUntil(() -> !confirm.isDisabled());
        robot.clickOn("#change-confirm");
        waitUntil(() -> dialog.getScene().lookup("#change-close").isVisible());
        assertTrue(gateway.store().virtualKey(key.id()).isEmpty());
        robot.clickOn("#change-close");

        robot.press(KeyCode.CONTROL).type(KeyCode.H).release(KeyCode.CONTROL);
        Stage history = dialog("History \u2014 " + client.displayName());
        @SuppressWarnings("unchecked")
        TableView<HistoryViewModel.Row> rows = (TableView<HistoryViewModel.Row>) history.getScene()
                .lookup("#history-table");
        waitUntil(() -> rows.getItems().stream().anyMatch(r -> r.keyId().equals(key.id())
                && r.action().equals("delete")));
        onFx(() -> {
            history.setWidth(1100);
            history.setHeight(640);
            return null;
        });
        shots(history.getScene(), "history");
        HistoryViewModel.Row deleted = onFx(() -> rows.getItems().stream().filter(r -> r.keyId().equals(key.id()))
                .findFirst().orElseThrow());
        assertTrue(deleted.recreatable());
        onFx(() -> {
            rows.getSelectionModel().select(deleted);
            return null;
        });
        robot.clickOn("#history-recreate");
        Stage recreate = dialog("Recreate");
        waitUntil(() -> !((Button) recreate.getScene().lookup("#change-confirm")).isDisabled());
        shot(recreate.getScene(), "history-recreate-preview-light");
        robot.clickOn("#change-confirm");
        waitUntil(() -> recreate.getScene().lookup("#change-close").isVisible());
        assertTrue(gateway.store().virtualKeys().stream().anyMatch(k -> k.name().equals(key.name())
                && !k.id().equals(key.id())), "a new key with the same name");
        robot.clickOn("#change-close");
        waitUntil(() -> rows.getItems().stream().anyMatch(r -> r.action().equals("recreate")));
    }

    /** Selects the first page (click, Ctrl+A), then every key matching, across pages. */
    private void selectAllMatching(FxRobot robot) throws Exception {
        robot.clickOn(row(robot, 0));
        robot.press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL);
        waitUntil(() -> actions.selection().countProperty().get() == 25);
        robot.clickOn("#select-all-matching");
        waitUntil(() -> actions.selection().isAllMatching());
    }

    @Test
    void aBulkRunShowsProgressCancelsAndListsEveryKey(FxRobot robot) throws Exception {
        firstPage();
        selectAllMatching(robot);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        gateway.injectFault("PUT", "/api/governance/virtual-keys/", DemoGateway.Fault.then(() -> {
            try {
                release.await(WAIT, TimeUnit.SECONDS); // the first keys stay in flight until the test lets go
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }), KEY_COUNT);
        robot.clickOn("#bulk-action-reset-usage");
        Stage dialog = dialog("Reset usage");
        waitUntil(() -> !((Button) dialog.getScene().lookup("#change-confirm")).isDisabled());
        assertTrue(onFx(() -> dialog.getScene().lookup("#change-progress") == null
                && dialog.getScene().lookup("#change-results") == null), "the later steps' panes are made later");
        WaitForAsyncUtils.waitForFxEvents();
        double previewHeight = onFx(dialog::getHeight);
        robot.clickOn("#change-confirm");
        waitUntil(() -> dialog.getScene().lookup("#change-progress").isVisible()
                && ((Label) dialog.getScene().lookup("#change-progress-text")).getText().contains(" of "));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(previewHeight, onFx(dialog::getHeight), 1, "the dialog keeps the preview's height while sending");
        shots(dialog.getScene(), "key-actions-bulk-progress");
        robot.clickOn("#change-cancel");
        waitUntil(() -> ((Label) dialog.getScene().lookup("#change-progress-text")).getText().contains("cancelling"));
        release.countDown();
        waitUntil(() -> dialog.getScene().lookup("#change-close").isVisible());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(onFx(dialog::getHeight) >= previewHeight - 1, "the results do not shrink the dialog");
        String summary = onFx(() -> ((Label) dialog.getScene().lookup("#result-summary")).getText());
        assertTrue(summary.contains("not sent (cancelled)"), summary);
        @SuppressWarnings("unchecked")
        ListView<ChangeDialogViewModel.ResultItem> results = (ListView<ChangeDialogViewModel.ResultItem>)
                dialog.getScene().lookup("#change-results");
        assertTrue(results.getItems().size() >= 100, "every key has its line: " + results.getItems().size());
        assertEquals("cancelled", results.getItems().get(0).status(), "what was not done comes first");
        assertTrue(onFx(() -> results.lookupAll(".new-value").isEmpty() && results.lookupAll(".result-cell .button")
                .isEmpty()), "no new-value row nor review button in cells whose outcomes have neither");
        robot.clickOn("#copy-results");
        WaitForAsyncUtils.waitForFxEvents();
        String copied = onFx(() -> Clipboard.getSystemClipboard().getString());
        assertTrue(copied.contains("\tcancelled\t"), copied);
        shots(dialog.getScene(), "key-actions-bulk-results");
    }

    /**
     * A bulk change that destroys nothing and says nothing of what the server does besides (enabling) has no warning
     * nor common effects to give up at the results, so its results (the summary line above a list at its tallest,
     * which scrolls at any height) would grow the dialog by a few pixels, a new back buffer and a whole repaint as
     * the run ends, unless the dialog keeps the preview's height for them.
     */
    @Test
    void aNonDestructiveBulkChangesResultsKeepThePreviewsHeight(FxRobot robot) throws Exception {
        List<VirtualKey> before = gateway.store().virtualKeys();
        try {
            gateway.store().write(edit -> {
                before.forEach(k -> edit.putVirtualKey(TestKeys.copyOf(k).active(false).build()));
                return null;
            });
            firstPage();
            selectAllMatching(robot);
            robot.clickOn("#bulk-action-enable");
            Stage dialog = dialog("Enable");
            waitUntil(() -> !((Button) dialog.getScene().lookup("#change-confirm")).isDisabled());
            assertFalse(onFx(() -> changeDialog(dialog).getStyleClass().contains("destructive")
                    || dialog.getScene().lookup("#change-common-effects").isVisible()),
                    "a change that destroys nothing and has nothing to say besides");
            WaitForAsyncUtils.waitForFxEvents();
            double previewHeight = onFx(dialog::getHeight);
            robot.clickOn("#change-confirm");
            waitUntil(() -> dialog.getScene().lookup("#change-close").isVisible());
            WaitForAsyncUtils.waitForFxEvents();
            @SuppressWarnings("unchecked")
            ListView<ChangeDialogViewModel.ResultItem> results = (ListView<ChangeDialogViewModel.ResultItem>)
                    dialog.getScene().lookup("#change-results");
            assertEquals(KEY_COUNT, onFx(() -> results.getItems().size()), "every key has its line");
            assertEquals("done", onFx(() -> results.getItems().get(0).status()), "every key enabled");
            assertTrue(onFx(() -> results.getHeight() >= 300), "the list keeps room enough to read: "
                    + onFx(results::getHeight));
            assertEquals(previewHeight, onFx(dialog::getHeight), 1, "the results keep the preview's height");
            shots(dialog.getScene(), "key-actions-bulk-enable-results");
        } finally {
            gateway.store().write(edit -> {
                before.forEach(edit::putVirtualKey); // the other tests' keys as they were
                return null;
            });
        }
    }

    @Test
    void rotateFromTheRowButtonShowsTheNewValueMaskedUntilRevealed(FxRobot robot) throws Exception {
        firstPage();
        Duration cooldown = gateway.writes().rotationCooldown();
        gateway.writes().setRotationCooldown(Duration.ofHours(2));
        VirtualKey key = onFx(() -> browser.rows().get(0).key());
        Node dots = onFx(() -> robot.lookup(".row-actions").match(n -> n.isVisible()).query());
        robot.clickOn(dots);
        ContextMenu menu = showingMenu();
        assertNotNull(item(menu, KeyAction.ROTATE));
        robot.clickOn(onFx(() -> robot.lookup(".context-menu .label")
                .match(n -> "Rotate\u2026".equals(((Label) n).getText())).queryAs(Node.class)));
        Stage dialog = dialog("Rotate");
        waitUntil(() -> !((Button) dialog.getScene().lookup("#change-confirm")).isDisabled());
        robot.clickOn("#change-confirm");
        waitUntil(() -> dialog.getScene().lookup("#change-close").isVisible());
        MaskedSecretField value = onFx(() -> (MaskedSecretField) dialog.getScene().lookup(".new-value"));
        String fresh = gateway.store().virtualKey(key.id()).orElseThrow().plainValue();
        assertFalse(value.textLabel().getText().contains(fresh), "masked until revealed");
        shots(dialog.getScene(), "key-actions-rotate-result");
        robot.clickOn(value.revealButton());
        waitUntil(() -> value.textLabel().getText().equals(fresh));
        String note = onFx(() -> dialog.getScene().getRoot().lookupAll(".label").stream()
                .map(n -> ((Label) n).getText()).filter(t -> t != null && t.contains("keeps working until"))
                .findFirst().orElse(""));
        assertTrue(note.contains("in 2 hours"), note);
        gateway.writes().setRotationCooldown(cooldown);
    }
}
