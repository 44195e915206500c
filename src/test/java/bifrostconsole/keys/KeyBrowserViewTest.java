package bifrostconsole.keys;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import bifrostconsole.api.ConnectionSettings;
import bifrostconsole.api.ManagementApiClient;
import bifrostconsole.api.Secret;
import bifrostconsole.api.SortField;
import bifrostconsole.api.SortOrder;
import bifrostconsole.api.VirtualKey;
import bifrostconsole.api.VirtualKeyQuery;
import bifrostconsole.config.UiSettings;
import bifrostconsole.demo.DemoDataGenerator;
import bifrostconsole.demo.DemoGateway;
import bifrostconsole.testing.PngWriter;
import bifrostconsole.testing.TestServices;
import bifrostconsole.ui.Formats;
import bifrostconsole.ui.FxClipboardService;
import bifrostconsole.ui.Stylesheets;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.image.WritableImage;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The key browser clicked headlessly against the in-process demo gateway. */
@ExtendWith(ApplicationExtension.class)
class KeyBrowserViewTest {
    private static final String API_KEY = "browser-test-key";
    private static final int KEY_COUNT = 120;
    private static DemoGateway gateway;
    private static ManagementApiClient client;

    private KeyBrowserViewModel vm;
    private UiSettings settings;
    private KeyBrowserView view;
    private Stage stage;

    @BeforeAll
    static void startGateway() throws Exception {
        gateway = DemoGateway.start(DemoGateway.Options.of(DemoDataGenerator.generate(42, KEY_COUNT, Instant.now()))
                .withApiKey(API_KEY));
        client = new ManagementApiClient(ConnectionSettings.of(gateway.baseUrl(), Secret.of(API_KEY)));
    }

    @AfterAll
    static void stopGateway() {
        gateway.close();
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        gateway.clearFaults();
        gateway.clearRequestLog();
        settings = UiSettings.inMemory();
        vm = new KeyBrowserViewModel(client, Platform::runLater, new KeyTableSettings(settings, Runnable::run),
                TestServices.fxScheduler(), Clock.systemUTC(), new Formats(Locale.US, ZoneOffset.UTC));
        vm.setClipboard(new FxClipboardService(javafx.util.Duration.millis(600)));
        view = new KeyBrowserView(vm);
        Scene scene = new Scene(view, 1280, 800);
        Stylesheets.apply(scene);
        stage.setScene(scene);
        stage.setWidth(1280);
        stage.setHeight(800);
        stage.show();
    }

    @AfterEach
    void tearDown() {
        gateway.clearFaults();
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> {
            CompletableFuture<Boolean> f = new CompletableFuture<>();
            Platform.runLater(() -> {
                try {
                    f.complete(condition.call());
                } catch (Exception e) {
                    f.completeExceptionally(e);
                }
            });
            return f.get(5, TimeUnit.SECONDS);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static <T> T onFx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(5, TimeUnit.SECONDS);
    }

    private void waitForFirstPage() throws Exception {
        vm.firstPageShown().get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    private static boolean logged(String fragment) {
        return gateway.requestLog().stream().anyMatch(u -> u.contains(fragment));
    }

    private List<String> shownIds() throws Exception {
        return onFx(() -> vm.rows().stream().map(KeyRow::id).toList());
    }

    @Test
    void pagesForwardBackAndJumps(FxRobot robot) throws Exception {
        waitForFirstPage();
        assertEquals("1\u201325 of 120", text(robot, "#range-label"));
        robot.clickOn("#next-page");
        waitUntil(() -> "26\u201350 of 120".equals(vm.rangeTextProperty().get()));
        assertTrue(logged("offset=25"), gateway.requestLog().toString());
        robot.clickOn("#previous-page");
        waitUntil(() -> "1\u201325 of 120".equals(vm.rangeTextProperty().get()));
        robot.doubleClickOn("#page-field").write("5").type(KeyCode.ENTER);
        waitUntil(() -> "101\u2013120 of 120".equals(vm.rangeTextProperty().get()));
        assertEquals(20, vm.rows().size());
        robot.clickOn("#first-page");
        waitUntil(() -> "1\u201325 of 120".equals(vm.rangeTextProperty().get()));
        robot.clickOn("#key-table");
        robot.type(KeyCode.PAGE_DOWN);
        waitUntil(() -> "26\u201350 of 120".equals(vm.rangeTextProperty().get()));
    }

    @Test
    void headerClickShowsTheServersOrder(FxRobot robot) throws Exception {
        waitForFirstPage();
        robot.clickOn(robot.lookup(".column-header .label").match(n -> "Name".equals(((Label) n).getText()))
                .queryAs(Label.class));
        waitUntil(() -> vm.shownQueryProperty().get().sortBy() == SortField.NAME);
        assertTrue(logged("sort_by=name&order=asc"), gateway.requestLog().toString());
        List<String> expected = client.listVirtualKeys(VirtualKeyQuery.firstPage(25).withSort(SortField.NAME,
                SortOrder.ASC)).join().items().stream().map(VirtualKey::id).toList();
        assertEquals(expected, shownIds());
        TableColumn<KeyRow, ?> nameColumn = view.table().getColumns().get(0);
        assertEquals(List.of(nameColumn), onFx(() -> List.copyOf(view.table().getSortOrder())));
        assertEquals(TableColumn.SortType.ASCENDING, nameColumn.getSortType());

        robot.clickOn(robot.lookup(".column-header .label").match(n -> "Name".equals(((Label) n).getText()))
                .queryAs(Label.class));
        waitUntil(() -> vm.shownQueryProperty().get().order() == SortOrder.DESC);
        assertTrue(logged("sort_by=name&order=desc"));
        assertEquals(TableColumn.SortType.DESCENDING, nameColumn.getSortType(), "the arrow shows the order in force");
        List<String> descending = client.listVirtualKeys(VirtualKeyQuery.firstPage(25).withSort(SortField.NAME,
                SortOrder.DESC)).join().items().stream().map(VirtualKey::id).toList();
        assertEquals(descending, shownIds());

        int before = gateway.requestLog().size();
        robot.clickOn(robot.lookup(".column-header .label").match(n -> "Assigned to".equals(((Label) n).getText()))
                .queryAs(Label.class));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(before, gateway.requestLog().size(), "the assigned-to column is not sortable");

        robot.clickOn(robot.lookup(".column-header .label").match(n -> "Headroom".equals(((Label) n).getText()))
                .queryAs(Label.class));
        waitUntil(() -> vm.pageSortProperty().get() == KeyBrowserViewModel.PageSort.MOST_USED_FIRST);
        assertEquals(before, gateway.requestLog().size(), "headroom sorts the page, without asking the server");
        TableColumn<KeyRow, ?> headroom = view.table().getColumns().get(KeyColumn.HEADROOM.ordinal());
        assertEquals(List.of(headroom), onFx(() -> List.copyOf(view.table().getSortOrder())));
        assertEquals(TableColumn.SortType.DESCENDING, headroom.getSortType());
        List<Double> used = onFx(() -> view.table().getItems().stream().map(KeyRow::headroomUsed).toList());
        List<Double> sorted = new java.util.ArrayList<>(used);
        sorted.sort(java.util.Comparator.reverseOrder());
        assertEquals(sorted, used, "most used first");
        assertEquals(new java.util.HashSet<>(descending), new java.util.HashSet<>(shownIds()), "the same page");
    }

    @Test
    void columnsCanBeHiddenFromTheColumnsMenu(FxRobot robot) throws Exception {
        waitForFirstPage();
        TableColumn<KeyRow, ?> providers = view.table().getColumns().get(KeyColumn.PROVIDERS.ordinal());
        assertTrue(providers.isVisible());
        robot.clickOn("#columns-menu");
        robot.clickOn(robot.lookup(".context-menu .label").match(l -> "Providers".equals(((Label) l).getText()))
                .queryAs(Node.class));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(providers.isVisible());
        assertFalse(vm.columnVisibleProperty(KeyColumn.PROVIDERS).get(), "the choice goes to the settings");

        TableColumn<KeyRow, ?> name = view.table().getColumns().get(KeyColumn.NAME.ordinal());
        Platform.runLater(() -> view.table().resizeColumn(name, 60)); // what dragging the header edge does
        waitUntil(() -> Math.abs(vm.columnWidthProperty(KeyColumn.NAME).get() - (KeyColumn.NAME.defaultWidth() + 60))
                < 1);
        assertEquals(Long.toString(Math.round(KeyColumn.NAME.defaultWidth() + 60)),
                settings.get("keys.column.name.width", ""), "the width is remembered");
    }

    @Test
    void fromMemoryShowsTheWholeCacheAndDisablesServerFilters(FxRobot robot) throws Exception {
        waitForFirstPage();
        robot.clickOn("#from-memory");
        waitUntil(() -> vm.fromMemoryProperty().get() && !vm.loadingProperty().get());
        assertEquals(null, vm.errorMessageProperty().get());
        assertTrue(vm.shownQueryProperty().get().fromMemory());
        assertTrue(logged("from_memory=true"), gateway.requestLog().toString());
        assertEquals("1\u2013" + KEY_COUNT + " of " + KEY_COUNT, text(robot, "#range-label"));
        assertTrue(robot.lookup("#key-search").query().isDisabled(), "the server ignores search from memory");
        assertTrue(robot.lookup("#team-picker").query().isDisabled());
        robot.type(KeyCode.SPACE); // the switch has the focus after the click
        waitUntil(() -> !vm.shownQueryProperty().get().fromMemory());
        assertEquals("1\u201325 of " + KEY_COUNT, text(robot, "#range-label"));
    }

    @Test
    void searchIsSentToTheServer(FxRobot robot) throws Exception {
        waitForFirstPage();
        VirtualKey some = gateway.store().virtualKeys().get(7);
        String word = some.name().substring(0, Math.min(6, some.name().length()));
        robot.clickOn("#key-search").write(word);
        waitUntil(() -> word.equals(vm.shownQueryProperty().get().search()));
        assertTrue(logged("search=" + word), gateway.requestLog().toString());
        assertFalse(vm.rows().isEmpty());
        for (KeyRow row : onFx(() -> List.copyOf(vm.rows()))) {
            assertTrue(row.name().toLowerCase().contains(word.toLowerCase()), row.name());
        }
    }

    @Test
    void teamFilterIsPickedFromTheServersTeams(FxRobot robot) throws Exception {
        waitForFirstPage();
        robot.clickOn("#team-picker");
        waitUntil(() -> !vm.teamPicker().options().isEmpty());
        @SuppressWarnings("unchecked")
        ListView<FilterOption> list = robot.lookup("#team-picker-list").queryAs(ListView.class);
        FilterOption first = list.getItems().get(0);
        PngWriter.write(onFx(() -> list.getScene().snapshot(null)), Path.of("target", "screenshots",
                "team-picker.png"));
        robot.clickOn(robot.lookup(".picker-option").nth(0).queryAs(Node.class));
        waitUntil(() -> first.id().equals(vm.shownQueryProperty().get().teamId()));
        assertTrue(logged("team_id="), gateway.requestLog().toString());
        assertTrue(robot.lookup("#team-picker").queryButton().getText().endsWith(first.name()));
        for (KeyRow row : onFx(() -> List.copyOf(vm.rows()))) {
            assertEquals("Team: " + first.name(), row.assignedTo());
        }
        robot.clickOn("#team-picker-clear");
        waitUntil(() -> vm.shownQueryProperty().get().teamId() == null);
    }

    @Test
    void openingAKeyShowsEveryPane(FxRobot robot) throws Exception {
        waitForFirstPage();
        VirtualKey rich = gateway.store().virtualKeys().stream()
                .filter(k -> !k.mcpConfigs().isEmpty() && !k.budgets().isEmpty() && k.providerConfigs().size() > 1
                        && k.rateLimit() != null)
                .findFirst().orElseThrow();
        robot.clickOn("#key-search").write(rich.name());
        waitUntil(() -> vm.rows().stream().anyMatch(r -> r.id().equals(rich.id())));
        int index = onFx(() -> vm.rows().stream().map(KeyRow::id).toList().indexOf(rich.id()));
        Platform.runLater(() -> vm.selectedIndexProperty().set(index));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#key-table").type(KeyCode.ENTER);
        waitUntil(() -> vm.detail().detailsProperty().get() != null
                && vm.detail().detailsProperty().get().key().id().equals(rich.id()));
        assertTrue(logged("/api/governance/virtual-keys/" + rich.id()), "fetched fresh by id");
        assertEquals(rich.name(), text(robot, "#detail-title"));
        assertEquals(rich.id(), text(robot, "#field-id"));

        TabPane tabs = view.detailView().tabs();
        robot.clickOn("#tab-providers");
        for (var config : rich.providerConfigs()) {
            assertTrue(robot.lookup("#provider-" + config.provider()).tryQuery().isPresent(), config.provider());
        }
        robot.clickOn("#tab-budgets");
        assertEquals("tab-budgets", tabs.getSelectionModel().getSelectedItem().getId());
        assertEquals(rich.budgets().size(), robot.lookup("#budgets-pane .usage-line").queryAll().size());
        robot.clickOn("#tab-rate-limits");
        assertFalse(robot.lookup("#rate-limits-pane .usage-line").queryAll().isEmpty());
        robot.clickOn("#tab-mcp");
        assertEquals("tab-mcp", tabs.getSelectionModel().getSelectedItem().getId(), "every tab is visible and clickable");
        assertEquals(rich.mcpConfigs().size(), robot.lookup("#mcp-pane .detail-card").queryAll().size());
        robot.clickOn("#tab-provider-keys");
        assertTrue(robot.lookup("#provider-keys-pane").tryQuery().isPresent());
        robot.clickOn("#tab-overview");
        assertEquals("tab-overview", tabs.getSelectionModel().getSelectedItem().getId());

        robot.clickOn("#key-table");
        robot.type(KeyCode.ESCAPE);
        waitUntil(() -> !vm.detail().shownProperty().get());
        assertTrue(robot.lookup("#key-detail").tryQuery().isEmpty() || !robot.lookup("#key-detail").query()
                .isVisible() || robot.lookup("#key-detail").query().getScene() == null);
    }

    @Test
    void jAndKStepThroughKeysWithTheDetailsOpen(FxRobot robot) throws Exception {
        waitForFirstPage();
        robot.clickOn(robot.lookup(".name-cell").nth(0).queryAs(Node.class));
        String first = onFx(() -> vm.rows().get(0).id());
        waitUntil(() -> vm.detail().detailsProperty().get() != null
                && first.equals(vm.detail().detailsProperty().get().key().id()));
        robot.type(KeyCode.J);
        String second = onFx(() -> vm.rows().get(1).id());
        waitUntil(() -> second.equals(vm.detail().detailsProperty().get().key().id()));
        robot.type(KeyCode.K);
        waitUntil(() -> first.equals(vm.detail().detailsProperty().get().key().id()));
        robot.press(KeyCode.CONTROL).type(KeyCode.C).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(first, onFx(() -> Clipboard.getSystemClipboard().getString()), "Ctrl+C copies the key id");

        robot.press(KeyCode.CONTROL).type(KeyCode.F).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#key-search").query().isFocused(), "Ctrl+F focuses the search box");
        int requests = gateway.requestLog().size();
        robot.type(KeyCode.F5);
        waitUntil(() -> gateway.requestLog().size() > requests && !vm.loadingProperty().get());
        assertTrue(vm.detail().shownProperty().get(), "refreshing keeps the details open");
        robot.type(KeyCode.ESCAPE);
        waitUntil(() -> !vm.detail().shownProperty().get());
    }

    @Test
    void revealAndCopyAKeyValue(FxRobot robot) throws Exception {
        waitForFirstPage();
        String plain = onFx(() -> vm.rows().get(0).plainValue());
        Label masked = robot.lookup(".secret-text").nth(0).queryAs(Label.class);
        assertFalse(masked.getText().contains(plain.substring(10)), "masked at first");
        assertTrue(masked.getText().startsWith(plain.substring(0, 8)));
        robot.clickOn(robot.lookup(".reveal-button").nth(0).queryAs(Node.class));
        waitUntil(() -> plain.equals(masked.getText()));
        robot.clickOn(robot.lookup(".copy-button").nth(0).queryAs(Node.class));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(plain, onFx(() -> Clipboard.getSystemClipboard().getString()));
        waitUntil(() -> !Clipboard.getSystemClipboard().hasString()
                || !plain.equals(Clipboard.getSystemClipboard().getString()));
    }

    @Test
    void serverErrorKeepsThePageWithRetry(FxRobot robot) throws Exception {
        waitForFirstPage();
        List<String> before = shownIds();
        gateway.injectFault("/api/governance/virtual-keys", DemoGateway.Fault.status(500), 1);
        robot.clickOn("#refresh");
        waitUntil(() -> vm.errorMessageProperty().get() != null);
        assertTrue(robot.lookup("#inline-error").query().isVisible());
        assertTrue(text(robot, "#inline-error-text").contains("internal error"), text(robot, "#inline-error-text"));
        assertEquals(before, shownIds(), "the last good page stays");
        snapshot("key-browser-inline-error.png");
        robot.clickOn("#retry-inline");
        waitUntil(() -> vm.errorMessageProperty().get() == null);
        assertFalse(robot.lookup("#inline-error").query().isVisible());
    }

    @Test
    void refusedApiKeyShowsTheErrorState(FxRobot robot) throws Exception {
        gateway.injectFault("/api/governance/virtual-keys", DemoGateway.Fault.status(401), 1);
        KeyBrowserViewModel fresh = TestServices.keyBrowser(client, UiSettings.inMemory());
        Platform.runLater(() -> stage.getScene().setRoot(new KeyBrowserView(fresh)));
        waitUntil(() -> fresh.viewStateProperty().get() == KeyBrowserViewModel.ViewState.ERROR);
        assertTrue(robot.lookup("#error-state").query().isVisible());
        assertTrue(text(robot, "#error-state-text").contains("401"), text(robot, "#error-state-text"));
        snapshot("key-browser-error.png");
        robot.clickOn("#retry");
        waitUntil(() -> fresh.viewStateProperty().get() == KeyBrowserViewModel.ViewState.READY);
        assertFalse(robot.lookup("#error-state").query().isVisible());
    }

    @Test
    void noMatchShowsTheEmptyStateAndClearFilters(FxRobot robot) throws Exception {
        waitForFirstPage();
        robot.clickOn("#key-search").write("no-such-key-anywhere");
        waitUntil(() -> vm.viewStateProperty().get() == KeyBrowserViewModel.ViewState.EMPTY);
        assertTrue(robot.lookup("#empty-state").query().isVisible());
        assertEquals("No keys match", text(robot, "#empty-title"));
        snapshot("key-browser-empty.png");
        robot.clickOn("#clear-filters");
        waitUntil(() -> vm.viewStateProperty().get() == KeyBrowserViewModel.ViewState.READY);
        assertEquals("", robot.lookup("#key-search").queryTextInputControl().getText());
        assertEquals(25, vm.rows().size());
    }

    @Test
    void screenshotsWithAKeyOpen(FxRobot robot) throws Exception {
        waitForFirstPage();
        Platform.runLater(() -> {
            vm.selectedIndexProperty().set(3);
            vm.openSelected();
        });
        waitUntil(() -> vm.detail().detailsProperty().get() != null && !vm.detail().loadingProperty().get());
        Thread.sleep(300);
        snapshot("key-browser.png");
        robot.clickOn("#tab-budgets");
        snapshot("key-browser-budgets.png");
        Platform.runLater(() -> Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet()));
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(300);
        snapshot("key-browser-dark.png");
        Platform.runLater(() -> Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet()));
        WaitForAsyncUtils.waitForFxEvents();

        VirtualKey rich = gateway.store().virtualKeys().stream()
                .filter(k -> k.budgets().size() > 1 && k.providerConfigs().size() > 1 && k.rateLimit() != null
                        && !k.mcpConfigs().isEmpty())
                .findFirst().orElseThrow();
        robot.clickOn("#key-search").write(rich.name());
        waitUntil(() -> vm.rows().stream().anyMatch(r -> r.id().equals(rich.id())));
        int index = onFx(() -> vm.rows().stream().map(KeyRow::id).toList().indexOf(rich.id()));
        Platform.runLater(() -> vm.selectedIndexProperty().set(index));
        waitUntil(() -> vm.detail().detailsProperty().get() != null && !vm.detail().loadingProperty().get()
                && vm.detail().detailsProperty().get().key().id().equals(rich.id()));
        for (String tab : List.of("providers", "provider-keys", "rate-limits", "mcp")) {
            robot.clickOn("#tab-" + tab);
            snapshot("key-browser-" + tab + ".png");
        }
    }

    @Test
    void narrowWindowKeepsEveryControlReadable(FxRobot robot) throws Exception {
        waitForFirstPage();
        Platform.runLater(() -> {
            stage.setWidth(1024);
            stage.setHeight(700);
        });
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(200);
        snapshot("key-browser-1024.png");
        for (String id : List.of("#refresh", "#columns-menu", "#from-memory", "#customer-picker", "#next-page",
                "#last-page")) {
            Node node = robot.lookup(id).query();
            double right = onFx(() -> node.localToScene(node.getBoundsInLocal()).getMaxX());
            assertTrue(right <= 1024.5, id + " is cut off at the window's edge: " + right);
        }
    }

    private void snapshot(String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage image = onFx(() -> stage.getScene().snapshot(null));
        PngWriter.write(image, Path.of("target", "screenshots", name));
    }
}
