package bifrostconsole.changes;

import bifrostconsole.api.Budget;
import bifrostconsole.api.Json;
import bifrostconsole.api.ManagementApiClient;
import bifrostconsole.api.RateLimit;
import bifrostconsole.api.VirtualKey;
import bifrostconsole.api.VirtualKeyQuery;
import bifrostconsole.demo.DemoGateway;
import bifrostconsole.testing.DemoGatewayExtension;
import bifrostconsole.testing.Wait;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The write engine against the demo gateway: every action end to end (plan, guard, request, answer, History),
 * the smallest request, the lost-update refusal, partial bulk failure, bounded concurrency, cancel, backups and
 * Recreate, and provider configs left exactly as they were.
 */
class ChangeEngineTest {
    private static final String KEYS = "/api/governance/virtual-keys/";

    @TempDir
    Path data;
    /** Writes change the data: the extension gives every test the seeded data again. */
    @RegisterExtension
    static final DemoGatewayExtension gateway = DemoGatewayExtension.withKeys(23, 300).withThreads(12);

    private final ManagementApiClient client = gateway.client();
    private final ExecutorService io = Executors.newSingleThreadExecutor();
    private ChangeEngine engine;

    @BeforeEach
    void start() {
        engine = ChangeEngine.inDataFolder(client, data, io);
    }

    @AfterEach
    void stop() {
        io.shutdownNow();
    }

    private VirtualKey seen(Predicate<VirtualKey> p) throws Exception {
        String id = gateway.store().virtualKeys().stream().filter(p).findFirst().orElseThrow().id();
        return client.getVirtualKey(id).get(10, TimeUnit.SECONDS); // as the admin's window read it
    }

    private List<VirtualKey> seenAll(Predicate<VirtualKey> p, int n) throws Exception {
        List<VirtualKey> keys = new ArrayList<>();
        for (VirtualKey k : gateway.store().virtualKeys().stream().filter(p).limit(n).toList()) {
            keys.add(client.getVirtualKey(k.id()).get(10, TimeUnit.SECONDS));
        }
        assertEquals(n, keys.size());
        return keys;
    }

    private RunResult run(List<KeyPlan> plans) throws Exception {
        return engine.start(plans, ChangeListener.NONE, Runnable::run).result().get(30, TimeUnit.SECONDS);
    }

    private KeyOutcome runOne(VirtualKey key, KeyChange change) throws Exception {
        return run(List.of(engine.plan(key, change))).outcomes().get(0);
    }

    private List<DemoGateway.RecordedRequest> writesTo(String keyId) {
        return gateway.recentRequests().stream().filter(r -> !r.method().equals("GET") && r.uri().contains(keyId))
                .toList();
    }

    private static JsonNode providerConfigs(VirtualKey key) {
        return Json.mapper().valueToTree(key.providerConfigs());
    }

    // ---- the smallest request, nothing else touched -----------------------------------------------------------

    @Test
    void disableSendsOnlyIsActiveAfterReReadingTheKey() throws Exception {
        VirtualKey key = seen(k -> k.active() && k.providerConfigs().size() > 1);
        KeyPlan plan = engine.plan(key, KeyChange.disable());
        assertEquals(List.of(new FieldDiff("status", "Active", "Inactive")), plan.fields());
        assertEquals("{\"is_active\":false}", plan.request().bodyText());
        assertTrue(plan.describe().contains("status: Active \u2192 Inactive"), plan.describe());
        gateway.clearRequestLog();

        KeyOutcome outcome = runOne(key, KeyChange.disable());
        assertEquals(KeyOutcome.Status.DONE, outcome.status(), outcome.reason());
        assertFalse(outcome.after().active());
        assertEquals(List.of(KEYS + key.id(), KEYS + key.id()), gateway.requestLog(), "re-read, then write");
        assertEquals("{\"is_active\":false}", writesTo(key.id()).get(0).body());
        assertEquals(providerConfigs(key), providerConfigs(outcome.after()));

        KeyPlan again = engine.plan(outcome.after(), KeyChange.disable());
        assertEquals(KeyPlan.Status.NOTHING_TO_DO, again.status());
        assertNull(again.request());
    }

    @Test
    void setBudgetAssignAndResetUsageLeaveProviderConfigsModelsAndKeyAccessExactlyAsTheyWere() throws Exception {
        VirtualKey key = seen(k -> k.providerConfigs().size() >= 2 && k.teamId() == null
                && k.providerConfigs().stream().anyMatch(pc -> !pc.allowAllKeys() && !pc.keys().isEmpty())
                && k.budgets().size() == 1 && k.budgets().get(0).currentUsage() > 0);
        JsonNode configs = providerConfigs(key);
        String team = gateway.store().teams().get(0).id();
        List<KeyChange> changes = List.of(new KeyChange.SetBudget("1Y", 10_000, false),
                new KeyChange.Assign(KeyChange.OwnerKind.TEAM, team, null), new KeyChange.ResetUsage(null),
                KeyChange.disable());
        VirtualKey current = key;
        for (KeyChange change : changes) {
            KeyOutcome outcome = runOne(current, change);
            assertEquals(KeyOutcome.Status.DONE, outcome.status(), change + ": " + outcome.reason());
            current = outcome.after();
            assertEquals(configs, providerConfigs(current), "after " + change.action());
            assertEquals(configs, providerConfigs(gateway.store().virtualKey(key.id()).orElseThrow()));
        }
        assertEquals(team, current.teamId());
        assertFalse(current.active());
        assertEquals(2, current.budgets().size());
        assertTrue(current.budgets().stream().allMatch(b -> b.currentUsage() == 0));
        for (DemoGateway.RecordedRequest write : writesTo(key.id())) {
            assertFalse(write.body().contains("provider_configs"), write.body());
        }
    }

    // ---- each action ------------------------------------------------------------------------------------------

    @Test
    void rotateHandsBackTheNewValueOnceAndNeverLogsIt() throws Exception {
        VirtualKey key = seen(VirtualKey::active);
        KeyOutcome outcome = runOne(key, KeyChange.rotate());
        assertEquals(KeyOutcome.Status.DONE, outcome.status());
        String value = outcome.newValue().reveal();
        assertTrue(value.startsWith("sk-bf-"));
        assertNotEquals(key.plainValue(), value);
        assertNotNull(outcome.previousValueExpiresAt());
        assertFalse(outcome.toString().contains(value));
        String log = Files.readString(engine.history().file());
        assertFalse(log.contains(value), "History never holds a key value");
        assertFalse(log.contains(key.plainValue()));
        assertTrue(log.contains("\"action\":\"rotate\""), log);
    }

    @Test
    void deleteSavesTheConfigurationFirstAndRecreateBringsItBack() throws Exception {
        VirtualKey key = seen(k -> k.providerConfigs().size() >= 2 && !k.budgets().isEmpty() && k.rateLimit() != null
                && k.providerConfigs().stream().anyMatch(pc -> !pc.allowAllKeys() && !pc.keys().isEmpty())
                && (k.expiresAt() == null || k.expiresAt().isAfter(Instant.now())) && !k.metadata().isEmpty());
        KeyPlan plan = engine.plan(key, KeyChange.delete());
        assertTrue(plan.destructive());
        assertTrue(plan.backup());
        assertTrue(plan.sideEffects().stream().anyMatch(s -> s.contains("provider configs")), plan.sideEffects().toString());
        KeyOutcome outcome = run(List.of(plan)).outcomes().get(0);
        assertEquals(KeyOutcome.Status.DONE, outcome.status(), outcome.reason());
        assertTrue(gateway.store().virtualKey(key.id()).isEmpty());

        String saved = Files.readString(outcome.backup(), StandardCharsets.UTF_8);
        assertFalse(saved.contains(key.plainValue()), "the backup leaves the value out");
        HistoryEntry entry = engine.history().read().get(0);
        assertEquals(outcome.backup().toString(), entry.backup());
        assertEquals("delete", entry.action());

        DeletedKey deleted = engine.backups().load(Path.of(entry.backup()));
        assertEquals(key.id(), deleted.key().id());
        KeyPlan recreate = engine.planRecreate(deleted);
        assertEquals("POST", recreate.request().method());
        JsonNode body = recreate.request().body();
        for (JsonNode pc : body.path("provider_configs")) {
            assertTrue(pc.has("key_ids") && pc.has("allowed_models") && pc.has("blacklisted_models"), pc.toString());
        }
        KeyOutcome recreated = run(List.of(recreate)).outcomes().get(0);
        assertEquals(KeyOutcome.Status.DONE, recreated.status(), recreated.reason());
        VirtualKey fresh = recreated.after();
        assertNotEquals(key.id(), fresh.id());
        assertEquals(key.name(), fresh.name());
        assertNotEquals(key.plainValue(), fresh.plainValue());
        assertEquals(key.providerConfigs().size(), fresh.providerConfigs().size());
        for (int i = 0; i < key.providerConfigs().size(); i++) {
            var before = key.providerConfigs().get(i);
            var after = fresh.providerConfigs().get(i);
            assertEquals(before.provider(), after.provider());
            assertEquals(before.allowedModels(), after.allowedModels());
            assertEquals(before.blacklistedModels(), after.blacklistedModels());
            assertEquals(before.allowAllKeys(), after.allowAllKeys());
            assertEquals(RequestBodies.keyIds(before), RequestBodies.keyIds(after));
            assertEquals(before.weight(), after.weight());
        }
        assertEquals(key.budgets().stream().map(Budget::resetDuration).toList(),
                fresh.budgets().stream().map(Budget::resetDuration).toList());
        assertEquals(key.rateLimit().tokenMaxLimit(), fresh.rateLimit().tokenMaxLimit());
        assertEquals(key.metadata(), fresh.metadata());
        assertEquals(key.disableContentLogging(), fresh.disableContentLogging());
        assertEquals(fresh.id(), engine.history().read().get(1).keyId(), "History names the new key");
    }

    @Test
    void resetUsageOfOneWindowIsRefusedWhileOtherBudgetsWouldBeResetToo() throws Exception {
        VirtualKey key = seen(k -> k.budgets().size() >= 2 && k.budgets().stream().allMatch(b -> b.currentUsage() > 0));
        KeyPlan plan = engine.plan(key, new KeyChange.ResetUsage(key.budgets().get(0).resetDuration()));
        assertEquals(KeyPlan.Status.REFUSED, plan.status());
        assertTrue(plan.reason().contains("cannot be reset alone"), plan.reason());
        KeyOutcome outcome = run(List.of(plan)).outcomes().get(0);
        assertEquals(KeyOutcome.Status.FAILED, outcome.status());
        assertTrue(writesTo(key.id()).isEmpty());

        KeyPlan all = engine.plan(key, new KeyChange.ResetUsage(null));
        assertEquals(key.budgets().size(), all.request().body().path("budgets").size());
        assertTrue(all.request().body().path("reset_budget_usage").asBoolean());
        KeyOutcome done = run(List.of(all)).outcomes().get(0);
        assertEquals(KeyOutcome.Status.DONE, done.status(), done.reason());
        assertEquals(key.budgets().stream().map(Budget::id).toList(), done.after().budgets().stream().map(Budget::id).toList());
        assertEquals(key.budgets().stream().map(Budget::maxLimit).toList(),
                done.after().budgets().stream().map(Budget::maxLimit).toList());
        assertTrue(done.after().budgets().stream().allMatch(b -> b.currentUsage() == 0));
    }

    @Test
    void budgetsAreSetAndRemovedByWindowKeepingTheOthersAndTheirUsage() throws Exception {
        VirtualKey key = seen(k -> k.budgets().size() == 2 && k.budgets().stream().allMatch(b -> b.currentUsage() > 0));
        Budget first = key.budgets().get(0);
        Budget second = key.budgets().get(1);
        KeyOutcome raised = runOne(key, new KeyChange.SetBudget(second.resetDuration(), second.maxLimit() + 100, false));
        assertEquals(KeyOutcome.Status.DONE, raised.status(), raised.reason());
        Budget after = raised.after().budgets().get(1);
        assertEquals(second.id(), after.id());
        assertEquals(second.maxLimit() + 100, after.maxLimit());
        assertEquals(second.currentUsage(), after.currentUsage(), 1e-9);
        assertEquals(first.currentUsage(), raised.after().budgets().get(0).currentUsage(), 1e-9);

        KeyOutcome removed = runOne(raised.after(), new KeyChange.RemoveBudget(first.resetDuration()));
        assertEquals(KeyOutcome.Status.DONE, removed.status(), removed.reason());
        assertEquals(List.of(second.id()), removed.after().budgets().stream().map(Budget::id).toList());
        assertEquals(second.currentUsage(), removed.after().budgets().get(0).currentUsage(), 1e-9);

        KeyOutcome last = runOne(removed.after(), new KeyChange.RemoveBudget(second.resetDuration()));
        assertEquals("{\"budgets\":[]}", writesTo(key.id()).get(2).body());
        assertTrue(last.after().budgets().isEmpty());
    }

    @Test
    void aRateLimitChangeKeepsTheHalfNotGiven() throws Exception {
        VirtualKey key = seen(k -> k.rateLimit() != null && k.rateLimit().hasTokenLimit() && k.rateLimit().hasRequestLimit());
        RateLimit before = key.rateLimit();
        KeyOutcome outcome = runOne(key, new KeyChange.SetRateLimit(KeyChange.Limit.parse("123456/1d"), null));
        assertEquals(KeyOutcome.Status.DONE, outcome.status(), outcome.reason());
        assertEquals(123_456L, outcome.after().rateLimit().tokenMaxLimit());
        assertEquals(before.requestMaxLimit(), outcome.after().rateLimit().requestMaxLimit());
        assertEquals(before.requestResetDuration(), outcome.after().rateLimit().requestResetDuration());

        KeyOutcome removed = runOne(outcome.after(), new KeyChange.SetRateLimit(KeyChange.Limit.NONE, KeyChange.Limit.NONE));
        assertNull(removed.after().rateLimit());
        assertEquals("{\"rate_limit\":{}}", writesTo(key.id()).get(1).body());
    }

    @Test
    void assignMovesBetweenTeamCustomerAndNoneWithTheSmallestRequest() throws Exception {
        VirtualKey key = seen(k -> k.teamId() != null);
        String customer = gateway.store().customers().get(0).id();
        KeyPlan plan = engine.plan(key, new KeyChange.Assign(KeyChange.OwnerKind.CUSTOMER, customer, "Acme"));
        assertEquals("{\"customer_id\":\"" + customer + "\"}", plan.request().bodyText());
        assertTrue(plan.fields().contains(new FieldDiff("team", key.team().name(), "none")), plan.fields().toString());
        KeyOutcome moved = run(List.of(plan)).outcomes().get(0);
        assertEquals(customer, moved.after().customerId());
        assertNull(moved.after().teamId());
        KeyOutcome none = runOne(moved.after(), new KeyChange.Assign(KeyChange.OwnerKind.NONE, null, null));
        assertEquals("{\"customer_id\":\"\"}", writesTo(key.id()).get(1).body());
        assertNull(none.after().customerId());
        assertNull(none.after().teamId());
    }

    @Test
    void anOverrideIsSetOnTheBudgetOfThatWindowAndRemoved() throws Exception {
        VirtualKey key = seen(k -> !k.budgets().isEmpty());
        Budget budget = key.budgets().get(0);
        KeyOutcome set = runOne(key, new KeyChange.SetBudgetOverride(budget.resetDuration(), 50, 2));
        assertEquals(KeyOutcome.Status.DONE, set.status(), set.reason());
        assertEquals(50, set.after().budgets().get(0).overrideAmount());
        assertEquals(budget.maxLimit() + 50, set.after().budgets().get(0).effectiveLimit(), 1e-9);
        assertEquals("{\"amount\":50.0,\"mode\":\"cycles\",\"cycles\":2}", writesTo(key.id()).get(0).body());
        KeyOutcome removed = runOne(set.after(), new KeyChange.RemoveBudgetOverride(budget.resetDuration()));
        assertEquals(KeyOutcome.Status.DONE, removed.status(), removed.reason());
        assertNull(removed.after().budgets().get(0).overrideAmount());
        assertEquals(KeyPlan.Status.REFUSED, engine.plan(key, new KeyChange.SetBudgetOverride("7w", 5, null)).status());
    }

    // ---- the lost-update guard ------------------------------------------------------------------------------

    @Test
    void aKeyChangedOnTheServerBetweenReadAndWriteIsRefusedNamingTheFields() throws Exception {
        VirtualKey key = seen(VirtualKey::active);
        KeyPlan plan = engine.plan(key, KeyChange.disable());
        // someone else renames it in the meantime
        gateway.writes().updateVirtualKey(key.id(), Json.mapper().readTree("{\"name\": \"renamed-elsewhere\"}"));
        gateway.clearRequestLog();
        KeyOutcome outcome = run(List.of(plan)).outcomes().get(0);
        assertEquals(KeyOutcome.Status.CHANGED_ON_SERVER, outcome.status());
        assertTrue(outcome.serverChanges().contains(new FieldDiff("name", key.name(), "renamed-elsewhere")),
                outcome.serverChanges().toString());
        assertTrue(outcome.serverChanges().stream().anyMatch(d -> d.field().equals("updated_at")));
        assertEquals("renamed-elsewhere", outcome.after().name(), "the newer copy, to review");
        assertTrue(outcome.reason().contains("name: " + key.name() + " \u2192 renamed-elsewhere"), outcome.reason());
        assertTrue(writesTo(key.id()).isEmpty(), "nothing was sent");
        assertTrue(gateway.store().virtualKey(key.id()).orElseThrow().active());
        assertEquals("skipped", engine.history().read().get(0).outcome());
    }

    @Test
    void usageMovingWithTrafficDoesNotTripTheGuard() throws Exception {
        VirtualKey key = seen(k -> k.active() && !k.budgets().isEmpty() && k.rateLimit() != null);
        // requests served meanwhile: usage and window counters move, nothing the admin set
        gateway.store().write(edit -> {
            ObjectNode node = Json.mapper().valueToTree(edit.virtualKey(key.id()).orElseThrow());
            ((ObjectNode) node.path("budgets").get(0)).put("current_usage", 999.5);
            ((ObjectNode) node.path("rate_limit")).put("request_current_usage", 42);
            edit.putVirtualKey(Json.mapper().convertValue(node, VirtualKey.class));
            return null;
        });
        assertEquals(KeyOutcome.Status.DONE, runOne(key, KeyChange.disable()).status());
    }

    @Test
    void aKeyDeletedMeanwhileIsSkipped() throws Exception {
        VirtualKey key = seen(VirtualKey::active);
        gateway.writes().deleteVirtualKey(key.id());
        KeyOutcome outcome = runOne(key, KeyChange.disable());
        assertEquals(KeyOutcome.Status.CHANGED_ON_SERVER, outcome.status());
        assertTrue(outcome.reason().contains("deleted on the server"), outcome.reason());
    }

    // ---- bulk ---------------------------------------------------------------------------------------------

    @Test
    void aBulkRunReportsEachKeyAndGoesOnPastAFailure() throws Exception {
        List<VirtualKey> keys = seenAll(VirtualKey::active, 6);
        gateway.injectFault("PUT", KEYS + keys.get(2).id(), DemoGateway.Fault.status(500, "database is locked"), 1);
        gateway.writes().updateVirtualKey(keys.get(4).id(), Json.mapper().readTree("{\"description\": \"edited\"}"));
        List<KeyOutcome> heard = Collections.synchronizedList(new ArrayList<>());
        RunResult result = engine.start(engine.plan(keys, KeyChange.disable()), (o, finished, total) -> heard.add(o),
                Runnable::run).result().get(30, TimeUnit.SECONDS);
        assertEquals(6, heard.size());
        assertEquals(4, result.count(KeyOutcome.Status.DONE));
        KeyOutcome failed = result.outcomes().get(2);
        assertEquals(KeyOutcome.Status.FAILED, failed.status());
        assertTrue(failed.reason().contains("database is locked"), failed.reason());
        assertEquals(KeyOutcome.Status.CHANGED_ON_SERVER, result.outcomes().get(4).status());
        assertEquals("4 done, 1 failed, 1 skipped because it changed on the server", result.summary());
        assertTrue(result.csv().startsWith("key_id,key_name,action,outcome,reason\n"), result.csv());
        assertEquals(7, result.csv().lines().count());
        assertEquals(6, engine.history().read().size());
        assertEquals(1, engine.history().read(HistoryFilter.ALL.withOutcome("failed")).size());
    }

    private long keyGets() {
        return gateway.recentRequests().stream().filter(r -> r.method().equals("GET") && r.uri().startsWith(KEYS))
                .count();
    }

    private long pageReads() {
        return gateway.recentRequests().stream().filter(r -> r.method().equals("GET")
                && r.uri().startsWith("/api/governance/virtual-keys?")).count();
    }

    @Test
    void aBulkRunReReadsByPagesAndStillRefusesEveryKeyChangedOrDeletedBeforeItsWrite() throws Exception {
        List<VirtualKey> keys = new ArrayList<>(seenAll(VirtualKey::active, 60));
        Collections.reverse(keys); // not the server's order: the run goes through them in that order anyway
        VirtualKey renamed = keys.get(10);
        VirtualKey deleted = keys.get(40);
        gateway.writes().updateVirtualKey(renamed.id(), Json.mapper().readTree("{\"name\": \"renamed-elsewhere\"}"));
        gateway.writes().deleteVirtualKey(deleted.id());
        gateway.clearRequestLog();

        List<KeyPlan> plans = engine.plan(keys, KeyChange.disable());
        RunResult result = run(plans);

        for (int i = 0; i < plans.size(); i++) {
            assertEquals(plans.get(i).keyId(), result.outcomes().get(i).keyId(), "outcomes in plan order");
        }
        assertEquals(58, result.count(KeyOutcome.Status.DONE), result.summary());
        KeyOutcome refused = result.outcomes().get(10);
        assertEquals(KeyOutcome.Status.CHANGED_ON_SERVER, refused.status());
        assertTrue(refused.serverChanges().contains(new FieldDiff("name", renamed.name(), "renamed-elsewhere")),
                refused.serverChanges().toString());
        assertTrue(writesTo(renamed.id()).isEmpty(), "nothing was sent for the renamed key");
        assertTrue(gateway.store().virtualKey(renamed.id()).orElseThrow().active());
        assertEquals(KeyOutcome.Status.CHANGED_ON_SERVER, result.outcomes().get(40).status());
        assertTrue(result.outcomes().get(40).reason().contains("deleted on the server"));
        assertTrue(writesTo(deleted.id()).isEmpty());

        // The 60 keys came from a few pages; only the deleted one, not where the pages had it, was read on its own.
        assertEquals(1, keyGets(), gateway.requestLog().toString());
        long pages = pageReads();
        assertTrue(pages >= 3 && pages <= 300 / ReReads.PAGE, "pages read: " + pages);
        assertEquals(58, gateway.recentRequests().stream().filter(r -> r.method().equals("PUT")).count());
    }

    @Test
    void keysAtTheEndOfTheServersListAreFoundPastPagesWithNoneOfThem() throws Exception {
        List<VirtualKey> all = client.listVirtualKeys(VirtualKeyQuery.all()).get(10, TimeUnit.SECONDS).items();
        List<VirtualKey> last = all.subList(all.size() - 30, all.size());
        gateway.clearRequestLog();
        RunResult result = run(engine.plan(last, KeyChange.disable()));
        assertEquals(last.stream().filter(VirtualKey::active).count(), result.count(KeyOutcome.Status.DONE),
                result.summary());
        assertEquals(0, keyGets(), "every key came from a page");
        assertTrue(pageReads() >= 300 / ReReads.PAGE - 1, "pages read: " + pageReads());
    }

    @Test
    void aBulkRunOnAGatewayWithManyMoreKeysReadsKeyByKey() throws Exception {
        // 301 keys: reading every page (13) would cost more than half the 25 GETs, so the first page decides.
        gateway.writes().createVirtualKey(Json.mapper().readTree("{\"name\": \"one-more\"}"));
        List<VirtualKey> keys = seenAll(VirtualKey::active, ReReads.PAGE);
        gateway.clearRequestLog();
        RunResult result = run(engine.plan(keys, KeyChange.disable()));
        assertEquals(ReReads.PAGE, result.count(KeyOutcome.Status.DONE), result.summary());
        assertEquals(1, pageReads());
        assertEquals(ReReads.PAGE, keyGets());
    }

    @Test
    void aFewKeysAreReadKeyByKey() throws Exception {
        List<VirtualKey> keys = seenAll(VirtualKey::active, ReReads.PAGED_FROM - 1);
        gateway.clearRequestLog();
        RunResult result = run(engine.plan(keys, KeyChange.disable()));
        assertEquals(keys.size(), result.count(KeyOutcome.Status.DONE), result.summary());
        assertEquals(0, pageReads());
        assertEquals(keys.size(), keyGets());
    }

    @Test
    void aBulkRunSendsOnlyAFewRequestsAtATime() throws Exception {
        List<VirtualKey> keys = seenAll(VirtualKey::active, 24);
        gateway.injectFault("PUT", KEYS, DemoGateway.Fault.delay(Duration.ofMillis(40)), 24);
        // Only this run's requests count: the server counts from the request read until just before its answer,
        // inside the time the client waits for it, so no request of a finished exchange can overlap the next.
        Wait.until("no request left over at the gateway", () -> gateway.gateway().requestsInFlight() == 0);
        gateway.clearRequestLog();
        RunResult result = engine.start(engine.plan(keys, KeyChange.disable()), 3, ChangeListener.NONE, Runnable::run)
                .result().get(30, TimeUnit.SECONDS);
        assertEquals(24, result.count(KeyOutcome.Status.DONE));
        assertTrue(gateway.peakConcurrentRequests() <= 3, "peak " + gateway.peakConcurrentRequests());
        assertTrue(gateway.peakConcurrentRequests() >= 2, "requests did overlap: " + gateway.peakConcurrentRequests());
    }

    @Test
    void cancelStopsKeysNotYetSentAndLetsTheOthersFinish() throws Exception {
        List<VirtualKey> keys = seenAll(VirtualKey::active, 20);
        gateway.injectFault("PUT", KEYS, DemoGateway.Fault.delay(Duration.ofMillis(100)), 20);
        CountDownLatch first = new CountDownLatch(1);
        ChangeRun run = engine.start(engine.plan(keys, KeyChange.disable()), 2, (o, finished, total) -> first.countDown(),
                Runnable::run);
        assertTrue(first.await(10, TimeUnit.SECONDS));
        run.cancel();
        RunResult result = run.result().get(30, TimeUnit.SECONDS);
        long done = result.count(KeyOutcome.Status.DONE);
        long cancelled = result.count(KeyOutcome.Status.CANCELLED);
        assertEquals(20, done + cancelled, result.summary());
        assertTrue(cancelled >= 10, result.summary());
        long inactive = keys.stream().filter(k -> !gateway.store().virtualKey(k.id()).orElseThrow().active()).count();
        assertEquals(done, inactive, "exactly the keys reported done were changed");
        assertEquals(done, engine.history().read().size(), "cancelled keys leave no History entry");
    }

    @Test
    void aKeysHistoryWriteDoesNotHoldUpTheNextKeyButTheRunEndsOnlyOnceEveryEntryIsWritten() throws Exception {
        List<Runnable> held = Collections.synchronizedList(new ArrayList<>());
        ChangeEngine slowHistory = new ChangeEngine(client, engine.history(), engine.backups(), held::add,
                java.time.Clock.systemUTC());
        List<VirtualKey> keys = seenAll(VirtualKey::active, 4);
        List<String> heard = Collections.synchronizedList(new ArrayList<>());
        ChangeRun run = slowHistory.start(slowHistory.plan(keys, KeyChange.disable()), 1,
                (o, finished, total) -> heard.add(o.keyId()), Runnable::run);
        // One key at a time, and no History write has run yet: every key is still sent, one after another.
        Wait.until("every key sent while History waits", () -> keys.stream()
                .noneMatch(k -> gateway.store().virtualKey(k.id()).orElseThrow().active()));
        assertFalse(run.result().isDone(), "the run ends only once History is written");
        assertEquals(List.of(), heard, "a key is reported only once its entry is written");
        assertEquals(List.of(), engine.history().read());
        while (!run.result().isDone()) {
            Wait.until("a History write to run", () -> !held.isEmpty() || run.result().isDone());
            if (!held.isEmpty()) {
                held.remove(0).run();
            }
        }
        RunResult result = Wait.get(run.result());
        assertEquals(4, result.count(KeyOutcome.Status.DONE));
        assertNull(result.historyProblem());
        assertEquals(4, heard.size());
        assertEquals(keys.stream().map(VirtualKey::id).sorted().toList(),
                engine.history().read().stream().map(HistoryEntry::keyId).sorted().toList());
    }

    @Test
    void aHistoryThatCannotBeWrittenIsReportedOnceAndTheChangesStillCount() throws Exception {
        Path notAFolder = Files.writeString(data.resolve("in-the-way"), "a file where the folder should be");
        ChangeEngine blocked = new ChangeEngine(client, new ChangeHistory(notAFolder.resolve("history.jsonl")),
                engine.backups(), io, java.time.Clock.systemUTC());
        List<VirtualKey> keys = seenAll(VirtualKey::active, 3);
        RunResult result = blocked.start(blocked.plan(keys, KeyChange.disable()), ChangeListener.NONE, Runnable::run)
                .result().get(30, TimeUnit.SECONDS);
        assertEquals(3, result.count(KeyOutcome.Status.DONE));
        assertNotNull(result.historyProblem());
        assertTrue(result.historyProblem().startsWith("History could not be written"), result.historyProblem());
        assertTrue(keys.stream().noneMatch(k -> gateway.store().virtualKey(k.id()).orElseThrow().active()));
    }

    @Test
    void allMatchingKeysAreSelectedAcrossPages() throws Exception {
        String team = gateway.store().teams().get(1).id();
        long expected = gateway.store().virtualKeys().stream().filter(k -> team.equals(k.teamId())).count();
        List<VirtualKey> keys = KeySelection.allMatching(client, VirtualKeyQuery.all().withTeamId(team))
                .get(10, TimeUnit.SECONDS);
        assertEquals(expected, keys.size());
        assertTrue(expected > 0);
    }

    @Test
    void theCallbacksExecutorGetsEveryOutcomeThenTheResult() throws Exception {
        List<VirtualKey> keys = seenAll(VirtualKey::active, 5);
        List<String> order = Collections.synchronizedList(new ArrayList<>());
        ExecutorService ui = Executors.newSingleThreadExecutor();
        try {
            ChangeRun run = engine.start(engine.plan(keys, KeyChange.disable()),
                    (o, finished, total) -> order.add("outcome " + finished + "/" + total), ui);
            CompletableFuture<RunResult> result = run.result().whenComplete((r, f) -> order.add("result"));
            result.get(30, TimeUnit.SECONDS);
            ui.submit(() -> { }).get(5, TimeUnit.SECONDS);
            assertEquals(List.of("outcome 1/5", "outcome 2/5", "outcome 3/5", "outcome 4/5", "outcome 5/5", "result"),
                    order);
        } finally {
            ui.shutdownNow();
        }
    }
}
