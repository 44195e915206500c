package bifrostconsole.headroom;

import bifrostconsole.api.Customer;
import bifrostconsole.api.GovernanceSource;
import bifrostconsole.api.ListQuery;
import bifrostconsole.api.LogsAnswer;
import bifrostconsole.api.ManagementApiClient;
import bifrostconsole.api.Page;
import bifrostconsole.api.Team;
import bifrostconsole.api.VirtualKey;
import bifrostconsole.api.VirtualKeyQuery;
import bifrostconsole.api.VirtualKeyStream;
import bifrostconsole.export.Cancellation;
import bifrostconsole.export.KeyPageSource;
import bifrostconsole.export.KeyReading;
import bifrostconsole.export.KeyPager;
import bifrostconsole.export.ProgressListener;
import bifrostconsole.testing.DemoGatewayExtension;
import com.fasterxml.jackson.databind.ObjectReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A scan binds only what it reads of each key ({@link ScanKeyReader}) and reads the logs' ranking beside the keys;
 * neither may change what it finds. The overview, the alerts and the report are drawn from the {@link ScanResult}
 * alone, so the same result is the same overview.
 */
class GatewayScanReadingTest {
    static final Instant NOW = Instant.parse("2026-11-27T06:00:00Z");
    static final Duration WEEK = Duration.ofDays(7);

    @RegisterExtension
    static final DemoGatewayExtension gateway = DemoGatewayExtension.withKeys(7, 2_000).asOf(NOW)
            .configured(g -> g.logRoutes().setClock(Clock.fixed(NOW, ZoneOffset.UTC)));

    private static GatewayScan scan(GovernanceSource source, KeyPageSource keys, ObjectReader reader) {
        return new GatewayScan(source, new KeyPager(keys, 500), Clock.fixed(NOW, ZoneOffset.UTC), reader);
    }

    private static ScanResult run(GatewayScan scan) throws Exception {
        return scan.run(new Attention(0.8, WEEK), WEEK, null, ProgressListener.NONE, new Cancellation());
    }

    @Test
    void theNarrowReadingGivesTheScanOfTheFullModel() throws Exception {
        ManagementApiClient client = gateway.client();
        ScanResult full = run(scan(client, KeyPageSource.of(client), VirtualKeyStream.fullReader()));
        ScanResult narrow = run(scan(client, KeyPageSource.of(client), ScanKeyReader.READER));
        assertEquals(2_000, full.keys());
        for (Reason reason : Reason.values()) {
            assertTrue(full.count(reason) > 0, "the demo has keys that are " + reason);
        }
        assertTrue(full.attention().stream().anyMatch(i -> i.binding() != null
                && i.limit() != null && i.limit().level() == Level.PROVIDER), "some keys are bound by a provider");
        assertEquals(comparable(full), comparable(narrow));
    }

    /** Without the team and customer lists the keys' embedded teams and customers count: read the same way too. */
    @Test
    void theNarrowReadingGivesTheSameScanFromTheKeysEmbeddedOwners() throws Exception {
        ManagementApiClient client = gateway.client();
        GovernanceSource noOwners = new WithoutOwners(client);
        ScanResult full = run(scan(noOwners, KeyPageSource.of(client), VirtualKeyStream.fullReader()));
        ScanResult narrow = run(scan(noOwners, KeyPageSource.of(client), ScanKeyReader.READER));
        assertEquals(0, full.teams());
        assertTrue(full.attention().stream().anyMatch(i -> i.limit() != null
                && i.limit().level() == Level.TEAM), "embedded teams' budgets bind some keys");
        assertEquals(comparable(full), comparable(narrow));
    }

    /**
     * The scan's own reading, off each key's bytes ({@link ScanKeyReading}), gives the scan of the Jackson binding
     * (narrow and full), with the owner lists and from the keys' embedded owners alone.
     */
    @Test
    void theScannerReadingGivesTheScanOfTheBinding() throws Exception {
        ManagementApiClient client = gateway.client();
        for (GovernanceSource source : List.of(client, new WithoutOwners(client))) {
            ScanResult full = run(scan(source, KeyPageSource.of(client), VirtualKeyStream.fullReader()));
            ScanResult bound = run(scan(source, KeyPageSource.of(client), ScanKeyReader.READER));
            ScanResult scanned = run(new GatewayScan(source, new KeyPager(KeyPageSource.of(client), 500),
                    Clock.fixed(NOW, ZoneOffset.UTC), ScanKeyReading.reading()));
            ScanResult byDefault = run(new GatewayScan(source, new KeyPager(KeyPageSource.of(client), 500),
                    Clock.fixed(NOW, ZoneOffset.UTC)));
            assertEquals(2_000, scanned.keys());
            assertEquals(comparable(full), comparable(scanned), source.displayName());
            assertEquals(comparable(bound), comparable(scanned), source.displayName());
            assertEquals(comparable(scanned), comparable(byDefault), "the scan reads with the scanner by default");
        }
    }

    /**
     * The logs' ranking is read beside the keys: whether it answers before the first key, in the middle or after
     * the last, the unused list and every other list are the same, in the same order.
     */
    @Test
    void theLogsAnsweringDuringOrAfterTheKeysGiveTheSameScan() throws Exception {
        ManagementApiClient client = gateway.client();
        CompletableFuture<LogsAnswer<Map<String, Long>>> answer = client.keyTraffic(NOW.minus(WEEK), NOW);
        answer.get();
        ScanResult first = run(scan(new LateTraffic(client, answer), KeyPageSource.of(client),
                ScanKeyReader.READER));
        assertTrue(first.count(Reason.UNUSED) > 0);
        assertEquals(WEEK, first.rules().traffic().period());
        assertTrue(first.rules().traffic().available() && first.rules().traffic().requests().isEmpty(),
                "the result keeps what the logs decided, not every key's requests");
        for (int after : new int[] {1, 700, 2_000}) {
            CompletableFuture<LogsAnswer<Map<String, Long>>> late = new CompletableFuture<>();
            AtomicInteger seen = new AtomicInteger();
            KeyPageSource counting = new KeyPageSource() {
                @Override
                public CompletableFuture<Page<VirtualKey>> streamPage(VirtualKeyQuery query, Consumer<VirtualKey> sink) {
                    return streamPage(query, KeyReading.model(VirtualKeyStream.fullReader()), sink);
                }

                @Override
                public <T> CompletableFuture<Page<VirtualKey>> streamPage(VirtualKeyQuery query, KeyReading<T> reading,
                                                                          Consumer<T> sink) {
                    return client.streamVirtualKeys(query, reading.decoder(), key -> {
                        sink.accept(key);
                        if (seen.incrementAndGet() == after) {
                            late.complete(answer.join());
                        }
                    });
                }
            };
            ScanResult later = run(scan(new LateTraffic(client, late), counting, ScanKeyReader.READER));
            assertEquals(comparable(first), comparable(later), "the logs answering after key " + after);
        }
    }

    /** The sink gets the keys needing attention in the order they were read, however late the logs answer. */
    @Test
    void aSinkGetsTheKeysInTheirOrderWhenTheLogsAnswerLate() throws Exception {
        ManagementApiClient client = gateway.client();
        CompletableFuture<LogsAnswer<Map<String, Long>>> answer = client.keyTraffic(NOW.minus(WEEK), NOW);
        answer.get();
        List<String> early = new ArrayList<>();
        scan(new LateTraffic(client, answer), KeyPageSource.of(client), ScanKeyReader.READER).run(
                new Attention(0.8, WEEK), WEEK, i -> early.add(i.keyId() + i.reasons()), ProgressListener.NONE,
                new Cancellation());
        CompletableFuture<LogsAnswer<Map<String, Long>>> timed = new CompletableFuture<>();
        List<String> mid = new ArrayList<>();
        AtomicInteger read = new AtomicInteger();
        KeyPageSource counting = new KeyPageSource() {
            @Override
            public CompletableFuture<Page<VirtualKey>> streamPage(VirtualKeyQuery query, Consumer<VirtualKey> sink) {
                return client.streamVirtualKeys(query, key -> {
                    sink.accept(key);
                    if (read.incrementAndGet() == 900) {
                        timed.complete(answer.join());
                    }
                });
            }
        };
        scan(new LateTraffic(client, timed), counting, ScanKeyReader.READER).run(new Attention(0.8, WEEK), WEEK,
                i -> mid.add(i.keyId() + i.reasons()), ProgressListener.NONE, new Cancellation());
        assertEquals(early, mid);
    }

    /** The scan sorts by urgency with each item's keys worked out once: the order of the comparator itself. */
    @Test
    void theUrgencySortIsTheComparatorsOrder() throws Exception {
        ManagementApiClient client = gateway.client();
        List<AttentionItem> read = new ArrayList<>();
        scan(client, KeyPageSource.of(client), ScanKeyReader.READER).run(new Attention(0.5, WEEK), WEEK, read::add,
                ProgressListener.NONE, new Cancellation());
        List<AttentionItem> byComparator = new ArrayList<>(read);
        byComparator.sort(GatewayScan.URGENCY);
        List<AttentionItem> sorted = new ArrayList<>(read);
        GatewayScan.sortByUrgency(sorted);
        assertTrue(read.size() > 1_000);
        assertEquals(byComparator, sorted);
    }

    /** Everything a scan found, with arrays as lists so that equal results compare equal. */
    private static List<Object> comparable(ScanResult r) {
        Map<String, Map<String, List<Double>>> windows = new TreeMap<>();
        r.spendByWindow().forEach((level, byWindow) -> {
            Map<String, List<Double>> sums = new LinkedHashMap<>();
            byWindow.forEach((w, s) -> sums.put(w, Arrays.stream(s).boxed().toList()));
            windows.put(level, sums);
        });
        return List.of(r.at(), r.keys(), r.active(), r.inactive(), r.expired(), r.expiring(), r.exhausted(),
                r.unbounded(), r.teams(), r.customers(), windows, new TreeMap<>(r.spendByTeam()),
                new TreeMap<>(r.spendByCustomer()), Arrays.toString(r.usedDistribution()), r.attention(), r.rules(),
                r.owners());
    }

    /** The gateway's keys and logs, with empty team and customer lists. */
    private static class WithoutOwners implements GovernanceSource {
        final ManagementApiClient client;

        WithoutOwners(ManagementApiClient client) {
            this.client = client;
        }

        @Override
        public CompletableFuture<Page<VirtualKey>> listVirtualKeys(VirtualKeyQuery query) {
            return client.listVirtualKeys(query);
        }

        @Override
        public CompletableFuture<VirtualKey> getVirtualKey(String id) {
            return client.getVirtualKey(id);
        }

        @Override
        public CompletableFuture<Page<Team>> listTeams(ListQuery query) {
            return CompletableFuture.completedFuture(Page.of(List.of(), 0, 0L, query.limit(), 0));
        }

        @Override
        public CompletableFuture<Page<Customer>> listCustomers(ListQuery query) {
            return CompletableFuture.completedFuture(Page.of(List.of(), 0, 0L, query.limit(), 0));
        }

        @Override
        public String displayName() {
            return "without owners";
        }

        @Override
        public CompletableFuture<LogsAnswer<Map<String, Long>>> keyTraffic(Instant start, Instant end) {
            return client.keyTraffic(start, end);
        }
    }

    /** The gateway's owners, with the logs' ranking answered by the given future. */
    private static final class LateTraffic extends WithoutOwners {
        private final CompletableFuture<LogsAnswer<Map<String, Long>>> traffic;

        LateTraffic(ManagementApiClient client, CompletableFuture<LogsAnswer<Map<String, Long>>> traffic) {
            super(client);
            this.traffic = traffic;
        }

        @Override
        public CompletableFuture<Page<Team>> listTeams(ListQuery query) {
            return client.listTeams(query);
        }

        @Override
        public CompletableFuture<Page<Customer>> listCustomers(ListQuery query) {
            return client.listCustomers(query);
        }

        @Override
        public CompletableFuture<LogsAnswer<Map<String, Long>>> keyTraffic(Instant start, Instant end) {
            return traffic;
        }
    }
}
