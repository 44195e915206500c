package bifrostconsole.exportui;

import atlantafx.base.theme.PrimerLight;
import bifrostconsole.api.Budget;
import bifrostconsole.api.VirtualKey;
import bifrostconsole.api.VirtualKeyQuery;
import bifrostconsole.config.UiSettings;
import bifrostconsole.demo.DemoDataGenerator;
import bifrostconsole.export.DiffRow;
import bifrostconsole.export.GovernanceState;
import bifrostconsole.export.Snapshot;
import bifrostconsole.export.SnapshotFile;
import bifrostconsole.export.SnapshotSource;
import bifrostconsole.keys.KeyRow;
import bifrostconsole.store.GovernanceStore;
import bifrostconsole.testing.Fx;
import bifrostconsole.testing.Screenshots;
import bifrostconsole.testing.TestKeys;
import bifrostconsole.testing.TestServices;
import bifrostconsole.testing.Wait;
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

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A snapshot browsed read-only in the key table, and the diff view, clicked headlessly with screenshots. */
@ExtendWith(ApplicationExtension.class)
class SnapshotAndDiffViewsTest {
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
        later.set(3, TestKeys.copyOf(k).active(false).budgets(budgets).configHash("changed-hash")
                .updatedAt(NOW.plusSeconds(3600)).build());
        later.add(TestKeys.key("vk-new").name("fraud-detection-v2").build());
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
        Fx.run(() -> {
            Scene scene = new Scene(root, 1270, 760);
            Stylesheets.apply(scene);
            stage.setScene(scene);
            stage.show();
        });
    }

    @Test
    void aSnapshotIsBrowsedReadOnlyInTheKeyTableUnderABanner(FxRobot robot) throws Exception {
        SnapshotSource source = SnapshotSource.open(older);
        assertFalse(source.live());
        assertEquals(150, source.listVirtualKeys(VirtualKeyQuery.firstPage(25)).get().totalCount());

        SnapshotWindow window = Fx.call(() -> new SnapshotWindow(source,
                TestServices.keyBrowser(source, UiSettings.inMemory()), TestServices.exportActions(UiSettings.inMemory())));
        showScene(window);
        Wait.get(window.browser().firstPageShown());
        Fx.settle();

        String banner = robot.lookup("#snapshot-banner").queryAs(Label.class).getText();
        String taken = bifrostconsole.ui.Formats.system().dateTime(NOW);
        assertTrue(banner.startsWith("Read-only snapshot of http://gw.example:8080 (v1.4.3), taken " + taken),
                banner);
        List<String> shown = Fx.call(() -> window.browser().rows().stream().map(KeyRow::id).toList());
        assertEquals(store.virtualKeys().subList(0, shown.size()).stream().map(VirtualKey::id).toList(), shown);
        assertTrue(robot.lookup("#export-button").tryQuery().isPresent(), "a snapshot can be exported too");
        assertFalse(robot.lookup("#from-memory").query().isVisible(), "a snapshot has no gateway cache to read");
        assertTrue(robot.lookup(".reveal-secret").queryAll().stream().noneMatch(javafx.scene.Node::isVisible),
                "a file has no key value to reveal");
        Screenshots.save(stage.getScene(), "snapshot-read-only");
    }

    @Test
    void theDiffViewListsAddedRemovedAndChangedKeysWithTheChangedFields(FxRobot robot) throws Exception {
        DiffViewModel vm = new DiffViewModel(command -> new Thread(command).start(), Platform::runLater,
                bifrostconsole.ui.Formats.system());
        showScene(Fx.call(() -> new DiffView(vm)));

        Wait.get(Fx.call(() -> vm.compare(GovernanceState.ofFile(older), GovernanceState.ofFile(newer))));
        Fx.waitUntil("the comparison is shown", () -> !vm.runningProperty().get());

        List<DiffRow> rows = Fx.call(() -> List.copyOf(vm.rows()));
        assertEquals(List.of(DiffRow.Kind.ADDED, DiffRow.Kind.REMOVED, DiffRow.Kind.CHANGED),
                rows.stream().map(DiffRow::kind).toList());
        assertEquals("vk-new", rows.get(0).id());
        assertEquals(store.virtualKeys().get(0).id(), rows.get(1).id());
        List<String> paths = rows.get(2).changes().stream().map(DiffRow.ChangeLine::path).toList();
        assertTrue(paths.contains("is_active"), paths.toString());
        String summary = robot.lookup("#diff-summary").queryAs(Label.class).getText();
        assertTrue(summary.startsWith("Virtual keys: 1 added, 1 removed, 1 changed, 148 unchanged."), summary);
        assertEquals(3, robot.lookup("#diff-rows").queryAs(ListView.class).getItems().size());
        String sides = Fx.call(() -> vm.sidesProperty().get());
        assertTrue(sides.contains(", taken " + bifrostconsole.ui.Formats.system().dateTime(NOW)),
                "the time as the window writes it, not the file's ISO-8601: " + sides);
        Screenshots.save(stage.getScene(), "diff-view");
    }
}
