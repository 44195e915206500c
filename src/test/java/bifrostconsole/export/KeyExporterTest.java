package bifrostconsole.export;

import bifrostconsole.api.ApiException;
import bifrostconsole.api.Json;
import bifrostconsole.api.ManagementApiClient;
import bifrostconsole.api.Page;
import bifrostconsole.api.VirtualKey;
import bifrostconsole.api.VirtualKeyQuery;
import bifrostconsole.demo.DemoGateway;
import bifrostconsole.store.GovernanceStore;
import bifrostconsole.testing.CsvRows;
import bifrostconsole.testing.DemoGatewayExtension;
import bifrostconsole.testing.TestFiles;
import bifrostconsole.testing.Wait;
import com.fasterxml.jackson.core.type.TypeReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The export engine against the demo gateway over real HTTP, in pages of 100 so that 250 keys take 3 pages. */
class KeyExporterTest {
    static final Instant NOW = Instant.parse("2026-11-27T06:00:00Z");
    static final int PAGE = 100;

    @RegisterExtension
    static final DemoGatewayExtension gateway = DemoGatewayExtension.withKeys(11, 250).asOf(NOW);

    final ManagementApiClient client = gateway.client();

    @TempDir
    Path dir;

    private KeyExporter exporter(KeyPageSource source) {
        return new KeyExporter(new KeyPager(source, PAGE), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void allMatchingKeysArriveInOrderAcrossExportPages() throws IOException {
        Path file = dir.resolve("keys.csv");
        List<long[]> progress = new ArrayList<>();
        ExportResult result = exporter(KeyPageSource.of(client)).toFile(file,
                ExportRequest.allMatching(VirtualKeyQuery.all(), ExportFormat.CSV),
                (done, total) -> progress.add(new long[]{done, total}), new Cancellation());

        List<List<String>> rows = CsvRows.parse(Files.readString(file));
        List<String> expectedIds = gateway.store().virtualKeys().stream().map(VirtualKey::id).toList();
        assertEquals(expectedIds, CsvRows.ids(rows));
        assertEquals(250, result.keys());
        assertEquals(3, result.pages());
        long[] last = progress.get(progress.size() - 1);
        assertEquals(250, last[0]);
        assertEquals(250, last[1]);
        // Distinct: the JDK client may transparently resend a GET on a pooled connection the server closed.
        assertEquals(List.of("/api/governance/virtual-keys?limit=100&offset=0&export=true",
                        "/api/governance/virtual-keys?limit=100&offset=100&export=true",
                        "/api/governance/virtual-keys?limit=100&offset=200&export=true"),
                gateway.requestLog().stream().distinct().sorted().toList());
    }

    @Test
    void manySmallPagesReadAheadStillArriveOnceEachAndInOrder() throws IOException {
        KeyPager pager = new KeyPager(KeyPageSource.of(client), 7);
        List<String> ids = new ArrayList<>();
        KeyPager.Outcome outcome = pager.forEach(VirtualKeyQuery.all(), ExportScope.ALL_MATCHING,
                key -> ids.add(key.id()), ProgressListener.NONE, new Cancellation());
        assertEquals(gateway.store().virtualKeys().stream().map(VirtualKey::id).toList(), ids);
        assertEquals(36, outcome.pages());
        assertEquals(36, gateway.requestLog().stream().distinct().count(), "no request beyond the last page");
    }

    @Test
    void aServerThatCapsPagesBelowTheAskedSizeIsPagedByWhatItSent() throws IOException {
        KeyPageSource capsAt30 = (query, sink) -> client.streamVirtualKeys(query.withLimit(30), sink);
        List<String> ids = new ArrayList<>();
        new KeyPager(capsAt30, PAGE).forEach(VirtualKeyQuery.all(), ExportScope.ALL_MATCHING,
                key -> ids.add(key.id()), ProgressListener.NONE, new Cancellation());
        assertEquals(gateway.store().virtualKeys().stream().map(VirtualKey::id).toList(), ids);
    }

    @Test
    void jsonHoldsTheKeysAsTheModelDoesWithoutTheirValues() throws IOException {
        Path file = dir.resolve("keys.json");
        exporter(KeyPageSource.of(client)).toFile(file,
                ExportRequest.allMatching(VirtualKeyQuery.all(), ExportFormat.JSON), ProgressListener.NONE,
                new Cancellation());

        List<VirtualKey> read = Json.mapper().readValue(file.toFile(), new TypeReference<>() { });
        List<VirtualKey> expected = gateway.store().virtualKeys().stream().map(VirtualKey::withoutValue).toList();
        assertEquals(expected, read);
        assertFalse(Files.readString(file).contains("sk-bf-"), "no key value in the file");
    }

    @Test
    void keyValuesAreWrittenOnlyWhenAskedFor() throws IOException {
        Path file = dir.resolve("keys.json");
        exporter(KeyPageSource.of(client)).toFile(file,
                ExportRequest.allMatching(VirtualKeyQuery.all(), ExportFormat.JSON).withSecrets(true),
                ProgressListener.NONE, new Cancellation());
        List<VirtualKey> read = Json.mapper().readValue(file.toFile(), new TypeReference<>() { });
        assertEquals(gateway.store().virtualKeys(), read);
    }

    @Test
    void filteredAndSortedExportMatchesWhatTheServerListsForTheSameQuery() throws IOException {
        GovernanceStore store = gateway.store();
        String teamId = store.teams().get(0).id();
        VirtualKeyQuery query = VirtualKeyQuery.all().withTeamId(teamId)
                .withSort(bifrostconsole.api.SortField.NAME, bifrostconsole.api.SortOrder.DESC);
        List<String> expected = store.listVirtualKeys(GovernanceStore.parseQuery(
                query.withExport(true).withLimit(10_000).toQueryString())).items().stream().map(VirtualKey::id).toList();
        assertTrue(expected.size() > 0 && expected.size() < 250, "the team filter selects some keys: " + expected.size());

        Path file = dir.resolve("team.csv");
        ExportResult result = exporter(KeyPageSource.of(client)).toFile(file,
                ExportRequest.allMatching(query, ExportFormat.CSV), ProgressListener.NONE, new Cancellation());

        List<List<String>> rows = CsvRows.parse(Files.readString(file));
        assertEquals(expected, CsvRows.ids(rows));
        assertTrue(rows.subList(1, rows.size()).stream().allMatch(r -> r.get(4).equals(teamId)));
        assertEquals(expected.size(), result.keys());
    }

    @Test
    void anEmptySelectionGivesAHeaderOnlyCsvAndAnEmptyJsonArray() throws IOException {
        VirtualKeyQuery nothing = VirtualKeyQuery.all().withSearch("no key is called this");
        Path csv = dir.resolve("none.csv");
        Path json = dir.resolve("none.json");
        ExportResult r = exporter(KeyPageSource.of(client)).toFile(csv,
                ExportRequest.allMatching(nothing, ExportFormat.CSV), ProgressListener.NONE, new Cancellation());
        exporter(KeyPageSource.of(client)).toFile(json,
                ExportRequest.allMatching(nothing, ExportFormat.JSON), ProgressListener.NONE, new Cancellation());

        assertEquals(0, r.keys());
        assertEquals(List.of(CsvKeyWriter.COLUMNS), CsvRows.parse(Files.readString(csv)));
        assertEquals("[]", Files.readString(json).strip());
    }

    @Test
    void currentPageScopeExportsExactlyThePageOnScreen() throws IOException {
        VirtualKeyQuery page2 = VirtualKeyQuery.firstPage(25).withOffset(25);
        Path file = dir.resolve("page.csv");
        ExportResult result = exporter(KeyPageSource.of(client)).toFile(file,
                new ExportRequest(page2, ExportScope.CURRENT_PAGE, ExportFormat.CSV, false), ProgressListener.NONE,
                new Cancellation());

        List<String> expected = gateway.store().virtualKeys().subList(25, 50).stream().map(VirtualKey::id).toList();
        List<List<String>> rows = CsvRows.parse(Files.readString(file));
        assertEquals(expected, CsvRows.ids(rows));
        assertEquals(25, result.keys());
        assertEquals(1, gateway.requestLog().size());
    }

    @Test
    void aServerErrorOnTheSecondPageLeavesTheEarlierFileIntactAndNoTemporaryFile() throws IOException {
        assertFailureOnSecondPageKeepsOldFile(DemoGateway.Fault.status(500), ApiException.Kind.SERVER_ERROR);
    }

    @Test
    void aSecondPageCutOffHalfwayLeavesTheEarlierFileIntactAndNoTemporaryFile() throws IOException {
        assertFailureOnSecondPageKeepsOldFile(DemoGateway.Fault.truncatedJson(), ApiException.Kind.BAD_JSON);
    }

    private void assertFailureOnSecondPageKeepsOldFile(DemoGateway.Fault fault, ApiException.Kind expected)
            throws IOException {
        Path file = dir.resolve("keys.csv");
        Files.writeString(file, "the good export of last week\n");
        AtomicInteger calls = new AtomicInteger();
        KeyPageSource failsSecondPage = (query, sink) -> {
            if (calls.incrementAndGet() == 2) {
                gateway.injectFault("/api/governance/virtual-keys", fault);
            }
            return client.streamVirtualKeys(query, sink);
        };

        ApiException e = assertThrows(ApiException.class, () -> exporter(failsSecondPage).toFile(file,
                ExportRequest.allMatching(VirtualKeyQuery.all(), ExportFormat.CSV), ProgressListener.NONE,
                new Cancellation()));

        assertEquals(expected, e.kind());
        // The third page may have been asked for while the second was read; it is dropped with the rest.
        assertTrue(calls.get() <= 3, "stopped at the failing page: " + calls.get());
        assertEquals("the good export of last week\n", Files.readString(file));
        assertEquals(List.of(file), TestFiles.in(dir), "no temporary file left behind");
    }

    @Test
    void cancellingHalfwayStopsTheExportAndKeepsTheEarlierFile() throws IOException {
        Path file = dir.resolve("keys.json");
        Files.writeString(file, "[]\n");
        Cancellation cancellation = new Cancellation();
        ProgressListener cancelAfterFirstPage = (done, total) -> {
            if (done >= PAGE) {
                cancellation.cancel();
            }
        };

        assertThrows(CancellationException.class, () -> exporter(KeyPageSource.of(client)).toFile(file,
                ExportRequest.allMatching(VirtualKeyQuery.all(), ExportFormat.JSON), cancelAfterFirstPage,
                cancellation));

        assertEquals("[]\n", Files.readString(file));
        assertEquals(List.of(file), TestFiles.in(dir));
        assertEquals(List.of("/api/governance/virtual-keys?limit=100&offset=0&export=true"),
                gateway.requestLog().stream().distinct().toList(), "no request after the cancel");
    }

    @Test
    void aFailedWriteIsReportedAsTheDiskFailureNotAsANetworkOne() {
        KeyPager pager = new KeyPager(KeyPageSource.of(client), PAGE);
        IOException e = assertThrows(IOException.class, () -> pager.forEach(VirtualKeyQuery.all(),
                ExportScope.ALL_MATCHING, key -> {
                    throw new IOException("No space left on device");
                }, ProgressListener.NONE, new Cancellation()));
        assertEquals("No space left on device", e.getMessage());
    }

    @Test
    void asyncExportRunsOnTheBackgroundExecutor() throws Exception {
        Path file = dir.resolve("async.csv");
        List<String> threads = new ArrayList<>();
        ExportResult result = exporter(KeyPageSource.of(client)).toFileAsync(file,
                ExportRequest.allMatching(VirtualKeyQuery.all(), ExportFormat.CSV), ProgressListener.NONE,
                command -> new Thread(() -> {
                    threads.add(Thread.currentThread().getName());
                    command.run();
                }, "export-worker").start()).get(10, TimeUnit.SECONDS);
        assertEquals(250, result.keys());
        assertEquals(List.of("export-worker"), threads);
        assertEquals(251, CsvRows.parse(Files.readString(file)).size());
    }

    @Test
    void cancellingTheAsyncFutureAbortsTheRequestAndKeepsTheEarlierFile() throws Exception {
        Path file = dir.resolve("keys.csv");
        Files.writeString(file, "old\n");
        // The answer is held, and the client waits for it, far longer than the test waits below: only the cancel
        // can end this export in time.
        gateway.injectFault("/api/governance/virtual-keys", DemoGateway.Fault.delay(Duration.ofMinutes(5)));
        ManagementApiClient patient = new ManagementApiClient(gateway.settings()
                .withTimeouts(Duration.ofSeconds(5), Duration.ofMinutes(5)));
        CompletableFuture<CompletableFuture<Page<VirtualKey>>> firstRequest = new CompletableFuture<>();
        KeyPageSource watched = (query, sink) -> {
            CompletableFuture<Page<VirtualKey>> request = patient.streamVirtualKeys(query, sink);
            firstRequest.complete(request);
            return request;
        };
        ExecutorService worker = Executors.newSingleThreadExecutor();
        CompletableFuture<ExportResult> export = exporter(watched).toFileAsync(file,
                ExportRequest.allMatching(VirtualKeyQuery.all(), ExportFormat.CSV), ProgressListener.NONE, worker);
        CompletableFuture<Page<VirtualKey>> inFlight = Wait.get(firstRequest);
        gateway.awaitRequest("/api/governance/virtual-keys?limit=100&offset=0");
        assertEquals(2, TestFiles.in(dir).size(), "mid-export: the temporary file is being written beside the old one");

        assertTrue(export.cancel(true));
        worker.shutdown();

        assertTrue(worker.awaitTermination(Wait.TIMEOUT.toSeconds(), TimeUnit.SECONDS),
                "the export ended without waiting for the held answer");
        assertTrue(inFlight.isCancelled(), "the request in flight was aborted");
        assertEquals(List.of(file), TestFiles.in(dir), "the temporary file is removed after the cancel");
        assertEquals("old\n", Files.readString(file));
    }
}
