package bifrostconsole.store;

import bifrostconsole.api.ApiException;
import bifrostconsole.api.Customer;
import bifrostconsole.api.ListQuery;
import bifrostconsole.api.Page;
import bifrostconsole.api.Provider;
import bifrostconsole.api.ProviderKey;
import bifrostconsole.api.SecretValue;
import bifrostconsole.api.SortField;
import bifrostconsole.api.SortOrder;
import bifrostconsole.api.Team;
import bifrostconsole.api.VirtualKey;
import bifrostconsole.api.VirtualKeyQuery;
import bifrostconsole.demo.DemoDataGenerator;
import bifrostconsole.testing.TestKeys;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GovernanceStoreTest {
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private static VirtualKey key(String id, String name, boolean active, Instant created) {
        return TestKeys.key(id).name(name).value("sk-bf-" + id).active(active).createdAt(created).updatedAt(created)
                .build();
    }

    @Test
    void aStoreBuiltFromPlainListsAnswersLikeTheGatewayThroughTheSourceInterface() {
        List<VirtualKey> keys = List.of(
                key("c", "Zeta", true, T0),
                key("a", "alpha", false, T0.plusSeconds(5)),
                key("b", "beta", true, T0)); // same created_at as "c": id decides
        Team team = Team.named("t1", "Payments");
        Customer customer = Customer.named("c1", "Acme");
        GovernanceStore store = new GovernanceStore(keys, List.of(team), List.of(customer), List.of(),
                List.of(new Provider("openai", "active", null, null, null)), Map.of("openai", List.of()));
        StoreGovernanceSource source = StoreGovernanceSource.snapshot(store, "snapshot-2026-11-27.json");
        assertFalse(source.live());
        assertEquals("snapshot-2026-11-27.json", source.displayName());

        Page<VirtualKey> byCreation = source.listVirtualKeys(VirtualKeyQuery.firstPage(10)).join();
        assertEquals(List.of("b", "c", "a"), byCreation.items().stream().map(VirtualKey::id).toList());
        Page<VirtualKey> byName = source.listVirtualKeys(VirtualKeyQuery.firstPage(10)
                .withSort(SortField.NAME, SortOrder.ASC)).join();
        assertEquals(List.of("Zeta", "alpha", "beta"), byName.items().stream().map(VirtualKey::name).toList(),
                "byte order, as the database compares");
        Page<VirtualKey> byStatus = source.listVirtualKeys(VirtualKeyQuery.firstPage(2)
                .withSort(SortField.STATUS, SortOrder.DESC)).join();
        assertEquals(List.of("b", "c"), byStatus.items().stream().map(VirtualKey::id).toList());
        assertEquals(3, byStatus.totalCount());
        assertEquals(1, source.listVirtualKeys(VirtualKeyQuery.firstPage(5).withSearch("ALP")).join().totalCount());

        assertEquals("alpha", source.getVirtualKey("a").join().name());
        ApiException missing = assertInstanceOf(ApiException.class,
                assertThrows(CompletionException.class, () -> source.getVirtualKey("zz").join()).getCause());
        assertEquals(ApiException.Kind.NOT_FOUND, missing.kind());
        assertTrue(missing.getMessage().contains("snapshot-2026-11-27.json"));
        ApiException invalid = assertInstanceOf(ApiException.class, assertThrows(CompletionException.class,
                () -> source.listVirtualKeys(VirtualKeyQuery.firstPage(5).withOffset(-1)).join()).getCause());
        assertEquals(ApiException.Kind.BAD_REQUEST, invalid.kind());
        assertEquals("Invalid offset parameter: must be non-negative", invalid.serverMessage());

        assertEquals(1, source.listTeams(ListQuery.firstPage(5)).join().count());
        assertEquals("Acme", source.listCustomers(ListQuery.firstPage(5)).join().items().get(0).name());
        assertEquals("Payments", source.getTeam("t1").join().name());
    }

    @Test
    void keysEncodedOneAtATimeMakeTheSameStoreAsTheListAndArePassedOverOneAtATime() throws Exception {
        GovernanceStore demo = DemoDataGenerator.generate(7, 2_000, T0);
        List<VirtualKey> keys = new java.util.ArrayList<>(demo.virtualKeys());
        java.util.Collections.reverse(keys); // not in creation order: the store's orders must not depend on it
        GovernanceStore.Keys added = new GovernanceStore.Keys(10); // grows past what it expected
        keys.forEach(added::add);
        assertEquals(keys.size(), added.size());
        GovernanceStore fromKeys = new GovernanceStore(added, demo.teams(), List.of(), List.of(), List.of(), Map.of());
        GovernanceStore fromList = new GovernanceStore(keys, demo.teams(), List.of(), List.of(), List.of(), Map.of());
        var mapper = bifrostconsole.api.Json.mapper();
        assertEquals(mapper.writeValueAsString(fromList.virtualKeys()), mapper.writeValueAsString(fromKeys.virtualKeys()));
        assertEquals(mapper.writeValueAsString(demo.virtualKeys()), mapper.writeValueAsString(fromKeys.virtualKeys()));
        for (Map<String, String> query : List.of(Map.of("sort_by", "name", "order", "desc", "limit", "100"),
                Map.of("search", "prod", "offset", "25"), Map.of("sort_by", "budget_spent", "limit", "50"))) {
            assertEquals(mapper.writeValueAsString(fromList.listVirtualKeys(query).items()),
                    mapper.writeValueAsString(fromKeys.listVirtualKeys(query).items()), query.toString());
        }
        VirtualKey last = keys.get(0);
        assertEquals(last.name(), fromKeys.virtualKey(last.id()).orElseThrow().name());

        List<VirtualKey> passed = new java.util.ArrayList<>();
        fromKeys.forEachVirtualKey(passed::add);
        assertEquals(mapper.writeValueAsString(fromKeys.virtualKeys()), mapper.writeValueAsString(passed),
                "creation order, as virtualKeys()");
        assertThrows(IllegalStateException.class,
                () -> new GovernanceStore(added, List.of(), List.of(), List.of(), List.of(), Map.of()));
    }

    @Test
    void aKeyIsFoundByItsIdAmongManyAndTheFirstOfEqualIdsWins() {
        List<VirtualKey> keys = new java.util.ArrayList<>();
        for (int i = 0; i < 500; i++) {
            keys.add(key(String.format("k%03d", (i * 7919) % 500), "key " + i, true, T0.plusSeconds(i)));
        }
        keys.add(key("k123", "a second k123", true, T0)); // the id lookup keeps the first of equal ids
        GovernanceStore store = new GovernanceStore(keys, List.of(), List.of(), List.of(), List.of(), Map.of());
        for (VirtualKey k : keys.subList(0, 500)) {
            assertEquals(k.name(), store.virtualKey(k.id()).orElseThrow().name());
        }
        assertEquals("key " + keys.stream().map(VirtualKey::id).toList().indexOf("k123"),
                store.virtualKey("k123").orElseThrow().name());
        assertFalse(store.virtualKey("k500").isPresent());
        assertFalse(store.virtualKey("a").isPresent());
        assertFalse(store.virtualKey("zz").isPresent());
        assertFalse(store.virtualKey(null).isPresent());
    }

    @Test
    void equalSortValuesAreOrderedByIdAscendingInBothDirections() {
        List<VirtualKey> keys = List.of(key("z", "dup", true, T0), key("m", "dup", true, T0), key("q", "solo", true, T0),
                key("a", "Dup", false, T0.plusSeconds(1)));
        GovernanceStore store = new GovernanceStore(keys, List.of(), List.of(), List.of(), List.of(), Map.of());
        for (String order : new String[]{"asc", "desc"}) {
            List<String> ids = store.listVirtualKeys(Map.of("sort_by", "name", "order", order)).items().stream()
                    .map(VirtualKey::id).toList();
            assertEquals(order.equals("asc") ? List.of("a", "m", "z", "q") : List.of("q", "m", "z", "a"), ids, order);
        }
        assertEquals(List.of("m", "q", "z", "a"), store.listVirtualKeys(Map.of("sort_by", "created_at")).items().stream()
                .map(VirtualKey::id).toList());
        assertEquals(List.of("a", "m", "q", "z"), store.listVirtualKeys(Map.of("sort_by", "status")).items().stream()
                .map(VirtualKey::id).toList());
    }

    @Test
    void redactionFollowsBifrost() {
        assertEquals("", SecretValue.redact(""));
        assertEquals("****", SecretValue.redact("abcd"));
        assertEquals("********", SecretValue.redact("abcdefgh"));
        assertEquals("sk-p************************wxyz", SecretValue.redact("sk-proj-0123456789abcdefghijklmnopqrstuvwxyz"));
        assertEquals(32, SecretValue.redact("123456789").length());
        SecretValue env = SecretValue.env("env.OPENAI_API_KEY", "sk-proj-abcdefghijkl").redacted();
        assertEquals("OPENAI_API_KEY", env.environmentVariable(), "the reference is kept");
        assertEquals("sk-p************************ijkl", env.value());
    }

    @Test
    void providerKeysAreServedRedactedButKeptWhole() {
        GovernanceStore store = DemoDataGenerator.generate(3, 10, T0);
        ProviderKey withSecret = store.providerKeysWithSecrets().get("openai").get(0);
        ProviderKey served = store.providerKeys("openai").orElseThrow().get(0);
        assertEquals(withSecret.id(), served.id());
        assertFalse(served.value().value().equals(withSecret.value().value()));
        assertEquals(SecretValue.redact(withSecret.value().value()), served.value().value());
        assertTrue(store.providerKeys("cohere").isEmpty());
    }

    @Test
    void teamsAndCustomersDefaultAnInvalidLimitSilently() {
        GovernanceStore store = DemoDataGenerator.generate(3, 10, T0);
        Page<Team> teams = store.listTeams(Map.of("limit", "abc", "offset", "-4"));
        assertEquals(25, teams.limit());
        assertEquals(0, teams.offset());
        Page<Customer> customers = store.listCustomers(Map.of("limit", "1000"));
        assertEquals(100, customers.limit());
        assertThrows(GovernanceStore.QueryException.class, () -> store.listMcpClients(Map.of("limit", "x")),
                "the MCP list refuses it");
    }

    @Test
    void mcpClientsFilterByServerTypeAuthAndFlags() {
        GovernanceStore store = DemoDataGenerator.generate(3, 10, T0);
        int all = store.mcpClients().size();
        assertEquals(all, store.listMcpClients(Map.of()).totalCount());
        assertEquals(List.of("github"), store.listMcpClients(Map.of("server", "mcp_github")).items().stream()
                .map(c -> c.config().name()).toList());
        assertTrue(store.listMcpClients(Map.of("connection_type", "stdio")).items().stream()
                .allMatch(c -> c.config().stdioConfig() != null));
        assertEquals(List.of("slack"), store.listMcpClients(Map.of("disabled", "true")).items().stream()
                .map(c -> c.config().name()).toList());
        assertEquals(all - 1, store.listMcpClients(Map.of("disabled", "false")).totalCount());
        assertEquals(List.of("postgres-analytics"), store.listMcpClients(Map.of("code_mode", "true")).items().stream()
                .map(c -> c.config().name()).toList());
        assertEquals(List.of("jira"), store.listMcpClients(Map.of("auth_type", "oauth")).items().stream()
                .map(c -> c.config().name()).toList());
        GovernanceStore.QueryException bad = assertThrows(GovernanceStore.QueryException.class,
                () -> store.listMcpClients(Map.of("disabled", "yes")));
        assertEquals(400, bad.status());
        assertEquals("Invalid disabled parameter: must be true or false", bad.getMessage());
    }
}
