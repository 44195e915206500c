package bifrostconsole.bench;

import bifrostconsole.api.ConnectionSettings;
import bifrostconsole.api.ManagementApiClient;
import bifrostconsole.api.Secret;
import bifrostconsole.api.VirtualKey;
import bifrostconsole.api.VirtualKeyQuery;
import bifrostconsole.changes.ChangeEngine;
import bifrostconsole.changes.ChangeListener;
import bifrostconsole.changes.KeyChange;
import bifrostconsole.changes.KeyOutcome;
import bifrostconsole.changes.KeySelection;
import bifrostconsole.changes.RunResult;
import bifrostconsole.demo.DemoDataGenerator;
import bifrostconsole.demo.DemoGateway;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Disabling then enabling 1,000 keys on the demo gateway through the change engine (re-read, guard, PUT, History
 * for every key), in bulk ({@link ChangeEngine#DEFAULT_CONCURRENCY} keys at a time) against one key at a time in
 * sequence (each key its own one-key change, one after another), in the same run. The gateway holds 2,000 keys and runs in this JVM, as the demo workspace does.
 */
final class BulkWriteBenchmark implements Benchmarks.Benchmark {
    private static final int KEYS = 1_000;
    private static final int WARM_UP_KEYS = 200;

    @Override
    public String description() {
        return "disable then enable " + KEYS + " keys: bulk (" + ChangeEngine.DEFAULT_CONCURRENCY
                + " at a time) vs one at a time";
    }

    @Override
    public void run(PrintStream out) throws Exception {
        Path data = Files.createTempDirectory("bulk-write-bench");
        ExecutorService io = Executors.newSingleThreadExecutor();
        try (DemoGateway gateway = DemoGateway.start(DemoGateway.Options.of(
                DemoDataGenerator.generate(42, 2 * KEYS, Instant.now())).withApiKey("bench-key"))) {
            ManagementApiClient client = new ManagementApiClient(ConnectionSettings.of(gateway.baseUrl(),
                    Secret.of("bench-key")));
            ChangeEngine engine = ChangeEngine.inDataFolder(client, data, io);
            List<VirtualKey> active = KeySelection.allMatching(client, VirtualKeyQuery.all()).get(1, TimeUnit.MINUTES)
                    .stream().filter(VirtualKey::active).toList();
            List<VirtualKey> targets = active.subList(0, KEYS);
            List<VirtualKey> warmUp = active.subList(KEYS, KEYS + WARM_UP_KEYS);

            // Each round plans against the keys as the previous round left them, as an admin's window would
            // after refreshing: planning against older copies would (rightly) be refused by the guard.
            warmUp = round(gateway, engine, warmUp, 0).keys();
            round(gateway, engine, warmUp, ChangeEngine.DEFAULT_CONCURRENCY);

            Round sequential = round(gateway, engine, targets, 0);
            Round bulk = round(gateway, engine, sequential.keys(), ChangeEngine.DEFAULT_CONCURRENCY);
            String bulkMix = requestMix(gateway);
            Round eight = round(gateway, engine, bulk.keys(), 8);
            out.printf("one at a time:        %6.2f s  (%.2f ms a key and change)  failures %d%n",
                    sequential.seconds(), sequential.seconds() * 1000 / (2 * KEYS), sequential.failures());
            out.printf("bulk, %d at a time:    %6.2f s  (%.2f ms a key and change)  failures %d  peak %d requests"
                            + " in flight%n", ChangeEngine.DEFAULT_CONCURRENCY, bulk.seconds(),
                    bulk.seconds() * 1000 / (2 * KEYS), bulk.failures(), bulk.peak());
            out.printf("the bulk run's last 500 requests: %s%n", bulkMix);
            out.printf("bulk is %.2fx faster (aim: at least 3x, no failures)%n", sequential.seconds() / bulk.seconds());
            out.printf("for comparison, 8 at a time: %6.2f s  (%.2fx)  failures %d%n", eight.seconds(),
                    sequential.seconds() / eight.seconds(), eight.failures());
            // What the transport alone gains from requests in parallel on this machine: plain GETs of the same keys.
            double oneGet = plainGets(client, targets, 1);
            double fourGets = plainGets(client, targets, ChangeEngine.DEFAULT_CONCURRENCY);
            out.printf("plain GETs of the same keys, one at a time vs %d: %.2f ms vs %.2f ms a request (%.2fx):"
                            + " the HTTP stack's own gain here%n", ChangeEngine.DEFAULT_CONCURRENCY, oneGet, fourGets,
                    oneGet / fourGets);
            out.printf("History lines written: %,d%n", Files.readAllLines(data.resolve("history.jsonl")).size());
        } finally {
            io.shutdownNow();
        }
    }

    /** Milliseconds a GET of each key takes, {@code concurrency} in flight at a time. */
    private static double plainGets(ManagementApiClient client, List<VirtualKey> keys, int concurrency)
            throws Exception {
        java.util.concurrent.Semaphore slots = new java.util.concurrent.Semaphore(concurrency);
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(keys.size());
        long start = System.nanoTime();
        for (VirtualKey k : keys) {
            slots.acquire();
            client.getVirtualKey(k.id()).whenComplete((v, f) -> {
                slots.release();
                done.countDown();
            });
        }
        if (!done.await(5, TimeUnit.MINUTES)) {
            throw new IllegalStateException("GETs did not finish");
        }
        return (System.nanoTime() - start) / 1e6 / keys.size();
    }

    /** The server's answers, or the key as it was where a key failed (it is counted and named as a failure). */
    private static List<VirtualKey> answers(RunResult result, List<VirtualKey> before) {
        List<VirtualKey> keys = new ArrayList<>();
        for (int i = 0; i < before.size(); i++) {
            VirtualKey after = result.outcomes().get(i).after();
            keys.add(after != null ? after : before.get(i));
        }
        return keys;
    }

    private static RunResult change(ChangeEngine engine, List<VirtualKey> keys, KeyChange change, int concurrency)
            throws Exception {
        if (concurrency > 0) {
            return engine.start(engine.plan(keys, change), concurrency, ChangeListener.NONE, Runnable::run).result()
                    .get(10, TimeUnit.MINUTES);
        }
        List<KeyOutcome> outcomes = new ArrayList<>();
        for (VirtualKey key : keys) {
            outcomes.addAll(engine.start(List.of(engine.plan(key, change)), 1, ChangeListener.NONE, Runnable::run)
                    .result().get(1, TimeUnit.MINUTES).outcomes());
        }
        return new RunResult(outcomes, null);
    }

    /** What the last (up to 500) requests of a round were: the bulk run's mix of page reads, GETs and PUTs. */
    private static String requestMix(DemoGateway gateway) {
        Map<String, Long> mix = gateway.recentRequests().stream().collect(Collectors.groupingBy(r -> r.method()
                + (r.uri().contains("?") ? " page" : ""), TreeMap::new, Collectors.counting()));
        return mix.toString();
    }

    private record Round(double seconds, long failures, int peak, List<VirtualKey> keys) {
    }

    /**
     * Disable, then enable the same keys planned against the answers of the disable, as the window would.
     * {@code concurrency} 0: one key at a time, each its own change (a run of one key, as a row action in the
     * window or {@code keys disable ID} sends it), one after another; otherwise one bulk run of all the keys.
     */
    private static Round round(DemoGateway gateway, ChangeEngine engine, List<VirtualKey> keys, int concurrency)
            throws Exception {
        gateway.clearRequestLog();
        long start = System.nanoTime();
        RunResult disabled = change(engine, keys, KeyChange.disable(), concurrency);
        disabled.problems().stream().limit(3).forEach(p -> System.out.println("  not done: " + p.keyId() + ": "
                + p.status().word() + ": " + p.reason()));
        List<VirtualKey> after = answers(disabled, keys);
        RunResult enabled = change(engine, after, KeyChange.enable(), concurrency);
        double seconds = (System.nanoTime() - start) / 1e9;
        long failures = disabled.outcomes().size() - disabled.count(KeyOutcome.Status.DONE)
                + enabled.outcomes().size() - enabled.count(KeyOutcome.Status.DONE);
        enabled.problems().stream().limit(3).forEach(p -> System.out.println("  not done: " + p.keyId() + ": "
                + p.status().word() + ": " + p.reason()));
        return new Round(seconds, failures, gateway.peakConcurrentRequests(), answers(enabled, after));
    }
}
