package bifrostconsole.history;

import bifrostconsole.api.VirtualKey;
import bifrostconsole.changes.ChangeHistory;
import bifrostconsole.changes.FieldDiff;
import bifrostconsole.changes.HistoryEntry;
import bifrostconsole.changes.KeyChange;
import bifrostconsole.changes.KeyOutcome;
import bifrostconsole.keyactions.ActionsFixture;
import bifrostconsole.keyactions.ChangeDialogViewModel;
import bifrostconsole.keyactions.KeyTarget;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** History from the log the engine writes: filters, newest first, CSV, and Recreate of a deleted key. */
class HistoryViewModelTest {
    @TempDir
    Path data;
    private ActionsFixture f;
    private HistoryViewModel history;

    @BeforeEach
    void start() throws Exception {
        f = new ActionsFixture(60, data);
        history = f.onUi(() -> new HistoryViewModel(f.actions(), f.ui(), f.background(), Clock.systemUTC(),
                f.formats(), f.scheduler()));
    }

    @AfterEach
    void stop() {
        f.close();
    }

    private List<HistoryViewModel.Row> reloaded() throws Exception {
        f.onUi(history::reload);
        f.await(history.statusProperty(), s -> !s.startsWith("Reading"));
        return f.onUi(() -> List.copyOf(history.rows()));
    }

    @Test
    void aDeletedKeyIsListedNewestFirstAndRecreatedFromItsSavedConfiguration() throws Exception {
        List<VirtualKey> page = f.page();
        f.run(new KeyChange.SetActive(false), KeyTarget.of(page.stream().filter(VirtualKey::active).findFirst()
                .orElseThrow()));
        VirtualKey doomed = page.get(3);
        f.run(new KeyChange.Delete(), KeyTarget.of(doomed));

        List<HistoryViewModel.Row> rows = reloaded();
        assertEquals(2, rows.size());
        HistoryViewModel.Row deleted = rows.get(0);
        assertEquals("delete", deleted.action(), "newest first");
        assertTrue(deleted.recreatable());
        assertEquals("key: exists \u2192 deleted", deleted.changes());
        assertFalse(rows.get(1).recreatable(), "only a delete can be recreated");

        CompletableFuture<ChangeDialogViewModel> opened = new CompletableFuture<>();
        f.onUi(() -> history.recreate(deleted, opened::complete));
        ChangeDialogViewModel dialog = opened.get(30, TimeUnit.SECONDS);
        f.planned(dialog);
        assertTrue(dialog.plans().get(0).request().startsWith("POST /api/governance/virtual-keys\n"),
                dialog.plans().get(0).request());
        f.confirmed(dialog);
        KeyOutcome outcome = dialog.result().outcomes().get(0);
        assertEquals(KeyOutcome.Status.DONE, outcome.status(), outcome.reason());
        VirtualKey recreated = f.stored(outcome.keyId());
        assertEquals(doomed.name(), recreated.name());
        assertEquals(doomed.providerConfigs().size(), recreated.providerConfigs().size());

        // The run's end makes History read itself again: the recreate is on top.
        f.await(history.statusProperty(), s -> s.startsWith("3 changes"));
        assertEquals("recreate", f.onUi(() -> history.rows().get(0).action()));
    }

    @Test
    void filtersNarrowByTextActionOutcomeTimeAndServer() throws Exception {
        ChangeHistory log = f.actions().engine().history();
        Instant now = Instant.now();
        String server = f.actions().server();
        log.append(new HistoryEntry(now.minus(Duration.ofDays(10)), server, "vk-old", "old-key", "disable",
                List.of(new FieldDiff("status", "Active", "Inactive")), "done", null, null));
        log.append(new HistoryEntry(now.minus(Duration.ofHours(2)), server, "vk-new", "payments", "rotate",
                List.of(), "failed", "the server refused it", null));
        log.append(new HistoryEntry(now.minus(Duration.ofHours(1)), "https://other.example", "vk-x", "payments-eu",
                "delete", List.of(), "done", null, "/nowhere.json"));

        assertEquals(2, reloaded().size(), "this server only, by default");
        f.onUi(() -> history.allServersProperty().set(true));
        List<HistoryViewModel.Row> all = reloaded();
        assertEquals(3, all.size());
        assertFalse(all.get(0).recreatable(), "a key deleted from another server is recreated there, not here");
        f.onUi(() -> history.periodProperty().set(HistoryViewModel.Period.WEEK));
        assertEquals(2, reloaded().size());
        f.onUi(() -> history.outcomeProperty().set("failed"));
        assertEquals(List.of("vk-new"), reloaded().stream().map(HistoryViewModel.Row::keyId).toList());
        f.onUi(() -> {
            history.outcomeProperty().set(null);
            history.textProperty().set("PAYMENTS-EU");
        });
        f.await(history.statusProperty(), s -> s.startsWith("1 change"));
        f.onUi(() -> history.actionProperty().set("rotate"));
        assertTrue(reloaded().isEmpty());
        assertEquals("No change matches these filters.", history.emptyText());
    }

    @Test
    void theEntriesShownAreExportedAsCsv() throws Exception {
        f.run(new KeyChange.SetActive(false), KeyTarget.of(f.page().stream().filter(VirtualKey::active).findFirst()
                .orElseThrow()));
        reloaded();
        Path csv = data.resolve("out").resolve("history.csv");
        f.onUi(() -> history.exportCsv(csv));
        f.await(history.messageProperty(), m -> m.startsWith("Saved"));
        List<String> lines = Files.readAllLines(csv);
        assertEquals("time,server,key_id,key_name,action,changes,outcome,reason,backup", lines.get(0));
        assertEquals(2, lines.size());
        assertTrue(lines.get(1).contains("disable") && lines.get(1).contains("Active \u2192 Inactive"), lines.get(1));
    }
}
