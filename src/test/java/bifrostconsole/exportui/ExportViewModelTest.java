package bifrostconsole.exportui;

import bifrostconsole.api.VirtualKeyQuery;
import bifrostconsole.demo.DemoGateway;
import bifrostconsole.export.ExportFormat;
import bifrostconsole.export.ExportScope;
import bifrostconsole.export.KeyPageSource;
import bifrostconsole.testing.CsvRows;
import bifrostconsole.testing.DemoGatewayExtension;
import bifrostconsole.testing.UiQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.Executor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Export dialog's view-model without a toolkit. Its UI updates wait in a {@link UiQueue} and run on the test's
 * thread, as they would on the FX thread: the outcome of an export is applied in one update (running off, progress,
 * finished, status), and the test reads the properties only once that update has run, never while it is halfway.
 */
class ExportViewModelTest {
    static final Instant NOW = Instant.parse("2026-11-27T06:00:00Z");
    static final Executor BACKGROUND = command -> new Thread(command, "export-test").start();

    @RegisterExtension
    static final DemoGatewayExtension gateway = DemoGatewayExtension.withKeys(8, 140).asOf(NOW);

    final KeyPageSource source = KeyPageSource.of(gateway.client());
    final UiQueue ui = new UiQueue();

    @TempDir
    Path dir;

    ExportViewModel vm(VirtualKeyQuery query) {
        return new ExportViewModel(source, query, 140, dir, BACKGROUND, ui, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    void awaitOutcome(ExportViewModel vm) throws InterruptedException {
        ui.runUntil("the export's outcome", () -> !vm.runningProperty().get());
    }

    @Test
    void offersADatedFileNameWhoseExtensionFollowsTheFormatAndNoSecrets() {
        ExportViewModel vm = vm(VirtualKeyQuery.firstPage(25));
        assertEquals(dir.resolve("virtual-keys-" + java.time.LocalDate.ofInstant(NOW, java.time.ZoneId.systemDefault())
                + ".csv").toString(), vm.fileNameProperty().get());
        vm.formatProperty().set(ExportFormat.JSON);
        assertTrue(vm.fileNameProperty().get().endsWith(".json"));
        assertFalse(vm.includeSecretsProperty().get());
        assertEquals("All 140 matching keys", vm.scopeLabel(ExportScope.ALL_MATCHING));
        assertEquals("This page (25 keys)", vm.scopeLabel(ExportScope.CURRENT_PAGE));
    }

    @Test
    void exportingAllMatchingKeysReportsTheResult() throws Exception {
        ExportViewModel vm = vm(VirtualKeyQuery.firstPage(25));
        vm.start();
        assertTrue(vm.runningProperty().get());
        awaitOutcome(vm);

        assertTrue(vm.current().isDone());
        assertTrue(vm.finishedProperty().get());
        assertEquals(1.0, vm.progressProperty().get());
        assertTrue(vm.statusProperty().get().startsWith("Exported 140 keys to "), vm.statusProperty().get());
        assertEquals(141, CsvRows.read(Path.of(vm.fileNameProperty().get())).size());
    }

    @Test
    void theCurrentFilterExportKeepsItsMetadataConditions() throws Exception {
        String costCenter = gateway.store().listVirtualKeys(java.util.Map.of("export", "true")).items().stream()
                .filter(k -> k.metadata().containsKey("cost_center")).findFirst().orElseThrow()
                .metadata().get("cost_center");
        long matching = gateway.store().listVirtualKeys(java.util.Map.of("export", "true",
                "metadata_cost_center", costCenter)).totalCount();
        assertTrue(matching > 0 && matching < 140);
        ExportViewModel vm = vm(VirtualKeyQuery.firstPage(25).withSearch("a")
                .withMetadata(java.util.Map.of("cost_center", costCenter)));
        assertEquals("Filtered by search \u201ca\u201d \u00b7 metadata cost_center = " + costCenter, vm.filterText());
        vm = vm(VirtualKeyQuery.firstPage(25).withMetadata(java.util.Map.of("cost_center", costCenter)));
        vm.start();
        awaitOutcome(vm);
        assertTrue(vm.finishedProperty().get(), vm.errorProperty().get());
        var rows = CsvRows.read(Path.of(vm.fileNameProperty().get()));
        assertEquals(matching + 1, rows.size());
        int column = rows.get(0).indexOf("metadata");
        assertTrue(rows.stream().skip(1).allMatch(r -> r.get(column).contains("cost_center=" + costCenter)));
    }

    @Test
    void thisPageExportsOnlyThePageOnScreen() throws Exception {
        ExportViewModel vm = vm(VirtualKeyQuery.firstPage(25).withOffset(50));
        vm.scopeProperty().set(ExportScope.CURRENT_PAGE);
        vm.start();
        awaitOutcome(vm);
        assertTrue(vm.finishedProperty().get(), vm.errorProperty().get());
        assertEquals(26, CsvRows.read(Path.of(vm.fileNameProperty().get())).size());
    }

    @Test
    void aServerFailureBecomesOneSentenceAndNoFile() throws Exception {
        gateway.injectFault("/api/governance/virtual-keys", DemoGateway.Fault.status(500));
        ExportViewModel vm = vm(VirtualKeyQuery.firstPage(25));
        vm.start();
        awaitOutcome(vm);

        assertTrue(vm.current().isCompletedExceptionally());
        assertFalse(vm.finishedProperty().get());
        assertTrue(vm.errorProperty().get().contains("internal error"), vm.errorProperty().get());
        assertFalse(vm.errorProperty().get().contains("Exception"), vm.errorProperty().get());
        assertFalse(Files.exists(Path.of(vm.fileNameProperty().get())));
    }

    @Test
    void cancelStopsTheExportAndSaysTheFileIsUntouched() throws Exception {
        Path file = dir.resolve("keys.csv");
        Files.writeString(file, "previous export\n");
        gateway.injectFault("/api/governance/virtual-keys", DemoGateway.Fault.delay(Duration.ofSeconds(2)));
        ExportViewModel vm = vm(VirtualKeyQuery.firstPage(25));
        vm.fileNameProperty().set(file.toString());
        vm.start();
        vm.cancel();
        awaitOutcome(vm);

        assertTrue(vm.current().isCancelled());
        assertTrue(vm.statusProperty().get().startsWith("Cancelled"), vm.statusProperty().get());
        assertEquals("previous export\n", Files.readString(file));
    }
}
