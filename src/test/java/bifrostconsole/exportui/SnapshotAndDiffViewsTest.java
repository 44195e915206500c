package bifrostconsole.exportui;

import atlantafx.base.theme.PrimerLight;
import bifrostconsole.api.Budget;
import bifrostconsole.api.VirtualKey;
import bifrostconsole.api.VirtualKeyQuery;
import bifrostconsole.config.UiSettings;
import bifrostconsole.demo.DemoDataGenerator;
import bifrostconsole.export.DiffEngineTest;
import bifrostconsole.export.DiffRow;
import bifrostconsole.export.GovernanceState;
import bifrostconsole.export.Snapshot;
import bifrostconsole.export.SnapshotFile;
import bifrostconsole.export.SnapshotSource;
import bifrostconsole.export.TestKeys;
import bifrostconsole.keys.KeyRow;
import bifrostconsole.store.GovernanceStore;
import bifrostconsole.testing.PngWriter;
import bifrostconsole.testing.TestServices;
import bifrostconsole.ui.Stylesheets;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A snapshot browsed read-only in the key table, and the diff view, clicked headlessly with screenshots. */
@ExtendWith(ApplicationExtension.class)
class SnapshotAndDiffViewsTest {
    /** Generous: the machine running the suite may be busy; a pass never waits this long. */
    static final long FX_WAIT = 30;
    static final Instant NOW = Instant.parse("2026-11-27T06:00:00Z");
    static Path older;
    static Path newer;
    static GovernanceStore store;
    Stage stage;

    @BeforeAll
    static void writeSnapshots() throws Exception {
        store = DemoDataGenerator.generate(21, 150, NOW);
        Path dir = Files.createTempDirectory("snapshot-views");
        List<VirtualKey> keys = store.virtualKeys().stream().map(VirtualKey::withoutValue).toList();
        older = dir.resolve("monday.json");
        SnapshotFile.write(older, new Snapshot(null, "http://gw.example:8080", "v1.4.3", NOW, false, store.teams(),
                store.customers(), store.mcpClients(), List.of(), keys));
        // A week later: one key gone, one switched off with a raised budget, one new.
        List<VirtualKey> later = new ArrayList<>(keys.subList(1, keys.size()));
        VirtualKey k = later.get(3);
        Budget b = k.budgets().isEmpty() ? null : k.budgets().get(0);
        List<Budget> budgets = new ArrayList<>(k.budgets());
        if (b != null) {
            budgets.set(0, new Budget(b.id(), b.maxLimit() + 50, b.resetDuration(), b.lastReset(), b.currentUsage(),
                    b.calendarAligned(), b.teamId(), b.virtualKeyId(), b.providerConfigId(), b.customerId(),
                    b.modelConfigId(), b.overrideAmount(), b.overrideMode(), b.overrideCyclesRemaining(),
                    b.configHash(), b.createdAt(), b.updatedAt()));
        }
        later.set(3, DiffEngineTest.copy(k, false, k.providerConfigs(), budgets, NOW.plusSeconds(3600)));
        later.add(TestKeys.key("vk-new", "fraud-detection-v2"));
        newer = dir.resolve("friday.json");
        SnapshotFile.write(newer, new Snapshot(null, "http://gw.example:8080", "v1.4.3", NOW.plusSeconds(4 * 86400),
                false, store.teams(), store.customers(), store.mcpClients(), List.of(), later));
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    }

    private void showScene(javafx.scene.Parent root) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            Scene scene = new Scene(root, 1270, 760);
            Stylesheets.apply(scene);
            stage.setScene(scene);
            stage.show();
        }).get(FX_WAIT, TimeUnit.SECONDS);
    }

    private void screenshot(String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        Path png = Path.of("target", "screenshots", name);
        Files.createDirectories(png.getParent());
        PngWriter.write(WaitForAsyncUtils.asyncFx(() -> stage.getScene().snapshot(null)).get(FX_WAIT, TimeUnit.SECONDS), png);
    }

    @Test
    void aSnapshotIsBrowsedReadOnlyInTheKeyTableUnderABanner(FxRobot robot) throws Exception {
        SnapshotSource source = SnapshotSource.open(older);
        assertFalse(source.live());
        assertEquals(150, source.listVirtualKeys(VirtualKeyQuery.firstPage(25)).get().totalCount());

        SnapshotWindow[] window = new SnapshotWindow[1];
        WaitForAsyncUtils.asyncFx(() -> window[0] = new SnapshotWindow(source,
                        TestServices.keyBrowser(source, UiSettings.inMemory()), TestServices.exportActions(UiSettings.inMemory())))
                .get(FX_WAIT, TimeUnit.SECONDS);
        showScene(window[0]);
        window[0].browser().firstPageShown().get(FX_WAIT, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();

        String banner = robot.lookup("#snapshot-banner").queryAs(Label.class).getText();
        assertTrue(banner.startsWith("Read-only snapshot of http://gw.example:8080 (v1.4.3), taken 2026-11-27T06:00:00Z"),
                banner);
        List<String> shown = WaitForAsyncUtils.asyncFx(() -> window[0].browser().rows().stream().map(KeyRow::id).toList())
                .get(FX_WAIT, TimeUnit.SECONDS);
        assertEquals(store.virtualKeys().subList(0, shown.size()).stream().map(VirtualKey::id).toList(), shown);
        assertTrue(robot.lookup("#export-button").tryQuery().isPresent(), "a snapshot can be exported too");
        assertFalse(robot.lookup("#from-memory").query().isVisible(), "a snapshot has no gateway cache to read");
        screenshot("snapshot-read-only.png");
    }

    @Test
    void theDiffViewListsAddedRemovedAndChangedKeysWithTheChangedFields(FxRobot robot) throws Exception {
        DiffViewModel vm = new DiffViewModel(command -> new Thread(command).start(), Platform::runLater);
        DiffView[] view = new DiffView[1];
        WaitForAsyncUtils.asyncFx(() -> view[0] = new DiffView(vm)).get(FX_WAIT, TimeUnit.SECONDS);
        showScene(view[0]);

        WaitForAsyncUtils.asyncFx(() -> vm.compare(GovernanceState.ofFile(older), GovernanceState.ofFile(newer)))
                .get(FX_WAIT, TimeUnit.SECONDS).get(FX_WAIT, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(FX_WAIT, TimeUnit.SECONDS, () -> !vm.runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();

        List<DiffRow> rows = WaitForAsyncUtils.asyncFx(() -> List.copyOf(vm.rows())).get(FX_WAIT, TimeUnit.SECONDS);
        assertEquals(List.of(DiffRow.Kind.ADDED, DiffRow.Kind.REMOVED, DiffRow.Kind.CHANGED),
                rows.stream().map(DiffRow::kind).toList());
        assertEquals("vk-new", rows.get(0).id());
        assertEquals(store.virtualKeys().get(0).id(), rows.get(1).id());
        List<String> paths = rows.get(2).changes().stream().map(DiffRow.ChangeLine::path).toList();
        assertTrue(paths.contains("is_active"), paths.toString());
        String summary = robot.lookup("#diff-summary").queryAs(Label.class).getText();
        assertTrue(summary.startsWith("Virtual keys: 1 added, 1 removed, 1 changed, 148 unchanged."), summary);
        assertEquals(3, robot.lookup("#diff-rows").queryAs(ListView.class).getItems().size());
        screenshot("diff-view.png");
    }
}
