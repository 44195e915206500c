package bifrostconsole.bench;

import bifrostconsole.api.ConnectionSettings;
import bifrostconsole.api.Json;
import bifrostconsole.api.ManagementApiClient;
import bifrostconsole.api.Page;
import bifrostconsole.api.SortField;
import bifrostconsole.api.SortOrder;
import bifrostconsole.api.VirtualKey;
import bifrostconsole.api.VirtualKeyQuery;
import bifrostconsole.demo.DemoDataGenerator;
import bifrostconsole.demo.DemoGateway;
import bifrostconsole.store.GovernanceStore;

import java.io.PrintStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The demo gateway holding 100,000 keys: the client's round trip over loopback for a 100-key page, across sort
 * orders and offsets (unfiltered), and with a name search (a filtered pass over every key).
 */
final class GatewayLatencyBenchmark implements Benchmarks.Benchmark {
    private static final int KEYS = 100_000;
    private static final int WARM_UP = 200;
    private static final int RUNS = 600;

    @Override
    public String description() {
        return "demo gateway latency for a 100-key page while it holds " + KEYS + " keys";
    }

    @Override
    public void run(PrintStream out) throws Exception {
        long t0 = System.nanoTime();
        GovernanceStore store = DemoDataGenerator.generate(42, KEYS, Instant.now());
        long t1 = System.nanoTime();
        store.warmUp();
        long t2 = System.nanoTime();
        System.gc();
        Runtime rt = Runtime.getRuntime();
        out.printf("generated %,d keys in %.2f s (heap in use after GC: %d MB); sorted all 8 orders in %.2f s%n",
                KEYS, (t1 - t0) / 1e9, (rt.totalMemory() - rt.freeMemory()) >> 20, (t2 - t1) / 1e9);

        List<VirtualKeyQuery> pages = List.of(
                VirtualKeyQuery.firstPage(100),
                VirtualKeyQuery.firstPage(100).withOffset(50_000).withSort(SortField.NAME, SortOrder.ASC),
                VirtualKeyQuery.firstPage(100).withSort(SortField.BUDGET_SPENT, SortOrder.DESC),
                VirtualKeyQuery.firstPage(100).withOffset(99_900).withSort(SortField.STATUS, SortOrder.ASC),
                VirtualKeyQuery.firstPage(100).withOffset(12_300).withSort(SortField.NAME, SortOrder.DESC),
                VirtualKeyQuery.firstPage(100).withOffset(70_000).withSort(SortField.CREATED_AT, SortOrder.DESC));
        List<VirtualKeyQuery> searches = List.of(
                VirtualKeyQuery.firstPage(100).withSearch("checkout").withSort(SortField.NAME, SortOrder.ASC),
                VirtualKeyQuery.firstPage(100).withOffset(200).withSearch("PROD").withSort(SortField.BUDGET_SPENT, SortOrder.DESC));

        try (DemoGateway gateway = DemoGateway.start(DemoGateway.Options.of(store).withApiKey("bench-key"))) {
            ManagementApiClient client = new ManagementApiClient(
                    ConnectionSettings.of(gateway.baseUrl(), bifrostconsole.api.Secret.of("bench-key")));
            long[] serverSide = serverSide(store, pages);
            long[] paged = measure(client, pages);
            long[] searched = measure(client, searches);
            long[] searchedServerSide = serverSide(store, searches);
            out.printf("100-key page, 6 sort orders/offsets  median %6.2f ms  p95 %6.2f ms  (%d requests after %d warm-up)%n",
                    Benchmarks.medianMillis(paged), Benchmarks.percentileMillis(paged, 95), RUNS, WARM_UP);
            out.printf("  of which the gateway's own work     median %6.2f ms  p95 %6.2f ms  (query + JSON, no HTTP)%n",
                    Benchmarks.medianMillis(serverSide), Benchmarks.percentileMillis(serverSide, 95));
            out.printf("100-key page with a name search      median %6.2f ms  p95 %6.2f ms%n",
                    Benchmarks.medianMillis(searched), Benchmarks.percentileMillis(searched, 95));
            out.printf("  of which the gateway's own work     median %6.2f ms  p95 %6.2f ms%n",
                    Benchmarks.medianMillis(searchedServerSide), Benchmarks.percentileMillis(searchedServerSide, 95));
        }
    }

    /** The store's query and the JSON writing the gateway does per request, without sockets or the client. */
    private static long[] serverSide(GovernanceStore store, List<VirtualKeyQuery> queries) throws Exception {
        long[] samples = new long[RUNS];
        int bytes = 0;
        for (int i = -WARM_UP; i < RUNS; i++) {
            VirtualKeyQuery query = queries.get(Math.floorMod(i, queries.size()));
            long start = System.nanoTime();
            Page<VirtualKey> page = store.listVirtualKeys(GovernanceStore.parseQuery(query.toQueryString()));
            bytes += Json.mapper().writeValueAsBytes(Map.of("virtual_keys", page.items(), "count", page.count(),
                    "total_count", page.totalCount(), "limit", page.limit(), "offset", page.offset())).length;
            long elapsed = System.nanoTime() - start;
            if (i >= 0) {
                samples[i] = elapsed;
            }
        }
        if (bytes <= 0) {
            throw new IllegalStateException("nothing written");
        }
        return samples;
    }

    private static long[] measure(ManagementApiClient client, List<VirtualKeyQuery> queries) {
        long[] samples = new long[RUNS];
        for (int i = -WARM_UP; i < RUNS; i++) {
            VirtualKeyQuery query = queries.get(Math.floorMod(i, queries.size()));
            long start = System.nanoTime();
            Page<VirtualKey> page = client.listVirtualKeys(query).join();
            long elapsed = System.nanoTime() - start;
            if (page.count() == 0 || page.totalCount() == 0) {
                throw new IllegalStateException("empty page for " + query);
            }
            if (i >= 0) {
                samples[i] = elapsed;
            }
        }
        return samples;
    }
}
