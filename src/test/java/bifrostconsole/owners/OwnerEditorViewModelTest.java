package bifrostconsole.owners;

import bifrostconsole.api.ConnectionSettings;
import bifrostconsole.api.Customer;
import bifrostconsole.api.Json;
import bifrostconsole.api.ManagementApiClient;
import bifrostconsole.api.Secret;
import bifrostconsole.api.ServerFeatures;
import bifrostconsole.api.Team;
import bifrostconsole.changes.ChangeHistory;
import bifrostconsole.changes.KeyOutcome;
import bifrostconsole.changes.OwnerChanges;
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
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The team and customer form against the demo gateway: the exact bodies of the common edits, what counts as a
 * change, the name rules, the lost-update guard, and the delete that lists what it detaches. One "UI" thread, as in
 * the window.
 */
class OwnerEditorViewModelTest {
    private static DemoGateway gateway;
    private static ManagementApiClient client;

    @TempDir
    Path data;
    private ExecutorService ui;
    private ExecutorService io;
    private OwnerChanges writer;
    private ManualScheduler scheduler;

    @BeforeAll
    static void startGateway() throws Exception {
        gateway = DemoGateway.start(DemoGateway.Options.of(DemoDataGenerator.generate(5, 120, Instant.now())));
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
        writer = new OwnerChanges(client, ChangeHistory.in(data), io, Clock.systemUTC());
        scheduler = new ManualScheduler();
    }

    @AfterEach
    void tearDown() {
        ui.shutdownNow();
        io.shutdownNow();
    }

    private <T> T onUi(Callable<T> c) throws Exception {
        return ui.submit(c).get(10, TimeUnit.SECONDS);
    }

    private OwnerEditorViewModel editor(Team team) throws Exception {
        return onUi(() -> new OwnerEditorViewModel(OwnerChanges.Kind.TEAM, team, null, client, writer, ui, scheduler,
                new Formats(Locale.US, ZoneOffset.UTC), ServerFeatures.of("v2.2.5")));
    }

    private JsonNode previewed(OwnerEditorViewModel vm) throws Exception {
        assertTrue(onUi(vm::preview), () -> "the preview opens; save says " + vm.saveTextProperty().get());
        return onUi(() -> vm.previewProperty().get().request().body());
    }

    private static Team team(java.util.function.Predicate<Team> p) throws Exception {
        String id = gateway.store().teams().stream().filter(p).findFirst().orElseThrow().id();
        return client.getTeam(id).get(10, TimeUnit.SECONDS);
    }

    @Test
    void aRenameSendsOnlyTheNameAndIsLogged() throws Exception {
        Team t = team(x -> true);
        OwnerEditorViewModel vm = editor(t);
        assertEquals("No changes", onUi(() -> vm.saveTextProperty().get()));
        assertFalse(onUi(() -> vm.dirtyProperty().get()));
        onUi(() -> {
            vm.nameProperty().set(t.name() + " (renamed)");
            return null;
        });
        assertEquals("Save 1 change", onUi(() -> vm.saveTextProperty().get()));
        assertEquals("{\"name\":\"" + t.name() + " (renamed)\"}", previewed(vm).toString());
        OwnerChanges.OwnerOutcome outcome = onUi(vm::save).get(10, TimeUnit.SECONDS);
        assertEquals(KeyOutcome.Status.DONE, outcome.status(), outcome.reason());
        assertEquals(t.name() + " (renamed)", gateway.store().team(t.id()).orElseThrow().name());
        assertEquals("edit-team", ChangeHistory.in(data).read().get(0).action());
    }

    @Test
    void aBudgetChangeSendsTheWholeListWithIdsAndAsksKeepOrReset() throws Exception {
        Team t = team(x -> !x.budgets().isEmpty());
        OwnerEditorViewModel vm = editor(t);
        onUi(() -> {
            vm.budgets().rows().get(0).limitProperty().set("999");
            return null;
        });
        assertTrue(onUi(() -> vm.budgetsChangedProperty().get()));
        JsonNode body = previewed(vm);
        assertEquals(t.budgets().get(0).id(), body.path("budgets").get(0).path("id").asText(), "it keeps its usage");
        assertEquals(999.0, body.path("budgets").get(0).path("max_limit").asDouble());
        assertEquals(t.budgets().size(), body.path("budgets").size(), "the full desired list");
        assertFalse(body.has("reset_budget_usage"));
        onUi(() -> {
            vm.resetUsageProperty().set(true);
            return null;
        });
        assertTrue(onUi(() -> vm.previewProperty().get().request().body().path("reset_budget_usage").asBoolean()));
        OwnerChanges.OwnerOutcome outcome = onUi(vm::save).get(10, TimeUnit.SECONDS);
        assertEquals(KeyOutcome.Status.DONE, outcome.status(), outcome.reason());
        assertEquals(0, gateway.store().team(t.id()).orElseThrow().budgets().get(0).currentUsage());
    }

    @Test
    void clearingTheCustomerAndTheRateLimitSendsTheirEmptyForms() throws Exception {
        Team t = team(x -> x.customerId() != null && x.rateLimit() != null);
        OwnerEditorViewModel vm = editor(t);
        onUi(() -> {
            vm.customerPicker().clear();
            vm.rateLimit().clear();
            return null;
        });
        assertEquals(Json.mapper().readTree("{\"customer_id\":\"\",\"rate_limit\":{}}"), previewed(vm));
        assertEquals("Save 2 changes", onUi(() -> vm.saveTextProperty().get()));
    }

    @Test
    void anEditIsRefusedWhenTheTeamChangedMeanwhileButNotWhenOnlyItsUsageMoved() throws Exception {
        Team t = team(x -> !x.budgets().isEmpty());
        OwnerEditorViewModel vm = editor(t);
        onUi(() -> {
            vm.calendarAlignedProperty().set(!t.calendarAligned());
            return null;
        });
        previewed(vm);
        client.updateTeam(t.id(), Json.mapper().createObjectNode().put("name", t.name() + " by someone"))
                .get(10, TimeUnit.SECONDS);
        OwnerChanges.OwnerOutcome outcome = onUi(vm::save).get(10, TimeUnit.SECONDS);
        assertEquals(KeyOutcome.Status.CHANGED_ON_SERVER, outcome.status());
        assertTrue(onUi(() -> vm.saveErrorProperty().get()).contains("name: " + t.name() + " \u2192 " + t.name()
                + " by someone"), onUi(() -> vm.saveErrorProperty().get()));
        assertEquals(t.calendarAligned(), gateway.store().team(t.id()).orElseThrow().calendarAligned(),
                "nothing was sent");

        JsonNode seen = Json.mapper().valueToTree(t);
        JsonNode usageMoved = seen.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) usageMoved.path("budgets").get(0)).put("current_usage", 12.5);
        assertTrue(OwnerChanges.between(seen, usageMoved).isEmpty(), "traffic moving a counter is no conflict");
    }

    @Test
    void aNewCustomerNeedsAUniqueNameAndSendsWhatIsSet() throws Exception {
        Customer existing = gateway.store().customers().get(0);
        OwnerEditorViewModel vm = onUi(() -> new OwnerEditorViewModel(OwnerChanges.Kind.CUSTOMER, null, null, client,
                writer, ui, scheduler, new Formats(Locale.US, ZoneOffset.UTC), ServerFeatures.of("v2.2.5")));
        assertEquals("A customer needs a name.", onUi(() -> vm.nameErrorProperty().get()));
        assertFalse(onUi(() -> vm.canSaveProperty().get()));
        onUi(() -> {
            vm.nameProperty().set(existing.name());
            return null;
        });
        scheduler.advance(OwnerEditorViewModel.NAME_CHECK_DELAY);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (onUi(() -> vm.nameErrorProperty().get()) == null) {
            assertTrue(System.nanoTime() < deadline, "the name check answers");
        }
        assertEquals("A customer named \u201c" + existing.name() + "\u201d already exists: names are unique.",
                onUi(() -> vm.nameErrorProperty().get()));
        onUi(() -> {
            vm.nameProperty().set("Hooli");
            var b = vm.budgets().add();
            b.windowProperty().set("1Q");
            b.limitProperty().set("$30,000");
            b.quarterStartMonthProperty().set(4);
            vm.calendarAlignedProperty().set(true);
            return null;
        });
        assertEquals("Create customer", onUi(() -> vm.saveTextProperty().get()));
        // Both sides read by the same plain mapper: the wire text is compared, not Jackson's number-node classes
        // (Json.mapper() keeps written decimals as BigDecimal, the form builds doubles).
        com.fasterxml.jackson.databind.ObjectMapper plain = new com.fasterxml.jackson.databind.ObjectMapper();
        assertEquals(plain.readTree("{\"name\":\"Hooli\",\"budgets\":[{\"max_limit\":30000.0,"
                + "\"reset_duration\":\"1Q\",\"quarter_start_month\":4}],\"calendar_aligned\":true}"),
                plain.readTree(previewed(vm).toString()));
        assertEquals("POST /api/governance/customers", onUi(() -> vm.previewProperty().get().request().method() + " "
                + vm.previewProperty().get().request().path()));
    }

    @Test
    void aTeamMovedUnderACustomerSendsTheCustomer() throws Exception {
        Team t = team(x -> x.customerId() == null);
        Customer c = gateway.store().customers().get(1);
        OwnerEditorViewModel vm = editor(t);
        onUi(() -> {
            vm.customerPicker().choose(new FilterOption(c.id(), c.name(), ""));
            return null;
        });
        assertEquals("{\"customer_id\":\"" + c.id() + "\"}", previewed(vm).toString());
        assertTrue(onUi(() -> vm.previewProperty().get().sideEffects()).get(0).contains(c.name()));
    }

    @Test
    void deletingACustomerListsItsKeysAndTeamsAndDetachesThem() throws Exception {
        Customer c = client.getCustomer(gateway.store().customers().stream().filter(x -> !x.teams().isEmpty())
                .findFirst().orElseThrow().id()).get(10, TimeUnit.SECONDS);
        OwnerDeleteViewModel vm = onUi(() -> new OwnerDeleteViewModel(OwnerChanges.Kind.CUSTOMER, c, c.id(), c.name(),
                client, writer, ui));
        onUi(() -> {
            vm.load();
            return null;
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (onUi(() -> vm.previewProperty().get()) == null) {
            assertTrue(System.nanoTime() < deadline, "what it holds is read");
        }
        long keys = gateway.store().virtualKeys().stream().filter(k -> c.id().equals(k.customerId())).count();
        assertEquals(keys, (long) onUi(() -> vm.keys().size()));
        assertEquals(c.teams().size(), (int) onUi(() -> vm.teams().size()));
        assertEquals("DELETE /api/governance/customers/" + c.id(), onUi(() -> vm.previewProperty().get().request()
                .preview()));
        onUi(() -> {
            vm.confirm();
            return null;
        });
        while (gateway.store().customer(c.id()).isPresent()) {
            assertTrue(System.nanoTime() < deadline + TimeUnit.SECONDS.toNanos(10), "deleted");
            onUi(() -> null);
        }
        assertTrue(gateway.store().virtualKeys().stream().noneMatch(k -> c.id().equals(k.customerId())));
        assertTrue(gateway.store().teams().stream().noneMatch(t -> c.id().equals(t.customerId())));
    }
}
