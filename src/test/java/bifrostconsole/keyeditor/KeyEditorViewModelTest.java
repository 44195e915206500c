package bifrostconsole.keyeditor;

import bifrostconsole.api.ConnectionSettings;
import bifrostconsole.api.Json;
import bifrostconsole.api.ManagementApiClient;
import bifrostconsole.api.ProviderConfig;
import bifrostconsole.api.Secret;
import bifrostconsole.api.ServerFeatures;
import bifrostconsole.api.VirtualKey;
import bifrostconsole.changes.ChangeEngine;
import bifrostconsole.changes.ChangeHistory;
import bifrostconsole.changes.DeletedKeys;
import bifrostconsole.changes.HistoryEntry;
import bifrostconsole.changes.KeyChange;
import bifrostconsole.changes.KeyOutcome;
import bifrostconsole.demo.DemoDataGenerator;
import bifrostconsole.demo.DemoGateway;
import bifrostconsole.keys.FilterOption;
import bifrostconsole.testing.ManualScheduler;
import bifrostconsole.ui.Formats;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The key editor's view-model against the demo gateway: each validation rule as you type, what counts as a change,
 * and the exact body sent for the common edits (rename, add a budget, change one provider's models, switch team to
 * customer, clear the expiry), a create, and an edit refused because the key changed on the server meanwhile. The
 * view-model runs on one "UI" thread, as in the window; the test waits for its answers, never sleeps.
 */
class KeyEditorViewModelTest {
    private static DemoGateway gateway;
    private static ManagementApiClient client;

    @TempDir
    Path data;
    private ExecutorService ui;
    private ExecutorService io;
    private ChangeEngine engine;
    private ManualScheduler scheduler;

    @BeforeAll
    static void startGateway() throws Exception {
        gateway = DemoGateway.start(DemoGateway.Options.of(DemoDataGenerator.generate(11, 80, Instant.now())));
        client = new ManagementApiClient(ConnectionSettings.of(gateway.baseUrl(), Secret.of("unused")));
    }

    @AfterAll
    static void stopGateway() {
        gateway.close();
    }

    @BeforeEach
    void setUp() {
        ui = Executors.newSingleThreadExecutor(r -> new Thread(r, "test-ui"));
        io = Executors.newCachedThreadPool();
        engine = new ChangeEngine(client, ChangeHistory.in(data), DeletedKeys.in(data), io, Clock.systemUTC());
        scheduler = new ManualScheduler();
        gateway.clearFaults();
    }

    @AfterEach
    void tearDown() {
        ui.shutdownNow();
        io.shutdownNow();
    }

    private KeyEditorViewModel.Context context() {
        return new KeyEditorViewModel.Context(client, engine, ui, scheduler, Clock.systemUTC(),
                new Formats(Locale.US, ZoneOffset.UTC), ServerFeatures.of("v2.2.5"));
    }

    private <T> T onUi(Callable<T> c) throws Exception {
        return ui.submit(c).get(10, TimeUnit.SECONDS);
    }

    private KeyEditorViewModel edit(VirtualKey key) throws Exception {
        KeyEditorViewModel vm = onUi(() -> {
            KeyEditorViewModel e = KeyEditorViewModel.edit(key, context());
            e.start();
            return e;
        });
        loaded(vm);
        return vm;
    }

    private void loaded(KeyEditorViewModel vm) throws Exception {
        onUi(vm::loaded).get(10, TimeUnit.SECONDS);
        onUi(() -> null); // the last answer's UI work has run
    }

    /** Previews, then returns the exact body the preview shows (and the engine would send). */
    private JsonNode previewedBody(KeyEditorViewModel vm) throws Exception {
        assertTrue(onUi(vm::preview), () -> "the preview opens; save says " + vm.saveTextProperty().get());
        String preview = onUi(() -> vm.previewProperty().get().request().preview());
        return Json.mapper().readTree(preview.substring(preview.indexOf('\n') + 1));
    }

    private static VirtualKey key(java.util.function.Predicate<VirtualKey> p) {
        return gateway.store().virtualKeys().stream().filter(p).findFirst().orElseThrow();
    }

    private VirtualKey fresh(String id) throws Exception {
        return client.getVirtualKey(id).get(10, TimeUnit.SECONDS);
    }

    // ---- exact bodies of the common edits ------------------------------------------------------------------------

    @Test
    void aRenameSendsOnlyTheName() throws Exception {
        VirtualKey k = fresh(key(x -> !x.providerConfigs().isEmpty()).id());
        KeyEditorViewModel vm = edit(k);
        assertEquals("No changes", onUi(() -> vm.saveTextProperty().get()));
        assertFalse(onUi(() -> vm.canSaveProperty().get()));
        assertFalse(onUi(() -> vm.dirtyProperty().get()), "an untouched form has nothing to lose");
        onUi(() -> {
            vm.nameProperty().set(k.name() + "-renamed");
            return null;
        });
        assertEquals("Save 1 change", onUi(() -> vm.saveTextProperty().get()));
        assertTrue(onUi(() -> vm.dirtyProperty().get()));
        assertEquals("{\"name\":\"" + k.name() + "-renamed\"}", previewedBody(vm).toString());
        assertEquals("PUT /api/governance/virtual-keys/" + k.id(), onUi(() -> vm.previewProperty().get().request()
                .preview().lines().findFirst().orElseThrow()));
        KeyOutcome outcome = onUi(vm::save).get(10, TimeUnit.SECONDS);
        assertEquals(KeyOutcome.Status.DONE, outcome.status(), outcome.reason());
        assertEquals(k.name() + "-renamed", fresh(k.id()).name());
        HistoryEntry logged = ChangeHistory.in(data).read().get(0);
        assertEquals("edit", logged.action());
        assertEquals("name: " + k.name() + " \u2192 " + k.name() + "-renamed", logged.fieldsText());
    }

    @Test
    void addingABudgetSendsTheWholeListWithTheIdsOfTheBudgetsItKeeps() throws Exception {
        VirtualKey k = fresh(key(x -> x.budgets().size() == 1 && !x.budgets().get(0).resetDuration().equals("1d")).id());
        KeyEditorViewModel vm = edit(k);
        onUi(() -> {
            var row = vm.budgets().add();
            row.windowProperty().set("1d");
            row.limitProperty().set("20");
            return null;
        });
        JsonNode body = previewedBody(vm);
        assertEquals(Json.mapper().readTree("{\"budgets\":[{\"id\":\"" + k.budgets().get(0).id() + "\",\"max_limit\":"
                + k.budgets().get(0).maxLimit() + ",\"reset_duration\":\"" + k.budgets().get(0).resetDuration()
                + "\"},{\"max_limit\":20.0,\"reset_duration\":\"1d\"}]}"), body);
        assertTrue(onUi(() -> vm.budgetsChangedProperty().get()), "the editor asks keep or reset usage");
        onUi(() -> {
            vm.resetUsageProperty().set(true);
            return null;
        });
        assertTrue(onUi(() -> vm.previewProperty().get().request().body().path("reset_budget_usage").asBoolean()),
                "the preview follows the keep-or-reset choice");
        assertTrue(onUi(() -> vm.previewProperty().get().destructive()));
    }

    @Test
    void changingOneProvidersModelsSendsEveryConfigWithItsKeyAccessAndModelLists() throws Exception {
        VirtualKey k = fresh(key(x -> x.providerConfigs().size() >= 2
                && x.providerConfigs().stream().anyMatch(pc -> !pc.allowAllKeys() && !pc.keys().isEmpty())).id());
        KeyEditorViewModel vm = edit(k);
        onUi(() -> {
            vm.providers().get(0).allowedModelsProperty().set("gpt-4o, regex:gpt-4\\.1.*");
            return null;
        });
        JsonNode configs = previewedBody(vm).get("provider_configs");
        assertEquals(k.providerConfigs().size(), configs.size(), "a full desired set: every config is sent");
        for (int i = 0; i < k.providerConfigs().size(); i++) {
            ProviderConfig pc = k.providerConfigs().get(i);
            JsonNode sent = configs.get(i);
            assertEquals(pc.id().longValue(), sent.get("id").asLong());
            List<String> keyIds = pc.allowAllKeys() ? List.of("*")
                    : pc.keys().stream().map(bifrostconsole.api.ProviderKey::keyId).toList();
            assertEquals(keyIds, strings(sent.get("key_ids")), "key access kept for " + pc.provider());
            assertEquals(pc.blacklistedModels(), strings(sent.get("blacklisted_models")));
            assertEquals(i == 0 ? List.of("gpt-4o", "regex:gpt-4\\.1.*") : pc.allowedModels(),
                    strings(sent.get("allowed_models")));
            assertFalse(sent.has("budgets"), "unchanged budgets are left out, so they stay");
        }
        KeyOutcome outcome = onUi(vm::save).get(10, TimeUnit.SECONDS);
        assertEquals(KeyOutcome.Status.DONE, outcome.status(), outcome.reason());
        ProviderConfig kept = fresh(k.id()).providerConfigs().stream()
                .filter(pc -> !pc.allowAllKeys() && !pc.keys().isEmpty()).findFirst().orElseThrow();
        assertFalse(kept.keys().isEmpty(), "the server kept the config's keys (#7347 avoided)");
    }

    @Test
    void switchingFromATeamToACustomerSendsOnlyTheCustomer() throws Exception {
        VirtualKey k = fresh(key(x -> x.teamId() != null).id());
        var customer = gateway.store().customers().get(0);
        KeyEditorViewModel vm = edit(k);
        onUi(() -> {
            vm.ownerKindProperty().set(KeyChange.OwnerKind.CUSTOMER);
            return null;
        });
        assertEquals("Choose the customer, or None.", onUi(() -> vm.ownerErrorProperty().get()));
        assertFalse(onUi(() -> vm.canSaveProperty().get()));
        onUi(() -> {
            vm.customerPicker().choose(new FilterOption(customer.id(), customer.name(), ""));
            return null;
        });
        assertEquals("{\"customer_id\":\"" + customer.id() + "\"}", previewedBody(vm).toString(),
                "a customer set clears the team on the server");
        onUi(vm::save).get(10, TimeUnit.SECONDS);
        VirtualKey after = fresh(k.id());
        assertEquals(customer.id(), after.customerId());
        assertNull(after.teamId());
    }

    @Test
    void clearingTheExpirySendsAnEmptyExpiry() throws Exception {
        VirtualKey k = fresh(key(x -> x.expiresAt() != null).id());
        KeyEditorViewModel vm = edit(k);
        onUi(() -> {
            vm.neverExpire();
            return null;
        });
        assertEquals("{\"expires_at\":\"\"}", previewedBody(vm).toString());
    }

    @Test
    void aNewKeySendsWhatIsSetAndShowsItsValueOnce() throws Exception {
        KeyEditorViewModel vm = onUi(() -> {
            KeyEditorViewModel e = KeyEditorViewModel.create(context());
            e.start();
            return e;
        });
        loaded(vm);
        assertEquals("Fix 1 problem to save", onUi(() -> vm.saveTextProperty().get()));
        assertEquals("A key needs a name.", onUi(() -> vm.nameErrorProperty().get()));
        onUi(() -> {
            vm.nameProperty().set("checkout-editor-test");
            vm.addProvider("openai").allowedModelsProperty().set("gpt-4o");
            vm.expireIn(Duration.ofDays(7));
            return null;
        });
        loaded(vm);
        assertEquals("Create key", onUi(() -> vm.saveTextProperty().get()));
        JsonNode body = previewedBody(vm);
        assertEquals("checkout-editor-test", body.get("name").asText());
        assertTrue(body.get("is_active").asBoolean());
        assertTrue(body.has("expires_at"));
        assertEquals("[{\"provider\":\"openai\",\"weight\":null,\"allowed_models\":[\"gpt-4o\"],\"blacklisted_models\""
                + ":[],\"key_ids\":[\"*\"]}]", body.get("provider_configs").toString());
        KeyOutcome outcome = onUi(vm::save).get(10, TimeUnit.SECONDS);
        assertEquals(KeyOutcome.Status.DONE, outcome.status(), outcome.reason());
        KeyEditorViewModel.Created created = onUi(() -> vm.createdProperty().get());
        assertNotNull(created);
        assertEquals(fresh(created.id()).plainValue(), created.value().reveal(), "the server's value, once");
        assertFalse(created.toString().contains(created.value().reveal()), "the value never shows in a toString");
        assertEquals("create", ChangeHistory.in(data).read().get(0).action());
        assertFalse(java.nio.file.Files.readString(data.resolve(ChangeHistory.FILE_NAME))
                .contains(created.value().reveal()), "History never holds the value");
    }

    @Test
    void anEditIsRefusedWhenTheKeyChangedOnTheServerMeanwhileAndTheFormStays() throws Exception {
        VirtualKey k = fresh(key(x -> x.active()).id());
        KeyEditorViewModel vm = edit(k);
        onUi(() -> {
            vm.descriptionProperty().set("edited in the console");
            return null;
        });
        previewedBody(vm);
        // Someone else renames it meanwhile.
        client.updateVirtualKey(k.id(), Json.mapper().createObjectNode().put("name", k.name() + "-by-someone"))
                .get(10, TimeUnit.SECONDS);
        KeyOutcome outcome = onUi(vm::save).get(10, TimeUnit.SECONDS);
        assertEquals(KeyOutcome.Status.CHANGED_ON_SERVER, outcome.status());
        assertTrue(onUi(() -> vm.saveErrorProperty().get()).startsWith("Not saved: it changed on the server since it"
                + " was read, so nothing was sent (name: "), onUi(() -> vm.saveErrorProperty().get()));
        assertEquals("edited in the console", onUi(() -> vm.descriptionProperty().get()), "nothing typed is lost");
        assertNull(onUi(() -> vm.previewProperty().get()), "back on the form");
        assertEquals(k.name() + "-by-someone", onUi(() -> vm.serverCopyProperty().get()).name());
        assertEquals(k.description(), fresh(k.id()).description(), "nothing was sent");
    }

    // ---- each rule, as you type -----------------------------------------------------------------------------------

    @Test
    void everyRuleSaysWhatIsWrongBesideItsField() throws Exception {
        VirtualKey k = fresh(key(x -> x.providerConfigs().size() >= 1).id());
        VirtualKey other = key(x -> !x.id().equals(k.id()));
        KeyEditorViewModel vm = edit(k);
        ProviderRowViewModel p = onUi(() -> vm.providers().get(0));
        onUi(() -> {
            vm.nameProperty().set(other.name());
            return null;
        });
        scheduler.advance(KeyEditorViewModel.NAME_CHECK_DELAY);
        waitUntil(vm, () -> vm.nameErrorProperty().get() != null);
        assertEquals("A key named \u201c" + other.name() + "\u201d already exists: names are unique.",
                onUi(() -> vm.nameErrorProperty().get()));
        onUi(() -> {
            vm.nameProperty().set(k.name());
            vm.expiryProperty().set("2020-01-01 00:00");
            return null;
        });
        assertEquals("The expiry must be in the future: Bifrost refuses one that has passed.",
                onUi(() -> vm.expiryErrorProperty().get()));
        onUi(() -> {
            vm.expiryProperty().set("tomorrow");
            return null;
        });
        assertTrue(onUi(() -> vm.expiryErrorProperty().get()).startsWith("Write the expiry as "));
        onUi(() -> {
            vm.expiryProperty().set("");
            vm.deleteAfterProperty().set(KeyEditorViewModel.DeleteAfter.YES);
            return null;
        });
        assertEquals("\u201cDelete after it expires\u201d needs an expiry: Bifrost refuses it without one.",
                onUi(() -> vm.expiryErrorProperty().get()));
        onUi(() -> {
            vm.deleteAfterProperty().set(KeyEditorViewModel.DeleteAfter.INHERIT);
            var b1 = vm.budgets().add();
            b1.windowProperty().set("1w");
            b1.limitProperty().set("10");
            var b2 = vm.budgets().add();
            b2.windowProperty().set("weekly");
            b2.limitProperty().set("-5");
            return null;
        });
        String duplicate = onUi(() -> vm.budgets().rows().get(vm.budgets().rows().size() - 1).errorProperty().get());
        assertTrue(duplicate.endsWith("budget: each window once."), duplicate);
        onUi(() -> {
            vm.budgets().rows().get(vm.budgets().rows().size() - 1).windowProperty().set("2h");
            return null;
        });
        assertEquals("A budget's limit must be more than $0.", onUi(() ->
                vm.budgets().rows().get(vm.budgets().rows().size() - 1).errorProperty().get()));
        onUi(() -> {
            vm.budgets().rows().get(vm.budgets().rows().size() - 1).windowProperty().set("1x");
            return null;
        });
        assertTrue(onUi(() -> vm.budgets().rows().get(vm.budgets().rows().size() - 1).errorProperty().get())
                .contains("is not a window Bifrost accepts"));
        onUi(() -> {
            vm.budgets().rows().get(vm.budgets().rows().size() - 1).remove();
            vm.rateLimit().tokenMaxProperty().set("1000");
            return null;
        });
        assertEquals("Choose a reset window for the token limit.", onUi(() -> vm.rateLimit().tokenErrorProperty().get()));
        onUi(() -> {
            vm.rateLimit().clear();
            p.weightProperty().set("1.5");
            p.allowedModelsProperty().set("*, gpt-4o");
            p.blockedModelsProperty().set("regex:(?=x)gpt");
            return null;
        });
        assertEquals("A weight is from 0 to 1: the share of weighted traffic this provider gets.",
                onUi(() -> p.weightErrorProperty().get()));
        assertEquals("\u201c*\u201d already means every model: remove the other allowed entries, or the \u201c*\u201d.",
                onUi(() -> p.allowedErrorProperty().get()));
        assertTrue(onUi(() -> p.blockedErrorProperty().get()).contains("RE2"));
        onUi(() -> {
            p.allowedModelsProperty().set("regex:*");
            p.blockedModelsProperty().set("regex:[unclosed");
            return null;
        });
        assertEquals("regex:* is not a pattern: use * alone for every model, or e.g. regex:gpt-4.*.",
                onUi(() -> p.allowedErrorProperty().get()));
        assertTrue(onUi(() -> p.blockedErrorProperty().get()).startsWith("\u201cregex:[unclosed\u201d is not a pattern"));
        onUi(() -> {
            p.weightProperty().set("0");
            p.allowedModelsProperty().set("*");
            p.blockedModelsProperty().set("");
            vm.providers().stream().skip(1).forEach(r -> r.weightProperty().set(""));
            return null;
        });
        assertTrue(onUi(() -> vm.providersErrorProperty().get()).startsWith("Every weight is 0"));
        onUi(() -> {
            p.weightProperty().set("");
            var m = vm.addMetadata();
            m.keyProperty().set("bad key");
            return null;
        });
        assertTrue(onUi(() -> vm.metadata().get(0).errorProperty().get()).contains("only letters, digits"));
        onUi(() -> {
            vm.metadata().get(0).keyProperty().set("bifrost_alb_x");
            return null;
        });
        assertEquals("\u201cbifrost_alb_x\u201d is reserved by Bifrost.", onUi(() -> vm.metadata().get(0)
                .errorProperty().get()));
        onUi(() -> {
            vm.metadata().get(0).keyProperty().set("cost_center");
            vm.metadata().get(0).valueProperty().set("\uD83D\uDE00".repeat(512)); // 512 characters, 1024 UTF-16 units
            return null;
        });
        assertNull(onUi(() -> vm.metadata().get(0).errorProperty().get()), "Bifrost counts characters, not UTF-16");
        onUi(() -> {
            vm.metadata().get(0).valueProperty().set("x".repeat(513));
            return null;
        });
        assertEquals("A metadata value has at most 512 characters.", onUi(() -> vm.metadata().get(0)
                .errorProperty().get()));
        assertTrue(onUi(() -> vm.saveTextProperty().get()).startsWith("Fix "));
        assertFalse(onUi(() -> vm.canSaveProperty().get()));
        assertTrue(onUi(() -> vm.dirtyProperty().get()), "an edit that does not check out is still an edit");
    }

    @Test
    void anUnknownProviderOrMcpClientIsRefused() throws Exception {
        KeyEditorViewModel vm = onUi(() -> {
            KeyEditorViewModel e = KeyEditorViewModel.create(context());
            e.start();
            return e;
        });
        loaded(vm);
        assertTrue(onUi(() -> vm.providerChoices().contains("openai")), "the gateway's providers are offered");
        ProviderRowViewModel unknown = onUi(() -> vm.addProvider("no-such-provider"));
        assertEquals("The gateway has no provider named \u201cno-such-provider\u201d: Bifrost refuses the key with"
                + " \u201cinvalid provider name\u201d.", onUi(() -> unknown.providerErrorProperty().get()));
        assertFalse(onUi(() -> vm.providerChoices().contains("no-such-provider")));
        McpRowViewModel mcp = onUi(() -> vm.addMcp("no-such-client"));
        assertEquals("The gateway has no MCP client named \u201cno-such-client\u201d.",
                onUi(() -> mcp.errorProperty().get()));
    }

    private static List<String> strings(JsonNode array) {
        List<String> list = new java.util.ArrayList<>();
        array.forEach(n -> list.add(n.asText()));
        return list;
    }

    private void waitUntil(KeyEditorViewModel vm, Callable<Boolean> condition) throws Exception {
        // The name check's answer comes from the server; wait for it to be applied, up to 10 s.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!onUi(condition)) {
            assertTrue(System.nanoTime() < deadline, "timed out");
            onUi(() -> null);
            Thread.onSpinWait();
        }
    }
}
