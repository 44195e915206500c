package bifrostconsole.bench;

import bifrostconsole.api.Json;
import bifrostconsole.api.ManagementApiClient;
import bifrostconsole.api.VirtualKey;
import bifrostconsole.demo.DemoDataGenerator;
import bifrostconsole.store.GovernanceStore;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;

import java.io.PrintStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Binding a 10,000-key export page into the model, the client's way (one reader for the list envelope), against
 * Jackson's {@code readTree} of the same bytes: the tree is the floor any JSON reading pays, so the ratio shows
 * what the typed model costs on top. Also the streaming reader {@code streamVirtualKeys} uses.
 */
final class ParseBenchmark implements Benchmarks.Benchmark {
    private static final int KEYS = 10_000;
    private static final int WARM_UP = 3;
    private static final int RUNS = 9;

    @Override
    public String description() {
        return "bind a " + KEYS + "-key export payload into the model vs Jackson readTree";
    }

    @Override
    public void run(PrintStream out) throws Exception {
        ObjectMapper mapper = Json.mapper();
        GovernanceStore store = DemoDataGenerator.generate(7, KEYS, Instant.parse("2026-11-27T06:00:00Z"));
        List<VirtualKey> keys = store.virtualKeys();
        byte[] payload = mapper.writeValueAsBytes(Map.of("virtual_keys", keys, "count", keys.size(),
                "total_count", keys.size(), "limit", 0, "offset", 0));
        out.printf("payload: %,d keys, %.1f MB of JSON (the demo gateway's export=true answer)%n", KEYS,
                payload.length / 1e6);

        ObjectReader envelopeReader = mapper.readerFor(ManagementApiClient.VirtualKeyList.class);
        // The same model read with jackson-datatype-jsr310's own Instant reader (the last module registered wins),
        // to show what the RFC 3339 fast path in Json.mapper() is worth.
        ObjectReader stockInstantReader = mapper.copy()
                .registerModule(new SimpleModule("stock-instant").addDeserializer(Instant.class, InstantDeserializer.INSTANT))
                .readerFor(ManagementApiClient.VirtualKeyList.class);
        ObjectReader keyReader = mapper.readerFor(VirtualKey.class);
        List<Callable<Integer>> readers = List.of(
                () -> ((ManagementApiClient.VirtualKeyList) envelopeReader.readValue(payload)).virtualKeys().size(),
                () -> mapper.readTree(payload).get("virtual_keys").size(),
                () -> streamKeys(mapper, keyReader, payload),
                () -> ((ManagementApiClient.VirtualKeyList) stockInstantReader.readValue(payload)).virtualKeys().size());
        long[][] samples = new long[readers.size()][RUNS];
        for (int i = -WARM_UP; i < RUNS; i++) {
            // Each reader starts on a collected heap and the order rotates, so neither a noisy neighbour nor the
            // previous reader's garbage is charged to one reader more than to another.
            for (int r = 0; r < readers.size(); r++) {
                int which = Math.floorMod(r + i, readers.size());
                System.gc();
                long start = System.nanoTime();
                int read = readers.get(which).call();
                long elapsed = System.nanoTime() - start;
                if (read != KEYS) {
                    throw new IllegalStateException("reader " + which + " read " + read + " keys");
                }
                if (i >= 0) {
                    samples[which][i] = elapsed;
                }
            }
        }
        long[] bind = samples[0];
        long[] tree = samples[1];
        long[] stream = samples[2];
        long[] stock = samples[3];
        double treeMs = Benchmarks.medianMillis(tree);
        double bindMs = Benchmarks.medianMillis(bind);
        double streamMs = Benchmarks.medianMillis(stream);
        double stockMs = Benchmarks.medianMillis(stock);
        out.printf("Jackson readTree          median %7.1f ms  min %7.1f ms  (%d runs after %d warm-up)%n", treeMs,
                Benchmarks.percentileMillis(tree, 0), RUNS, WARM_UP);
        out.printf("bind envelope (client)    median %7.1f ms  min %7.1f ms%n", bindMs, Benchmarks.percentileMillis(bind, 0));
        out.printf("bind streamed key by key  median %7.1f ms%n", streamMs);
        out.printf("bind, stock jsr310 Instant median %7.1f ms  (without the RFC 3339 fast path)%n", stockMs);
        out.printf("bind / readTree = %.2fx   streamed / readTree = %.2fx   (aim: <= 1.30x)%n",
                bindMs / treeMs, streamMs / treeMs);
        out.printf("stock-Instant bind / readTree = %.2fx%n", stockMs / treeMs);
    }

    /** What ManagementApiClient.streamVirtualKeys does with the body: one key at a time off the parser. */
    private static int streamKeys(ObjectMapper mapper, ObjectReader keyReader, byte[] payload) throws Exception {
        int seen = 0;
        try (JsonParser p = mapper.createParser(payload)) {
            p.nextToken();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (field.equals("virtual_keys") && value == JsonToken.START_ARRAY) {
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        keyReader.readValue(p, VirtualKey.class);
                        seen++;
                    }
                } else {
                    p.skipChildren();
                }
            }
        }
        return seen;
    }
}
