package bifrostconsole.demo;

import bifrostconsole.api.Budget;
import bifrostconsole.api.Json;
import bifrostconsole.api.LogsAnswer;
import bifrostconsole.api.LogsQuery;
import bifrostconsole.api.UsageHistory;
import bifrostconsole.api.VirtualKey;
import bifrostconsole.testing.DemoGatewayExtension;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DemoLogRoutesTest {
    static final Instant NOW = Instant.parse("2026-11-27T06:30:00Z");
    /** The history ends at NOW, not at the wall clock. */
    static final Consumer<DemoGateway> PINNED = g -> g.logRoutes().setClock(Clock.fixed(NOW, ZoneOffset.UTC));
    static final HttpClient http = HttpClient.newHttpClient();

    @RegisterExtension
    static final DemoGatewayExtension gateway = DemoGatewayExtension.withKeys(7, 400).asOf(NOW).configured(PINNED);
    /** The same seed again, and another: the history follows the seed. */
    @RegisterExtension
    static final DemoGatewayExtension sameSeed = DemoGatewayExtension.withKeys(7, 400).asOf(NOW).configured(PINNED);
    @RegisterExtension
    static final DemoGatewayExtension otherSeed = DemoGatewayExtension.withKeys(8, 400).asOf(NOW).configured(PINNED);
    /** A server with logging off, or older than the logs endpoints: every logs route answers 404. */
    @RegisterExtension
    static final DemoGatewayExtension withoutLogs = DemoGatewayExtension.withKeys(7, 10).asOf(NOW)
            .configured(PINNED.andThen(g -> g.logRoutes().setEnabled(false)));

    private static String get(DemoGatewayExtension g, String pathAndQuery, int expectedStatus) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(g.baseUrl() + pathAndQuery)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(expectedStatus, r.statusCode(), r.body());
        return r.body();
    }

    private static JsonNode json(String pathAndQuery) throws Exception {
        return Json.mapper().readTree(get(gateway, pathAndQuery, 200));
    }

    private static double cost(String keyId, Instant from, Instant to) throws Exception {
        JsonNode h = json("/api/logs/histogram/cost?virtual_key_ids=" + keyId + "&start_time=" + from
                + "&end_time=" + to);
        double sum = 0;
        for (JsonNode b : h.get("buckets")) {
            sum += b.get("total_cost").asDouble();
        }
        return sum;
    }

    @Test
    void bucketSizesFollowBifrostForTheWindow() throws Exception {
        JsonNode day = json("/api/logs/histogram?start_time=" + NOW.minus(Duration.ofHours(24)) + "&end_time=" + NOW);
        assertEquals(3600, day.get("bucket_size_seconds").asLong());
        assertEquals(25, day.get("buckets").size(), "24 hours not on the hour touch 25 hourly buckets");
        assertEquals("2026-11-26T06:00:00Z", day.get("buckets").get(0).get("timestamp").asText());
        JsonNode week = json("/api/logs/histogram/tokens?period=7d");
        assertEquals(86_400, week.get("bucket_size_seconds").asLong());
        JsonNode month = json("/api/logs/histogram/cost?period=30d");
        assertEquals(86_400, month.get("bucket_size_seconds").asLong());
        assertEquals(31, month.get("buckets").size());
        JsonNode hour = json("/api/logs/histogram?period=1h");
        assertEquals(60, hour.get("bucket_size_seconds").asLong());
        JsonNode bucket = week.get("buckets").get(3);
        assertEquals(bucket.get("total_tokens").asLong(),
                bucket.get("prompt_tokens").asLong() + bucket.get("completion_tokens").asLong());
        JsonNode requests = day.get("buckets").get(10);
        assertEquals(requests.get("count").asLong(), requests.get("success").asLong() + requests.get("error").asLong());
        assertTrue(requests.get("count").asLong() > 0, "a gateway of 400 keys has traffic at any hour");
    }

    @Test
    void eachKeysHistoryAddsUpToItsBudgetCounters() throws Exception {
        int checked = 0;
        for (VirtualKey key : gateway.store().virtualKeys()) {
            List<Budget> budgets = key.budgets().stream().filter(b -> b.lastReset() != null)
                    .sorted(Comparator.comparing(Budget::lastReset).reversed()).toList();
            if (budgets.isEmpty() || checked >= 25) {
                continue;
            }
            Budget latest = budgets.get(0);
            assertEquals(latest.currentUsage(), cost(key.id(), latest.lastReset(), NOW), 0.01,
                    key.name() + "'s " + latest.resetDuration() + " window");
            if (budgets.size() > 1 && budgets.get(1).lastReset().isBefore(latest.lastReset())
                    && budgets.get(1).currentUsage() >= latest.currentUsage()) {
                assertEquals(budgets.get(1).currentUsage(), cost(key.id(), budgets.get(1).lastReset(), NOW), 0.01,
                        key.name() + "'s longer " + budgets.get(1).resetDuration() + " window holds the shorter one");
            }
            checked++;
        }
        assertEquals(25, checked);
    }

    @Test
    void sameSeedSameHistoryOtherSeedOther() throws Exception {
        String path = "/api/logs/histogram/cost?period=7d";
        assertEquals(get(gateway, path, 200), get(sameSeed, path, 200));
        assertNotEquals(get(gateway, path, 200), get(otherSeed, path, 200));
    }

    /**
     * The Usage tab of a customer asks the cost, token and request histograms for its keys and its teams' keys by
     * {@code virtual_key_ids} (the filter all three document), in groups: the sum is the customer's traffic.
     */
    @Test
    void aCustomersKeysAskedForInGroupsAddUpToItsTraffic() throws Exception {
        String customerId = gateway.store().teams().stream().filter(t -> t.customerId() != null).findFirst()
                .orElseThrow().customerId();
        List<String> ids = bifrostconsole.owners.OwnerKeys.ofCustomer(gateway.client(), customerId)
                .get(30, TimeUnit.SECONDS);
        long expected = gateway.store().virtualKeys().stream().filter(k -> customerId.equals(k.customerId())
                || k.teamId() != null && gateway.store().team(k.teamId()).map(t -> customerId.equals(t.customerId()))
                .orElse(false)).count();
        assertEquals(expected, ids.size(), "its own keys and its teams' keys, each once");
        assertTrue(ids.size() > 1);
        Instant from = NOW.minus(Duration.ofDays(7));
        LogsQuery window = LogsQuery.between(from, NOW);
        UsageHistory all = gateway.client().usageHistory(new LogsQuery(from, NOW, ids, List.of(), List.of()))
                .get(30, TimeUnit.SECONDS).value();
        UsageHistory first = gateway.client().usageHistory(new LogsQuery(from, NOW, ids.subList(0, 1), List.of(),
                List.of())).get(30, TimeUnit.SECONDS).value();
        UsageHistory rest = gateway.client().usageHistory(new LogsQuery(from, NOW, ids.subList(1, ids.size()),
                List.of(), List.of())).get(30, TimeUnit.SECONDS).value();
        UsageHistory summed = UsageHistory.sum(List.of(first, rest));
        assertEquals(all.totalCost(), summed.totalCost(), 1e-6);
        // The synthetic history rounds each answer's token and request sums per bucket: one apart at most per
        // bucket and group (a real server sums whole log entries, exactly).
        long slack = 2L * all.buckets().size();
        assertTrue(Math.abs(all.totalTokens() - summed.totalTokens()) <= slack, all.totalTokens() + " tokens, "
                + summed.totalTokens() + " summed");
        assertTrue(Math.abs(all.totalRequests() - summed.totalRequests()) <= slack, all.totalRequests()
                + " requests, " + summed.totalRequests() + " summed");
        assertTrue(all.totalRequests() > 0, "the customer's keys have traffic to chart");
        UsageHistory byCustomer = gateway.client().usageHistory(window.forCustomer(customerId))
                .get(30, TimeUnit.SECONDS).value();
        assertEquals(byCustomer.totalCost(), all.totalCost(), 1e-6, "the same traffic as Bifrost's customer filter");
        assertTrue(Math.abs(byCustomer.totalRequests() - all.totalRequests()) <= slack, "the same requests");
    }

    @Test
    void teamFilterCountsTheTeamsKeys() throws Exception {
        String teamId = gateway.store().virtualKeys().stream().filter(k -> k.teamId() != null).findFirst()
                .orElseThrow().teamId();
        Instant from = NOW.minus(Duration.ofDays(3));
        double team = 0;
        for (JsonNode b : json("/api/logs/histogram/cost?team_ids=" + teamId + "&start_time=" + from
                + "&end_time=" + NOW).get("buckets")) {
            team += b.get("total_cost").asDouble();
        }
        double keys = 0;
        for (VirtualKey k : gateway.store().virtualKeys()) {
            if (teamId.equals(k.teamId())) {
                keys += cost(k.id(), from, NOW);
            }
        }
        assertEquals(keys, team, 0.05);
    }

    @Test
    void listsAKeysNewestLogsWithoutItsValue() throws Exception {
        VirtualKey busy = gateway.store().virtualKeys().stream()
                .filter(k -> k.budgets().stream().anyMatch(b -> b.currentUsage() > 50)).findFirst().orElseThrow();
        String body = get(gateway, "/api/logs?virtual_key_ids=" + busy.id() + "&limit=20&period=30d", 200);
        JsonNode list = Json.mapper().readTree(body);
        assertEquals(20, list.get("logs").size());
        assertTrue(list.get("total").asLong() >= 20);
        Instant previous = Instant.MAX;
        for (JsonNode entry : list.get("logs")) {
            assertEquals(busy.id(), entry.get("virtual_key_id").asText());
            Instant at = Instant.parse(entry.get("timestamp").asText());
            assertFalse(at.isAfter(previous), "newest first");
            assertFalse(at.isAfter(NOW));
            previous = at;
        }
        assertFalse(body.contains(busy.plainValue()), "no key value in the logs");
        JsonNode stats = json("/api/logs/stats?virtual_key_ids=" + busy.id() + "&period=30d");
        assertEquals(list.get("total").asLong(), stats.get("total_requests").asLong(), list.get("total").asLong() / 20.0);
    }

    @Test
    void badTimesAre400() throws Exception {
        assertTrue(get(gateway, "/api/logs/histogram?start_time=yesterday", 400).contains("RFC3339"));
    }

    @Test
    void theClientMergesTheThreeHistograms() throws Exception {
        LogsAnswer<UsageHistory> answer = gateway.client().usageHistory(LogsQuery.between(NOW.minus(Duration.ofDays(7)), NOW))
                .get(10, TimeUnit.SECONDS);
        assertTrue(answer.available());
        UsageHistory history = answer.value();
        assertEquals(86_400, history.bucketSeconds());
        assertEquals(8, history.buckets().size());
        JsonNode raw = json("/api/logs/histogram/cost?start_time=" + NOW.minus(Duration.ofDays(7)) + "&end_time=" + NOW);
        assertEquals(raw.get("buckets").get(2).get("total_cost").asDouble(), history.buckets().get(2).cost(), 1e-9);
        assertTrue(history.totalTokens() > 0 && history.totalRequests() > 0);
    }

    @Test
    void theCostHistoryAloneHasTheSameCostPerBucketAndNoCounts() throws Exception {
        LogsQuery week = LogsQuery.between(NOW.minus(Duration.ofDays(7)), NOW);
        UsageHistory all = gateway.client().usageHistory(week).get(10, TimeUnit.SECONDS).value();
        UsageHistory cost = gateway.client().costHistory(week).get(10, TimeUnit.SECONDS).value();
        assertEquals(all.bucketSeconds(), cost.bucketSeconds());
        assertEquals(all.buckets().stream().map(b -> b.start() + " " + b.cost()).toList(),
                cost.buckets().stream().map(b -> b.start() + " " + b.cost()).toList());
        assertTrue(all.totalTokens() > 0);
        assertEquals(0, cost.totalTokens());
        assertEquals(0, cost.totalRequests());
        assertFalse(withoutLogs.client().costHistory(week).get(10, TimeUnit.SECONDS).available(), "404: not available");
    }

    @Test
    void aServerWithoutLogsIsNotAnError() throws Exception {
        get(withoutLogs, "/api/logs/histogram", 404);
        LogsAnswer<UsageHistory> answer = withoutLogs.client().usageHistory(LogsQuery.between(
                NOW.minus(Duration.ofDays(1)), NOW)).get(10, TimeUnit.SECONDS);
        assertFalse(answer.available());
        assertTrue(answer.notAvailable().contains("no logs endpoints (HTTP 404)"), answer.notAvailable());
    }

    @Test
    void theRankingByKeyListsExactlyTheKeysWithTrafficAndTheClientReadsIt() throws Exception {
        Instant from = NOW.minus(Duration.ofDays(7));
        JsonNode all = json("/api/logs/rankings/by-dimension?dimension=virtual_key&all=true&start_time=" + from
                + "&end_time=" + NOW);
        assertEquals("virtual_key", all.get("dimension").asText());
        java.util.Map<String, Long> ranked = new java.util.HashMap<>();
        long previous = Long.MAX_VALUE;
        for (JsonNode e : all.get("rankings")) {
            long requests = e.get("total_requests").asLong();
            assertTrue(requests > 0 && requests <= previous, "busiest first, none without requests");
            previous = requests;
            ranked.put(e.get("id").asText(), requests);
        }
        List<VirtualKey> keys = gateway.store().virtualKeys();
        assertTrue(ranked.size() > keys.size() / 2, "most demo keys have traffic: " + ranked.size());
        assertTrue(ranked.size() < keys.size(), "and some have none, for the unused list");
        // consistent with the histograms: a ranked key has cost in the window, an unranked one next to none
        int checked = 0;
        for (VirtualKey k : keys.subList(0, 40)) {
            double cost = cost(k.id(), from, NOW);
            if (ranked.containsKey(k.id())) {
                assertTrue(cost > 0, k.id());
            } else {
                assertTrue(cost < 0.01, k.id() + " costs " + cost);
            }
            checked++;
        }
        assertEquals(40, checked);
        assertEquals(100, json("/api/logs/rankings/by-dimension?dimension=virtual_key&period=7d")
                .get("rankings").size(), "Bifrost's default limit without all=true");
        get(gateway, "/api/logs/rankings/by-dimension?dimension=model", 400);

        LogsAnswer<java.util.Map<String, Long>> read = gateway.client().keyTraffic(from, NOW).get(10, TimeUnit.SECONDS);
        assertEquals(ranked, read.value());
        LogsAnswer<java.util.Map<String, Long>> none = withoutLogs.client().keyTraffic(from, NOW)
                .get(10, TimeUnit.SECONDS);
        assertFalse(none.available());
        assertTrue(none.notAvailable().contains("HTTP 404"), none.notAvailable());
    }

    @Test
    void theRankingOfEveryKeyBreaksTiesByIdAndMatchesTheSameQuestionAskedKeyByKey() throws Exception {
        // two hours: few requests per key, so many keys share a count
        Instant from = NOW.minus(Duration.ofHours(2));
        String window = "&start_time=" + from + "&end_time=" + NOW;
        JsonNode all = json("/api/logs/rankings/by-dimension?dimension=virtual_key&all=true" + window);
        int ties = 0;
        for (int i = 1; i < all.get("rankings").size(); i++) {
            JsonNode a = all.get("rankings").get(i - 1);
            JsonNode b = all.get("rankings").get(i);
            if (a.get("total_requests").asLong() == b.get("total_requests").asLong()) {
                ties++;
                assertTrue(a.get("id").asText().compareTo(b.get("id").asText()) < 0, "equal requests: by id, "
                        + a + " " + b);
            }
        }
        assertTrue(ties > 50, "the demo's keys share request counts: " + ties);
        // the same ranking asked with every key's id (the path that reads each key decoded, sorts with ids)
        String ids = String.join(",", gateway.store().virtualKeys().stream().map(VirtualKey::id).toList());
        assertEquals(all.get("rankings"), json("/api/logs/rankings/by-dimension?dimension=virtual_key&all=true"
                + window + "&virtual_key_ids=" + ids).get("rankings"));
        // a key written since: every key's ranking and totals see its new counters
        VirtualKey busiest = gateway.store().virtualKey(all.get("rankings").get(0).get("id").asText()).orElseThrow();
        JsonNode costBefore = json("/api/logs/histogram/cost?period=30d");
        com.fasterxml.jackson.databind.node.ObjectNode tree = Json.mapper().valueToTree(busiest);
        for (JsonNode b : tree.get("budgets")) {
            ((com.fasterxml.jackson.databind.node.ObjectNode) b).put("current_usage", b.get("current_usage")
                    .asDouble() + 500);
        }
        VirtualKey written = Json.mapper().treeToValue(tree, VirtualKey.class);
        try {
            gateway.store().write(edit -> {
                edit.putVirtualKey(written);
                return null;
            });
            JsonNode after = json("/api/logs/rankings/by-dimension?dimension=virtual_key&all=true" + window);
            assertEquals(busiest.id(), after.get("rankings").get(0).get("id").asText());
            assertTrue(after.get("rankings").get(0).get("total_cost").asDouble()
                    > all.get("rankings").get(0).get("total_cost").asDouble() + 100, after.get("rankings").get(0)
                    .toString());
            assertNotEquals(costBefore, json("/api/logs/histogram/cost?period=30d"));
        } finally {
            gateway.store().write(edit -> {
                edit.putVirtualKey(busiest);
                return null;
            });
        }
        assertEquals(all, json("/api/logs/rankings/by-dimension?dimension=virtual_key&all=true" + window));
        assertEquals(costBefore, json("/api/logs/histogram/cost?period=30d"));
    }

    @Test
    void aKeysShapeIsMadeOncePerVersionOfTheKeyAndAWriteIsSeen() throws Exception {
        DemoLogHistory h = new DemoLogHistory(NOW);
        VirtualKey key = gateway.store().virtualKeys().stream().filter(k -> k.budgets().stream()
                .anyMatch(b -> b.lastReset() != null && b.currentUsage() > 1)).findFirst().orElseThrow();
        assertTrue(h.shape(key) == h.shape(key), "the same record: the same shape, not made again");
        Budget latest = key.budgets().stream().filter(b -> b.lastReset() != null)
                .max(Comparator.comparing(Budget::lastReset)).orElseThrow();
        long from = latest.lastReset().getEpochSecond();
        assertEquals(latest.currentUsage(), h.cost(key, from, NOW.getEpochSecond()), 0.01);
        // a write gives the store a new record of the key: its history follows the new counters
        com.fasterxml.jackson.databind.node.ObjectNode tree = Json.mapper().valueToTree(key);
        for (JsonNode b : tree.get("budgets")) {
            ((com.fasterxml.jackson.databind.node.ObjectNode) b).put("current_usage", b.get("current_usage")
                    .asDouble() + 3);
        }
        VirtualKey written = Json.mapper().treeToValue(tree, VirtualKey.class);
        assertEquals(key.id(), written.id());
        assertEquals(latest.currentUsage() + 3, h.cost(written, from, NOW.getEpochSecond()), 0.01);
        assertTrue(h.shape(written) != h.shape(key) && h.at(NOW.plusSeconds(60)).shape(key) == h.shape(key),
                "shapes are per record, and shared by the same history later on");
    }

    @Test
    void theRankingIsWrittenAsTheMapperWouldWriteItsRecords() throws Exception {
        DemoLogRoutes.RankingTrend trend = new DemoLogRoutes.RankingTrend(false, 0, 0, 0);
        List<DemoLogRoutes.RankingEntry> entries = new java.util.ArrayList<>(List.of(
                new DemoLogRoutes.RankingEntry("k-1", "caf\u00e9 \"quoted\" \\ key", 12, 3_400, 0.123456, trend),
                new DemoLogRoutes.RankingEntry("k-2", null, 1, 1, 1e-7, new DemoLogRoutes.RankingTrend(true, 1.5,
                        -2.25, 1e21)),
                new DemoLogRoutes.RankingEntry(null, "no id", Long.MAX_VALUE, 0, 25995.036284, null)));
        entries.add(null);
        java.util.Map<String, Object> plain = new java.util.LinkedHashMap<>();
        plain.put("rankings", entries);
        plain.put("dimension", "virtual_key");
        String byTheMapper = BifrostWire.mapper().writeValueAsString(plain);
        assertEquals(byTheMapper, BifrostWire.mapper().writeValueAsString(new DemoLogRoutes.DimensionRankings(
                entries, "virtual_key")));
        java.util.Map<String, Object> empty = new java.util.LinkedHashMap<>();
        empty.put("rankings", List.of());
        assertEquals(BifrostWire.mapper().writeValueAsString(empty), BifrostWire.mapper().writeValueAsString(
                new DemoLogRoutes.DimensionRankings(List.of(), null)));
    }
}
