package bifrostconsole.keys;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import bifrostconsole.api.ManagementApiClient;
import bifrostconsole.api.SortField;
import bifrostconsole.api.SortOrder;
import bifrostconsole.api.VirtualKey;
import bifrostconsole.api.VirtualKeyQuery;
import bifrostconsole.config.UiSettings;
import bifrostconsole.demo.DemoGateway;
import bifrostconsole.testing.DemoGatewayExtension;
import bifrostconsole.testing.Fx;
import bifrostconsole.testing.Screenshots;
import bifrostconsole.testing.TestServices;
import bifrostconsole.testing.Wait;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The key browser clicked headlessly against the in-process demo gateway. */
@ExtendWith(ApplicationExtension.class)
class KeyBrowserViewTest {
    private static final String API_KEY = "browser-test-key";
    private static final int KEY_COUNT = 120;

    @RegisterExtension
    static final DemoGatewayExtension gateway = DemoGatewayExtension.withKeys(42, KEY_COUNT).withApiKey(API_KEY);

    private final ManagementApiClient client = gateway.client();
    private KeyBrowserViewModel vm;
    private UiSettings settings;
    private KeyBrowserView view;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
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

    private void waitForFirstPage() throws Exception {
        Wait.get(vm.firstPageShown());
        // The details pane is made, hidden, in the frames after the first page: lookups of the scene wait for it.
        Fx.waitUntil(view::detailPrebuilt);
        Fx.settle();
    }

    private String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    private static boolean logged(String fragment) {
        return gateway.requestLog().stream().anyMatch(u -> u.contains(fragment));
    }

    private List<String> shownIds() throws Exception {
        return Fx.call(() -> vm.rows().stream().map(KeyRow::id).toList());
    }

    private void open(int index) throws Exception {
        String id = Fx.call(() -> vm.rows().get(index).id());
        Fx.run(() -> {
            vm.selectedIndexProperty().set(index);
            vm.openSelected();
        });
        Fx.waitUntil(() -> vm.detail().detailsProperty().get() != null
                && vm.detail().detailsProperty().get().key().id().equals(id) && !vm.detail().loadingProperty().get());
        Fx.settle();
    }

    @Test
    void theDetailsPaneIsMadeAheadAndItsFirstOpenShowsTheKeyOpened(FxRobot robot) throws Exception {
        waitForFirstPage();
        Fx.waitUntil(view::detailPrebuilt);
        bifrostconsole.keydetail.KeyDetailView pane = Fx.call(view::detailView);
        assertFolded(robot, pane);
        // A wider window grows the table alone, up to the edge (a folded pane given a share left a gap there).
        Fx.run(() -> stage.setWidth(1000));
        Fx.waitUntil(() -> stage.getScene().getWidth() == 1000);
        Fx.settle();
        Fx.run(() -> stage.setWidth(1280));
        Fx.waitUntil(() -> stage.getScene().getWidth() == 1280);
        Fx.settle();
        assertFolded(robot, pane);
        screenshot("key-browser-details-folded");
        assertEquals("", Fx.call(() -> ((Label) pane.lookup("#detail-title")).getText()),
                "nothing of the key it was made with stays");
        assertEquals("", Fx.call(() -> ((Label) pane.lookup("#detail-title")).getTooltip().getText()));
        // The overview made ahead stays in its tab, hidden: put back there on the first open, it was restyled whole.
        javafx.scene.Node overview = Fx.call(() -> overviewContent(pane));
        assertEquals("overview-pane", overview.getId(), "the overview made ahead stays in its tab");
        assertFalse(Fx.call(overview::isVisible), "hidden until a key is shown");

        KeyRow row = Fx.call(() -> vm.rows().get(3));
        open(3);
        assertTrue(Fx.call(() -> pane.getScene() != null && pane.isVisible() && pane.isManaged()
                && pane.getWidth() > 0), "the same pane, shown in the window");
        assertSame(overview, Fx.call(() -> overviewContent(pane)), "the same overview, not put back");
        assertTrue(Fx.call(overview::isVisible));
        assertEquals(row.key().name(), text(robot, "#detail-title"));
        assertEquals(row.id(), text(robot, "#detail-id"));
        assertEquals(row.id(), text(robot, "#field-id"));
        assertEquals("Providers (" + row.key().providerConfigs().size() + ")",
                Fx.call(() -> pane.tabs().getTabs().get(1).getText()));
        open(4);
        assertEquals(Fx.call(() -> vm.rows().get(4).id()), text(robot, "#field-id"));
    }

    @Test
    void anOpenBeforeThePaneIsMadeAheadMakesItThenAndNothingIsMadeAfter(FxRobot robot) throws Exception {
        Wait.get(vm.firstPageShown());
        open(0); // queued before the first step of the prebuild, which waits for the first page to be painted
        bifrostconsole.keydetail.KeyDetailView pane = Fx.call(view::detailView);
        Fx.settle();
        Fx.settle();
        assertTrue(Fx.call(() -> pane.getScene() != null && pane.isVisible() && pane.isManaged()));
        assertEquals(Fx.call(() -> vm.rows().get(0).id()), text(robot, "#field-id"));
        robot.type(KeyCode.ESCAPE);
        Fx.waitUntil(() -> !pane.isVisible());
        Fx.settle();
        assertFolded(robot, pane);
        open(1);
        assertTrue(Fx.call(() -> pane.getScene() != null && pane.isVisible()));
        assertEquals(Fx.call(() -> vm.rows().get(1).id()), text(robot, "#field-id"));
    }

    @Test
    void usageCellsMakeWhatTheFirstPageDidNotNeedOnceItIsShownAndPagingMakesNoMore(FxRobot robot) throws Exception {
        waitForFirstPage();
        // Made hidden once the first page is painted: two lines, "+N more" and "No budget" in every usage cell, so
        // a later page shows and hides them only (making and styling them there was that page's longest pulse).
        assertEquals(List.of(4), Fx.call(this::usageCellChildCounts));
        List<javafx.scene.Node> before = Fx.call(this::usageCellChildren);
        int pages = Fx.call(() -> vm.loadedPageCountProperty().get());
        robot.clickOn("#next-page");
        Fx.waitUntil(() -> vm.loadedPageCountProperty().get() > pages);
        Fx.settle();
        List<javafx.scene.Node> after = Fx.call(this::usageCellChildren);
        assertEquals(before.size(), after.size());
        for (int i = 0; i < before.size(); i++) {
            assertSame(before.get(i), after.get(i), "the same nodes, shown or hidden");
        }
    }

    private List<javafx.scene.control.TableCell<?, ?>> usageCells() {
        return keyTableView().lookupAll(".table-cell").stream()
                .filter(n -> n instanceof javafx.scene.control.TableCell<?, ?> c && c.getTableColumn() != null
                        && List.of("col-budget", "col-ratelimits").contains(c.getTableColumn().getId()))
                .<javafx.scene.control.TableCell<?, ?>>map(n -> (javafx.scene.control.TableCell<?, ?>) n).toList();
    }

    private List<Integer> usageCellChildCounts() {
        return usageCells().stream().map(c -> ((javafx.scene.layout.Pane) c.getGraphic()).getChildren().size())
                .distinct().toList();
    }

    private List<javafx.scene.Node> usageCellChildren() {
        return usageCells().stream().flatMap(c -> ((javafx.scene.layout.Pane) c.getGraphic()).getChildren().stream())
                .toList();
    }

    private javafx.scene.control.TableView<?> keyTableView() {
        return (javafx.scene.control.TableView<?>) view.lookup("#key-table");
    }

    private static javafx.scene.Node overviewContent(bifrostconsole.keydetail.KeyDetailView pane) {
        return ((javafx.scene.control.ScrollPane) pane.tabs().getTabs().get(0).getContent()).getContent();
    }

    @Test
    void aKeyOpenedByIdBeforeAnyOtherShowsNoneOfTheKeyThePaneWasMadeWith(FxRobot robot) throws Exception {
        waitForFirstPage();
        Fx.waitUntil(view::detailPrebuilt);
        bifrostconsole.keydetail.KeyDetailView pane = Fx.call(view::detailView);
        List<String> onPage = shownIds();
        // Not on the page: a key the table holds is shown from the table's copy at once.
        String id = gateway.store().virtualKeys().stream().map(VirtualKey::id).filter(k -> !onPage.contains(k))
                .findFirst().orElseThrow();
        // While it loads (a link from the overview or an alert) the tabs are empty, as before any key was shown.
        assertNotEquals("overview-pane", Fx.call(() -> {
            vm.detail().open(id);
            return overviewContent(pane).getId();
        }));
        Fx.waitUntil(() -> vm.detail().detailsProperty().get() != null && !vm.detail().loadingProperty().get());
        Fx.settle();
        assertEquals("overview-pane", Fx.call(() -> overviewContent(pane).getId()));
        assertTrue(Fx.call(() -> overviewContent(pane).isVisible()));
        assertEquals(id, text(robot, "#field-id"));
    }

    /**
     * The details pane while no key is open: in the scene (so that its first open restyles nothing) but out of the
     * layout, not shown, not reachable with Tab; the table takes the whole width and no divider is shown.
     */
    private void assertFolded(FxRobot robot, bifrostconsole.keydetail.KeyDetailView pane) throws Exception {
        javafx.scene.control.SplitPane split = robot.lookup(".split-pane").queryAs(javafx.scene.control.SplitPane.class);
        assertTrue(Fx.call(() -> pane.getScene() != null && !pane.isVisible() && !pane.isManaged()),
                "in the scene, unmanaged and invisible");
        assertEquals(pane, Fx.call(() -> split.getItems().get(split.getItems().size() - 1)),
                "last in the split: a lookup of the scene meets the table's nodes first");
        double splitRight = Fx.call(() -> split.localToScene(split.getLayoutBounds()).getMaxX()
                - split.snappedRightInset());
        Node tableAndPager = Fx.call(() -> split.getItems().get(0));
        assertEquals(splitRight, Fx.call(() -> tableAndPager.localToScene(tableAndPager.getLayoutBounds()).getMaxX()),
                0.5, "the table takes the whole width");
        for (Node divider : robot.lookup(".split-pane-divider").queryAll()) {
            assertTrue(Fx.call(() -> !divider.isVisible() && divider.getLayoutBounds().getWidth() == 0),
                    "no divider shown");
        }
        // Tab goes once round the window, from the table back to it, never into the pane.
        Fx.run(() -> view.table().requestFocus());
        for (int i = 0; i < 100; i++) {
            robot.type(KeyCode.TAB);
            Node focus = Fx.call(() -> stage.getScene().getFocusOwner());
            for (Node n = focus; n != null; n = Fx.call(n::getParent)) {
                assertFalse(n == pane, "Tab reached the folded pane: " + focus);
            }
            if (focus == view.table()) {
                return;
            }
        }
        throw new AssertionError("Tab never came back to the table");
    }

    @Test
    void escapeInTheDetailsClosesThemAndHandsTheKeyboardBackToTheTable(FxRobot robot) throws Exception {
        waitForFirstPage();
        open(2);
        bifrostconsole.keydetail.KeyDetailView pane = Fx.call(view::detailView);
        Node inPane = robot.lookup("#copy-id").query();
        Fx.run(inPane::requestFocus);
        Fx.waitUntil(inPane::isFocused);
        robot.type(KeyCode.ESCAPE);
        Fx.waitUntil(() -> !vm.detail().shownProperty().get());
        Fx.settle();
        assertTrue(Fx.call(() -> view.table().isFocused()), "the table has the keyboard again");
        assertFolded(robot, pane);
        open(3);
        assertTrue(Fx.call(() -> pane.isVisible() && pane.isManaged() && pane.getWidth() > 0));
        assertTrue(Fx.call(() -> robot.lookup(".split-pane-divider").query().isVisible()), "the divider is back");
    }

    @Test
    void pagesForwardBackAndJumps(FxRobot robot) throws Exception {
        waitForFirstPage();
        assertEquals("1\u201325 of 120", text(robot, "#range-label"));
        robot.clickOn("#next-page");
        Fx.waitUntil(() -> "26\u201350 of 120".equals(vm.rangeTextProperty().get()));
        assertTrue(logged("offset=25"), gateway.requestLog().toString());
        robot.clickOn("#previous-page");
        Fx.waitUntil(() -> "1\u201325 of 120".equals(vm.rangeTextProperty().get()));
        robot.doubleClickOn("#page-field").write("5").type(KeyCode.ENTER);
        Fx.waitUntil(() -> "101\u2013120 of 120".equals(vm.rangeTextProperty().get()));
        assertEquals(20, vm.rows().size());
        robot.clickOn("#first-page");
        Fx.waitUntil(() -> "1\u201325 of 120".equals(vm.rangeTextProperty().get()));
        robot.clickOn("#key-table");
        robot.type(KeyCode.PAGE_DOWN);
        Fx.waitUntil(() -> "26\u201350 of 120".equals(vm.rangeTextProperty().get()));
    }

    @Test
    void headerClickShowsTheServersOrder(FxRobot robot) throws Exception {
        waitForFirstPage();
        robot.clickOn(robot.lookup(".column-header .label").match(n -> "Name".equals(((Label) n).getText()))
                .queryAs(Label.class));
        Fx.waitUntil(() -> vm.shownQueryProperty().get().sortBy() == SortField.NAME);
        assertTrue(logged("sort_by=name&order=asc"), gateway.requestLog().toString());
        List<String> expected = client.listVirtualKeys(VirtualKeyQuery.firstPage(25).withSort(SortField.NAME,
                SortOrder.ASC)).join().items().stream().map(VirtualKey::id).toList();
        assertEquals(expected, shownIds());
        TableColumn<KeyRow, ?> nameColumn = view.table().getColumns().get(0);
        assertEquals(List.of(nameColumn), Fx.call(() -> List.copyOf(view.table().getSortOrder())));
        assertEquals(TableColumn.SortType.ASCENDING, nameColumn.getSortType());

        robot.clickOn(robot.lookup(".column-header .label").match(n -> "Name".equals(((Label) n).getText()))
                .queryAs(Label.class));
        Fx.waitUntil(() -> vm.shownQueryProperty().get().order() == SortOrder.DESC);
        assertTrue(logged("sort_by=name&order=desc"));
        assertEquals(TableColumn.SortType.DESCENDING, nameColumn.getSortType(), "the arrow shows the order in force");
        List<String> descending = client.listVirtualKeys(VirtualKeyQuery.firstPage(25).withSort(SortField.NAME,
                SortOrder.DESC)).join().items().stream().map(VirtualKey::id).toList();
        assertEquals(descending, shownIds());

        int before = gateway.requestLog().size();
        robot.clickOn(robot.lookup(".column-header .label").match(n -> "Assigned to".equals(((Label) n).getText()))
                .queryAs(Label.class));
        Fx.settle();
        assertEquals(before, gateway.requestLog().size(), "the assigned-to column is not sortable");

        robot.clickOn(robot.lookup(".column-header .label").match(n -> "Headroom".equals(((Label) n).getText()))
                .queryAs(Label.class));
        Fx.waitUntil(() -> vm.pageSortProperty().get() == KeyBrowserViewModel.PageSort.MOST_USED_FIRST);
        assertEquals(before, gateway.requestLog().size(), "headroom sorts the page, without asking the server");
        TableColumn<KeyRow, ?> headroom = view.table().getColumns().get(KeyColumn.HEADROOM.ordinal());
        assertEquals(List.of(headroom), Fx.call(() -> List.copyOf(view.table().getSortOrder())));
        assertEquals(TableColumn.SortType.DESCENDING, headroom.getSortType());
        List<Double> used = Fx.call(() -> view.table().getItems().stream().map(KeyRow::headroomUsed).toList());
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
        Fx.settle();
        assertFalse(providers.isVisible());
        assertFalse(vm.columnVisibleProperty(KeyColumn.PROVIDERS).get(), "the choice goes to the settings");

        TableColumn<KeyRow, ?> name = view.table().getColumns().get(KeyColumn.NAME.ordinal());
        double before = Fx.call(name::getWidth); // shared out to fit the table, not necessarily the default
        Fx.run(() -> view.table().resizeColumn(name, 60)); // what dragging the header edge does
        Fx.waitUntil(() -> Math.abs(vm.columnWidthProperty(KeyColumn.NAME).get() - (before + 60)) < 1);
        assertEquals(Long.toString(Math.round(before + 60)),
                settings.get("keys.column.name.width", ""), "the width is remembered");
    }

    @Test
    void theMetadataColumnAndFilterWorkInTheView(FxRobot robot) throws Exception {
        waitForFirstPage();
        TableColumn<KeyRow, ?> metadata = view.table().getColumns().get(KeyColumn.METADATA.ordinal());
        assertFalse(metadata.isVisible(), "off by default");
        robot.clickOn("#columns-menu");
        robot.clickOn(robot.lookup(".context-menu .label").match(l -> "Metadata".equals(((Label) l).getText()))
                .queryAs(Node.class));
        Fx.settle();
        assertTrue(metadata.isVisible());
        assertEquals("true", settings.get("keys.column.metadata.visible", ""), "remembered like the others");

        robot.clickOn("#metadata-filter").write("cost center=x");
        Fx.waitUntil(() -> robot.lookup("#metadata-problem").query().isVisible());
        assertTrue(text(robot, "#metadata-problem").contains("only letters, digits"), text(robot, "#metadata-problem"));
        int requests = gateway.requestLog().size();
        robot.type(KeyCode.ENTER);
        Fx.settle();
        assertEquals(requests, gateway.requestLog().size(), "a refused condition is not sent");

        VirtualKey tagged = gateway.store().virtualKeys().stream().filter(k -> k.metadata().containsKey("env"))
                .findFirst().orElseThrow();
        String costCenter = tagged.metadata().get("cost_center");
        Fx.run(() -> vm.metadataInputProperty().set(""));
        robot.clickOn("#metadata-filter").write("cost_center = " + costCenter).type(KeyCode.ENTER);
        Fx.waitUntil(() -> costCenter.equals(vm.shownQueryProperty().get().metadata().get("cost_center"))
                && !vm.loadingProperty().get());
        assertFalse(robot.lookup("#metadata-problem").query().isVisible());
        assertTrue(logged("metadata_cost_center=" + costCenter), gateway.requestLog().toString());
        long expected = gateway.store().virtualKeys().stream()
                .filter(k -> costCenter.equals(k.metadata().get("cost_center"))).count();
        assertEquals(expected, vm.pageProperty().get().total());
        List<String> cells = Fx.call(() -> robot.lookup("#key-table .table-row-cell").queryAll().stream()
                .filter(Node::isVisible)
                .map(r -> robot.from(r).lookup(".table-cell").queryAll().stream()
                        .filter(c -> c instanceof javafx.scene.control.TableCell<?, ?> tc && tc.getTableColumn() == metadata)
                        .map(c -> ((javafx.scene.control.TableCell<?, ?>) c).getText()).findFirst().orElse(null))
                .filter(t -> t != null && !t.isEmpty()).toList());
        assertFalse(cells.isEmpty());
        assertTrue(cells.stream().allMatch(t -> t.contains("cost_center=" + costCenter)), cells.toString());
        assertTrue(robot.lookup("#metadata-chips .metadata-chip").queryAll().size() == 1);
        assertTrue(robot.lookup("#metadata-ignored").query().isManaged() == false, "the demo honours the filter");

        Fx.run(() -> {
            stage.setWidth(1024);
            stage.setHeight(700);
        });
        Fx.waitUntil("the window is 1024 wide", () -> stage.getScene().getWidth() == 1024);
        Fx.run(() -> view.table().scrollToColumn(metadata));
        screenshot("key-browser-metadata-1024-light");
        for (String id : List.of("#metadata-filter", "#metadata-chips", "#refresh", "#columns-menu")) {
            Node node = robot.lookup(id).query();
            double right = Fx.call(() -> node.localToScene(node.getBoundsInLocal()).getMaxX());
            assertTrue(right <= 1024.5, id + " is cut off at the window's edge: " + right);
        }
        Fx.run(() -> Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet()));
        WritableImage dark = screenshot("key-browser-metadata-1024-dark");
        Fx.run(() -> Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet()));
        assertTrue(Screenshots.brightness(dark) < 0.3, "the dark theme is dark: " + Screenshots.brightness(dark));

        robot.clickOn("#metadata-chips .metadata-chip");
        Fx.waitUntil(() -> vm.shownQueryProperty().get().metadata().isEmpty() && !vm.loadingProperty().get());
        assertEquals(KEY_COUNT, vm.pageProperty().get().total());
        assertTrue(robot.lookup("#metadata-chips .metadata-chip").queryAll().isEmpty());
    }

    @Test
    void fromMemoryShowsTheWholeCacheAndDisablesServerFilters(FxRobot robot) throws Exception {
        waitForFirstPage();
        robot.clickOn("#from-memory");
        Fx.waitUntil(() -> vm.fromMemoryProperty().get() && !vm.loadingProperty().get());
        assertEquals(null, vm.errorMessageProperty().get());
        assertTrue(vm.shownQueryProperty().get().fromMemory());
        assertTrue(logged("from_memory=true"), gateway.requestLog().toString());
        assertEquals("1\u2013" + KEY_COUNT + " of " + KEY_COUNT, text(robot, "#range-label"));
        assertTrue(robot.lookup("#key-search").query().isDisabled(), "the server ignores search from memory");
        assertTrue(robot.lookup("#team-picker").query().isDisabled());
        robot.type(KeyCode.SPACE); // the switch has the focus after the click
        Fx.waitUntil(() -> !vm.shownQueryProperty().get().fromMemory());
        assertEquals("1\u201325 of " + KEY_COUNT, text(robot, "#range-label"));
    }

    @Test
    void searchIsSentToTheServer(FxRobot robot) throws Exception {
        waitForFirstPage();
        VirtualKey some = gateway.store().virtualKeys().get(7);
        String word = some.name().substring(0, Math.min(6, some.name().length()));
        robot.clickOn("#key-search").write(word);
        Fx.waitUntil(() -> word.equals(vm.shownQueryProperty().get().search()));
        assertTrue(logged("search=" + word), gateway.requestLog().toString());
        assertFalse(vm.rows().isEmpty());
        for (KeyRow row : Fx.call(() -> List.copyOf(vm.rows()))) {
            assertTrue(row.name().toLowerCase().contains(word.toLowerCase()), row.name());
        }
    }

    @Test
    void teamFilterIsPickedFromTheServersTeams(FxRobot robot) throws Exception {
        waitForFirstPage();
        robot.clickOn("#team-picker");
        Fx.waitUntil(() -> !vm.teamPicker().options().isEmpty());
        @SuppressWarnings("unchecked")
        ListView<FilterOption> list = robot.lookup("#team-picker-list").queryAs(ListView.class);
        FilterOption first = list.getItems().get(0);
        Screenshots.save(list.getScene(), "team-picker");
        robot.clickOn(robot.lookup(".picker-option").nth(0).queryAs(Node.class));
        Fx.waitUntil(() -> first.id().equals(vm.shownQueryProperty().get().teamId()));
        assertTrue(logged("team_id="), gateway.requestLog().toString());
        assertTrue(robot.lookup("#team-picker").queryButton().getText().endsWith(first.name()));
        for (KeyRow row : Fx.call(() -> List.copyOf(vm.rows()))) {
            assertEquals("Team: " + first.name(), row.assignedTo());
        }
        robot.clickOn("#team-picker-clear");
        Fx.waitUntil(() -> vm.shownQueryProperty().get().teamId() == null);
    }

    @Test
    void openingAKeyShowsEveryPane(FxRobot robot) throws Exception {
        waitForFirstPage();
        VirtualKey rich = gateway.store().virtualKeys().stream()
                .filter(k -> !k.mcpConfigs().isEmpty() && !k.budgets().isEmpty() && k.providerConfigs().size() > 1
                        && k.rateLimit() != null)
                .findFirst().orElseThrow();
        robot.clickOn("#key-search").write(rich.name());
        Fx.waitUntil(() -> vm.rows().stream().anyMatch(r -> r.id().equals(rich.id())));
        int index = Fx.call(() -> vm.rows().stream().map(KeyRow::id).toList().indexOf(rich.id()));
        Fx.run(() -> vm.selectedIndexProperty().set(index));
        robot.clickOn("#key-table").type(KeyCode.ENTER);
        Fx.waitUntil(() -> vm.detail().detailsProperty().get() != null
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
        Fx.waitUntil(() -> !vm.detail().shownProperty().get());
        assertTrue(robot.lookup("#key-detail").tryQuery().isEmpty() || !robot.lookup("#key-detail").query()
                .isVisible() || robot.lookup("#key-detail").query().getScene() == null);
    }

    @Test
    void jAndKStepThroughKeysWithTheDetailsOpen(FxRobot robot) throws Exception {
        waitForFirstPage();
        robot.clickOn(robot.lookup(".name-cell").nth(0).queryAs(Node.class));
        String first = Fx.call(() -> vm.rows().get(0).id());
        Fx.waitUntil(() -> vm.detail().detailsProperty().get() != null
                && first.equals(vm.detail().detailsProperty().get().key().id()));
        robot.type(KeyCode.J);
        String second = Fx.call(() -> vm.rows().get(1).id());
        Fx.waitUntil(() -> second.equals(vm.detail().detailsProperty().get().key().id()));
        robot.type(KeyCode.K);
        Fx.waitUntil(() -> first.equals(vm.detail().detailsProperty().get().key().id()));
        robot.press(KeyCode.CONTROL).type(KeyCode.C).release(KeyCode.CONTROL);
        Fx.settle();
        assertEquals(first, Fx.call(() -> Clipboard.getSystemClipboard().getString()), "Ctrl+C copies the key id");

        robot.press(KeyCode.CONTROL).type(KeyCode.F).release(KeyCode.CONTROL);
        Fx.settle();
        assertTrue(robot.lookup("#key-search").query().isFocused(), "Ctrl+F focuses the search box");
        int requests = gateway.requestLog().size();
        robot.type(KeyCode.F5);
        Fx.waitUntil(() -> gateway.requestLog().size() > requests && !vm.loadingProperty().get());
        assertTrue(vm.detail().shownProperty().get(), "refreshing keeps the details open");
        robot.type(KeyCode.ESCAPE);
        Fx.waitUntil(() -> !vm.detail().shownProperty().get());
    }

    @Test
    void revealAndCopyAKeyValue(FxRobot robot) throws Exception {
        waitForFirstPage();
        String plain = Fx.call(() -> vm.rows().get(0).plainValue());
        Label masked = robot.lookup(".secret-text").nth(0).queryAs(Label.class);
        assertFalse(masked.getText().contains(plain.substring(10)), "masked at first");
        assertTrue(masked.getText().startsWith(plain.substring(0, 8)));
        bifrostconsole.ui.CellIconButton reveal = robot.lookup(".reveal-button").nth(0)
                .queryAs(bifrostconsole.ui.CellIconButton.class);
        robot.clickOn(reveal);
        Fx.waitUntil(() -> plain.equals(masked.getText()));
        // The row's button says what a second click does, to the eye and to a screen reader.
        assertEquals("Mask the key value", Fx.call(reveal::getAccessibleText));
        assertEquals(org.kordamp.ikonli.feather.Feather.EYE_OFF, Fx.call(() -> reveal.icon().getIconCode()));
        robot.clickOn(robot.lookup(".copy-button").nth(0).queryAs(Node.class));
        Fx.settle();
        assertEquals(plain, Fx.call(() -> Clipboard.getSystemClipboard().getString()));
        Fx.waitUntil(() -> !Clipboard.getSystemClipboard().hasString()
                || !plain.equals(Clipboard.getSystemClipboard().getString()));
        robot.clickOn(reveal);
        Fx.waitUntil(() -> !masked.getText().contains(plain.substring(10)));
        assertEquals("Reveal the key value", Fx.call(reveal::getAccessibleText));
        assertEquals(org.kordamp.ikonli.feather.Feather.EYE, Fx.call(() -> reveal.icon().getIconCode()));
    }

    @Test
    void serverErrorKeepsThePageWithRetry(FxRobot robot) throws Exception {
        waitForFirstPage();
        // The inline error joins the view when first shown; until then only the view holds it, and a collection
        // (System.gc is a full one) must not take it and the listener that is to add it.
        System.gc();
        List<String> before = shownIds();
        gateway.injectFault("/api/governance/virtual-keys", DemoGateway.Fault.status(500), 1);
        robot.clickOn("#refresh");
        Fx.waitUntil(() -> vm.errorMessageProperty().get() != null);
        assertTrue(robot.lookup("#inline-error").query().isVisible());
        assertTrue(text(robot, "#inline-error-text").contains("internal error"), text(robot, "#inline-error-text"));
        assertEquals(before, shownIds(), "the last good page stays");
        Screenshots.save(stage.getScene(), "key-browser-inline-error");
        robot.clickOn("#retry-inline");
        Fx.waitUntil(() -> vm.errorMessageProperty().get() == null);
        assertFalse(robot.lookup("#inline-error").query().isVisible());
    }

    @Test
    void refusedApiKeyShowsTheErrorState(FxRobot robot) throws Exception {
        gateway.injectFault("/api/governance/virtual-keys", DemoGateway.Fault.status(401), 1);
        KeyBrowserViewModel fresh = TestServices.keyBrowser(client, UiSettings.inMemory());
        Fx.run(() -> stage.getScene().setRoot(new KeyBrowserView(fresh)));
        Fx.waitUntil(() -> fresh.viewStateProperty().get() == KeyBrowserViewModel.ViewState.ERROR);
        assertTrue(robot.lookup("#error-state").query().isVisible());
        assertTrue(text(robot, "#error-state-text").contains("401"), text(robot, "#error-state-text"));
        Screenshots.save(stage.getScene(), "key-browser-error");
        robot.clickOn("#retry");
        Fx.waitUntil(() -> fresh.viewStateProperty().get() == KeyBrowserViewModel.ViewState.READY);
        assertFalse(robot.lookup("#error-state").query().isVisible());
    }

    @Test
    void noMatchShowsTheEmptyStateAndClearFilters(FxRobot robot) throws Exception {
        waitForFirstPage();
        robot.clickOn("#key-search").write("no-such-key-anywhere");
        Fx.waitUntil(() -> vm.viewStateProperty().get() == KeyBrowserViewModel.ViewState.EMPTY);
        assertTrue(robot.lookup("#empty-state").query().isVisible());
        assertEquals("No keys match", text(robot, "#empty-title"));
        Screenshots.save(stage.getScene(), "key-browser-empty");
        robot.clickOn("#clear-filters");
        Fx.waitUntil(() -> vm.viewStateProperty().get() == KeyBrowserViewModel.ViewState.READY);
        assertEquals("", robot.lookup("#key-search").queryTextInputControl().getText());
        assertEquals(25, vm.rows().size());
    }

    @Test
    void screenshotsWithAKeyOpen(FxRobot robot) throws Exception {
        waitForFirstPage();
        KeyRow fourth = Fx.call(() -> vm.rows().get(3));
        Fx.run(() -> {
            vm.selectedIndexProperty().set(3);
            vm.openSelected();
        });
        Fx.waitUntil("the fourth key's details", () -> vm.detail().detailsProperty().get() != null
                && !vm.detail().loadingProperty().get()
                && vm.detail().detailsProperty().get().key().id().equals(fourth.id()));
        assertEquals(fourth.name(), text(robot, "#detail-title"));
        assertTrue(robot.lookup("#key-detail").query().isVisible(), "the details are shown beside the table");
        WritableImage light = screenshot("key-browser");

        robot.clickOn("#tab-budgets");
        assertEquals("tab-budgets", selectedTab());
        assertEquals(Fx.call(() -> vm.detail().detailsProperty().get().key().budgets().size()),
                robot.lookup("#budgets-pane .usage-line").queryAll().size(), "one line per budget of the key");
        screenshot("key-browser-budgets");

        Fx.run(() -> Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet()));
        WritableImage dark = screenshot("key-browser-dark");
        Fx.run(() -> Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet()));
        assertTrue(Screenshots.brightness(light) > 0.7, "the light theme is light: " + Screenshots.brightness(light));
        assertTrue(Screenshots.brightness(dark) < 0.3, "the dark theme is dark: " + Screenshots.brightness(dark));

        VirtualKey rich = gateway.store().virtualKeys().stream()
                .filter(k -> k.budgets().size() > 1 && k.providerConfigs().size() > 1 && k.rateLimit() != null
                        && !k.mcpConfigs().isEmpty())
                .findFirst().orElseThrow();
        robot.clickOn("#key-search").write(rich.name());
        Fx.waitUntil(() -> vm.rows().stream().anyMatch(r -> r.id().equals(rich.id())));
        int index = Fx.call(() -> vm.rows().stream().map(KeyRow::id).toList().indexOf(rich.id()));
        Fx.run(() -> vm.selectedIndexProperty().set(index));
        Fx.waitUntil("the rich key's details", () -> vm.detail().detailsProperty().get() != null
                && !vm.detail().loadingProperty().get()
                && vm.detail().detailsProperty().get().key().id().equals(rich.id()));
        assertEquals(rich.name(), text(robot, "#detail-title"));
        for (String tab : List.of("providers", "provider-keys", "rate-limits", "mcp")) {
            robot.clickOn("#tab-" + tab);
            assertEquals("tab-" + tab, selectedTab());
            screenshot("key-browser-" + tab);
        }
        robot.clickOn("#tab-providers");
        for (var config : rich.providerConfigs()) {
            assertTrue(robot.lookup("#provider-" + config.provider()).tryQuery().isPresent(), config.provider());
        }
        robot.clickOn("#tab-mcp");
        assertEquals(rich.mcpConfigs().size(), robot.lookup("#mcp-pane .detail-card").queryAll().size());
    }

    @Test
    void usagePaneChartsTheLogsAndSaysWhenThereAreNone(FxRobot robot) throws Exception {
        waitForFirstPage();
        Platform.runLater(() -> {
            vm.selectedIndexProperty().set(2);
            vm.openSelected();
        });
        Fx.waitUntil(() -> vm.detail().detailsProperty().get() != null && !vm.detail().loadingProperty().get());
        robot.clickOn("#tab-usage");
        Fx.waitUntil(() -> vm.detail().usage().chartsProperty().get() != null);
        assertTrue(robot.lookup("#usage-cost-chart").query().isVisible());
        Label totals = robot.lookup("#usage-totals").queryAs(Label.class);
        assertTrue(totals.getText().contains("in the last 7 days (from the logs)"), totals.getText());
        robot.clickOn("#usage-period-day");
        Fx.waitUntil(() -> !vm.detail().usage().loadingProperty().get()
                && vm.detail().usage().chartsProperty().get().totals().contains("24 hours"));
        Screenshots.save(stage.getScene(), "key-usage");
        Platform.runLater(() -> Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet()));
        Screenshots.save(stage.getScene(), "key-usage-dark");
        Platform.runLater(() -> Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet()));

        gateway.logRoutes().setEnabled(false);
        try {
            Platform.runLater(() -> vm.selectedIndexProperty().set(3));
            Fx.waitUntil(() -> vm.detail().usage().notAvailableProperty().get() != null);
            Label sentence = robot.lookup("#usage-not-available").queryAs(Label.class);
            assertTrue(sentence.isVisible());
            assertTrue(sentence.getText().contains("has no logs endpoints (HTTP 404)"), sentence.getText());
            assertFalse(robot.lookup("#usage-charts").query().isVisible(), "no empty charts beside it");
            assertEquals(null, vm.detail().usage().errorProperty().get(), "not an error");
            Screenshots.save(stage.getScene(), "key-usage-not-available");
        } finally {
            gateway.logRoutes().setEnabled(true);
        }
    }

    @Test
    void narrowWindowKeepsEveryControlReadable(FxRobot robot) throws Exception {
        waitForFirstPage();
        Fx.run(() -> {
            stage.setWidth(1024);
            stage.setHeight(700);
        });
        Fx.waitUntil("the window is 1024 wide", () -> stage.getScene().getWidth() == 1024);
        screenshot("key-browser-1024");
        for (String id : List.of("#refresh", "#columns-menu", "#from-memory", "#customer-picker", "#next-page",
                "#last-page")) {
            Node node = robot.lookup(id).query();
            double right = Fx.call(() -> node.localToScene(node.getBoundsInLocal()).getMaxX());
            assertTrue(right <= 1024.5, id + " is cut off at the window's edge: " + right);
        }

        // With a key open the pager shares the width with the details: the paging controls still fit beside them.
        Fx.run(() -> {
            vm.selectedIndexProperty().set(1);
            vm.openSelected();
        });
        Fx.waitUntil("the details", () -> vm.detail().detailsProperty().get() != null
                && !vm.detail().loadingProperty().get());
        Fx.settle();
        screenshot("key-browser-1024-details");
        double detailsLeft = Fx.call(() -> view.detailView().localToScene(view.detailView().getBoundsInLocal())
                .getMinX());
        for (String id : List.of("#page-size", "#page-field", "#previous-page", "#next-page", "#range-label")) {
            Node node = robot.lookup(id).query();
            double right = Fx.call(() -> node.localToScene(node.getBoundsInLocal()).getMaxX());
            assertTrue(node.isVisible() && right <= detailsLeft + 0.5, id + " runs under the details: " + right
                    + " > " + detailsLeft);
        }
    }

    private String selectedTab() throws Exception {
        return Fx.call(() -> view.detailView().tabs().getSelectionModel().getSelectedItem().getId());
    }

    /** The window as it is painted now, kept as target/screenshots/NAME.png. */
    private WritableImage screenshot(String name) throws Exception {
        Fx.painted(stage.getScene());
        WritableImage image = Screenshots.save(stage.getScene(), name);
        assertEquals(stage.getScene().getWidth(), image.getWidth(), name);
        assertEquals(stage.getScene().getHeight(), image.getHeight(), name);
        return image;
    }

    @Test
    void theStatusMenuFiltersThePageAndSaysSo(FxRobot robot) throws Exception {
        waitForFirstPage();
        int asked = gateway.requestLog().size();
        robot.clickOn("#status-filter");
        robot.clickOn(robot.lookup(".combo-box-popup .list-cell").match(c -> "Active".equals(
                ((javafx.scene.control.ListCell<?>) c).getText())).queryAs(Node.class));
        Fx.waitUntil(() -> vm.statusFilterProperty().get() == bifrostconsole.api.KeyStatus.ACTIVE);
        assertTrue(Fx.call(() -> vm.rows().stream().allMatch(r -> r.status() == bifrostconsole.api.KeyStatus.ACTIVE)));
        assertEquals(Fx.call(() -> vm.rows().size()), Fx.call(() -> view.table().getItems().size()));
        String note = Fx.visibleText(robot, "#status-filter-note");
        assertTrue(note != null && note.contains("applies to the 25 keys on this page only"), note);
        assertEquals(asked, gateway.requestLog().size(), "filtered on the page, nothing asked of the server");
        Screenshots.save(stage.getScene(), "key-browser-status-filter-light");
    }
}
