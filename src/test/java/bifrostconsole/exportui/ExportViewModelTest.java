package bifrostconsole.exportui;

import bifrostconsole.api.ConnectionSettings;
import bifrostconsole.api.ManagementApiClient;
import bifrostconsole.api.VirtualKeyQuery;
import bifrostconsole.demo.DemoDataGenerator;
import bifrostconsole.demo.DemoGateway;
import bifrostconsole.export.CsvKeyWriterTest;
import bifrostconsole.export.ExportFormat;
import bifrostconsole.export.ExportScope;
import bifrostconsole.export.KeyPageSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Export dialog's view-model without a toolkit: UI updates run inline. */
class ExportViewModelTest {
    static final Instant NOW = Instant.parse("2026-11-27T06:00:00Z");
    static final Executor BACKGROUND = command -> new Thread(command, "export-test").start();
    static DemoGateway gateway;
    static KeyPageSource source;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws IOException {
        gateway = DemoGateway.start(DemoGateway.Options.of(DemoDataGenerator.generate(8, 140, NOW)));
        source = KeyPageSource.of(new ManagementApiClient(ConnectionSettings.of(gateway.baseUrl(), null)));
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    ExportViewModel vm(VirtualKeyQuery query) {
        return new ExportViewModel(source, query, 140, dir, BACKGROUND, Runnable::run, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    /** The outcome is applied just after the future completes, on the thread that completed it. */
    static void awaitIdle(ExportViewModel vm) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (vm.runningProperty().get() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
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
        vm.current().get(10, TimeUnit.SECONDS);
        awaitIdle(vm);

        assertFalse(vm.runningProperty().get());
        assertTrue(vm.finishedProperty().get());
        assertEquals(1.0, vm.progressProperty().get());
        assertTrue(vm.statusProperty().get().startsWith("Exported 140 keys to "), vm.statusProperty().get());
        assertEquals(141, CsvKeyWriterTest.readBack(Files.readString(Path.of(vm.fileNameProperty().get()))).size());
    }

    @Test
    void thisPageExportsOnlyThePageOnScreen() throws Exception {
        ExportViewModel vm = vm(VirtualKeyQuery.firstPage(25).withOffset(50));
        vm.scopeProperty().set(ExportScope.CURRENT_PAGE);
        vm.start();
        vm.current().get(10, TimeUnit.SECONDS);
        awaitIdle(vm);
        assertEquals(26, CsvKeyWriterTest.readBack(Files.readString(Path.of(vm.fileNameProperty().get()))).size());
    }

    @Test
    void aServerFailureBecomesOneSentenceAndNoFile() throws Exception {
        gateway.injectFault("/api/governance/virtual-keys", DemoGateway.Fault.status(500));
        ExportViewModel vm = vm(VirtualKeyQuery.firstPage(25));
        vm.start();
        assertThrows(Exception.class, () -> vm.current().get(10, TimeUnit.SECONDS));
        awaitIdle(vm);

        assertFalse(vm.runningProperty().get());
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

        assertFalse(vm.runningProperty().get());
        assertTrue(vm.statusProperty().get().startsWith("Cancelled"), vm.statusProperty().get());
        assertEquals("previous export\n", Files.readString(file));
    }
}
