package bifrostconsole.api;

import bifrostconsole.demo.DemoGateway;
import bifrostconsole.store.GovernanceStore;
import bifrostconsole.testing.DemoGatewayExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletionException;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every query parameter of the management API, through the real client, against the demo gateway. Expected
 * answers are computed here from the full key list with plain comparators, independently of the store.
 */
class ManagementApiClientQueryTest {
    static final Instant NOW = Instant.parse("2026-11-27T06:00:00Z");
    static final int KEYS = 10_050; // more than the export cap
    static final String API_KEY = "bf-mgmt-9f8e7d6c5b4a";


    @RegisterExtension
    static final DemoGatewayExtension gateway = DemoGatewayExtension.withKeys(11, KEYS).asOf(NOW).withApiKey(API_KEY);

    static ManagementApiClient client;
    static List<VirtualKey> all;

    @BeforeAll
    static void readTheKeys() {
        client = gateway.client();
        all = new ArrayList<>(gateway.store().virtualKeys());
    }

    private static Page<VirtualKey> list(VirtualKeyQuery query) {
        return client.listVirtualKeys(query).join();
    }

    private static List<String> ids(List<VirtualKey> keys) {
        return keys.stream().map(VirtualKey::id).toList();
    }

    private static String lastRequest() {
        List<String> log = gateway.requestLog();
        return log.get(log.size() - 1);
    }

    private static List<VirtualKey> expected(Comparator<VirtualKey> order, Predicate<VirtualKey> filter) {
        return all.stream().filter(filter).sorted(order).toList();
    }

    private static double spent(VirtualKey k) {
        return k.budgets().stream().mapToDouble(Budget::currentUsage).max().orElse(0);
    }

    /** ORDER BY field [DESC], id ASC. */
    private static Comparator<VirtualKey> bifrostOrder(SortField field, SortOrder order) {
        Comparator<VirtualKey> primary = switch (field) {
            case NAME -> Comparator.comparing(VirtualKey::name);
            case BUDGET_SPENT -> Comparator.comparingDouble(ManagementApiClientQueryTest::spent);
            case CREATED_AT -> Comparator.comparing(VirtualKey::createdAt);
            case STATUS -> Comparator.comparing(VirtualKey::active);
        };
        return (order == SortOrder.DESC ? primary.reversed() : primary).thenComparing(VirtualKey::id);
    }

    // ---- paging ------------------------------------------------------------------------------------------

    @Test
    void noParametersListsEveryKeyOldestFirst() {
        Page<VirtualKey> page = list(VirtualKeyQuery.all());
        assertEquals("/api/governance/virtual-keys", lastRequest());
        assertEquals(KEYS, page.count());
        assertEquals(KEYS, page.totalCount());
        assertEquals(KEYS, page.limit());
        assertEquals(0, page.offset());
        assertEquals(ids(expected(bifrostOrder(SortField.CREATED_AT, SortOrder.ASC), k -> true)), ids(page.items()));
    }

    @Test
    void limitDefaultsTo25AndIsCappedAt100() {
        Page<VirtualKey> zero = list(VirtualKeyQuery.all().withLimit(0));
        assertEquals(25, zero.count());
        assertEquals(25, zero.limit());
        assertEquals(KEYS, zero.totalCount(), "total_count counts every match, count only the page");
        Page<VirtualKey> big = list(VirtualKeyQuery.all().withLimit(5000));
        assertEquals(100, big.count());
        assertEquals(100, big.limit());
        assertEquals("/api/governance/virtual-keys?limit=5000", lastRequest());
    }

    @Test
    void offsetSkipsAndAPageBeyondTheEndIsEmpty() {
        List<VirtualKey> byCreation = expected(bifrostOrder(SortField.CREATED_AT, SortOrder.ASC), k -> true);
        Page<VirtualKey> page = list(VirtualKeyQuery.firstPage(10).withOffset(40));
        assertEquals(ids(byCreation.subList(40, 50)), ids(page.items()));
        assertEquals(40, page.offset());
        Page<VirtualKey> beyond = list(VirtualKeyQuery.firstPage(10).withOffset(KEYS + 5));
        assertEquals(0, beyond.count());
        assertTrue(beyond.items().isEmpty());
        assertEquals(KEYS, beyond.totalCount());
    }

    @Test
    void negativeOrNonNumericLimitAndOffsetAreRefusedWith400() throws Exception {
        ApiException negative = failure(VirtualKeyQuery.all().withLimit(-1));
        assertEquals(ApiException.Kind.BAD_REQUEST, negative.kind());
        assertEquals(400, negative.statusCode());
        assertEquals("Invalid limit parameter: must be non-negative", negative.serverMessage());
        assertEquals("Invalid offset parameter: must be non-negative",
                failure(VirtualKeyQuery.all().withOffset(-3)).serverMessage());

        HttpResponse<String> raw = rawGet("/api/governance/virtual-keys?limit=ten");
        assertEquals(400, raw.statusCode());
        assertEquals("{\"is_bifrost_error\":false,\"status_code\":400,\"error\":{\"message\":"
                + "\"Invalid limit parameter: must be a number\"},\"extra_fields\":{}}", raw.body());
        assertTrue(rawGet("/api/governance/virtual-keys?offset=1.5").body()
                .contains("Invalid offset parameter: must be a number"));
    }

    // ---- search and filters ------------------------------------------------------------------------------

    @Test
    void searchIsACaseInsensitiveSubstringOfTheName() {
        Page<VirtualKey> page = list(VirtualKeyQuery.firstPage(100).withSearch("CHECKOUT-service-P"));
        List<VirtualKey> expected = expected(bifrostOrder(SortField.CREATED_AT, SortOrder.ASC),
                k -> k.name().toLowerCase(Locale.ROOT).contains("checkout-service-p"));
        assertTrue(expected.size() > 10, "the data should have enough matches to be a real test");
        assertEquals(expected.size(), page.totalCount());
        assertEquals(ids(expected.subList(0, Math.min(100, expected.size()))), ids(page.items()));
        assertEquals("/api/governance/virtual-keys?limit=100&offset=0&search=CHECKOUT-service-P", lastRequest());
        assertEquals(0, list(VirtualKeyQuery.firstPage(10).withSearch("no-such-name-anywhere")).totalCount());
    }

    @Test
    void customerAndTeamFiltersAreOredWhenBothAreGiven() {
        VirtualKey onTeam = all.stream().filter(k -> k.teamId() != null).findFirst().orElseThrow();
        VirtualKey onCustomer = all.stream().filter(k -> k.customerId() != null && k.teamId() == null)
                .findFirst().orElseThrow();
        String team = onTeam.teamId();
        String customer = onCustomer.customerId();

        Page<VirtualKey> byTeam = list(VirtualKeyQuery.firstPage(100).withTeamId(team));
        assertEquals(all.stream().filter(k -> team.equals(k.teamId())).count(), byTeam.totalCount());
        assertTrue(byTeam.items().stream().allMatch(k -> team.equals(k.teamId())));

        Page<VirtualKey> byCustomer = list(VirtualKeyQuery.firstPage(100).withCustomerId(customer));
        assertEquals(all.stream().filter(k -> customer.equals(k.customerId())).count(), byCustomer.totalCount());

        Page<VirtualKey> both = list(VirtualKeyQuery.firstPage(100).withCustomerId(customer).withTeamId(team));
        assertEquals(byTeam.totalCount() + byCustomer.totalCount(), both.totalCount(), "customer_id OR team_id");
        assertTrue(both.items().stream().anyMatch(k -> team.equals(k.teamId())));
        assertTrue(both.items().stream().anyMatch(k -> customer.equals(k.customerId())));
    }

    @Test
    void excludeAccessProfileManagedLeavesThoseKeysOut() {
        long managed = all.stream().filter(VirtualKey::accessProfileManaged).count();
        assertTrue(managed > 0, "the demo data has access-profile-managed keys");
        Page<VirtualKey> page = list(VirtualKeyQuery.firstPage(100).withExcludeAccessProfileManaged(true));
        assertEquals(KEYS - managed, page.totalCount());
        assertFalse(page.items().stream().anyMatch(VirtualKey::accessProfileManaged));
        assertTrue(lastRequest().endsWith("exclude_access_profile_managed_virtual=true"));
    }

    // ---- sorting --------------------------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(SortField.class)
    void everySortFieldInBothOrdersHasIdAsTieBreaker(SortField field) {
        for (SortOrder order : SortOrder.values()) {
            List<VirtualKey> expected = expected(bifrostOrder(field, order), k -> true);
            for (int offset : new int[]{0, 4_321}) {
                Page<VirtualKey> page = list(VirtualKeyQuery.firstPage(100).withOffset(offset).withSort(field, order));
                assertEquals(ids(expected.subList(offset, offset + 100)), ids(page.items()),
                        field + " " + order + " at " + offset);
            }
            assertTrue(lastRequest().contains("sort_by=" + field.wireName() + "&order=" + order.wireName()));
        }
    }

    @Test
    void statusAscendingPutsInactiveKeysFirstThenIdAscending() {
        Page<VirtualKey> page = list(VirtualKeyQuery.firstPage(100).withSort(SortField.STATUS, SortOrder.ASC));
        assertFalse(page.items().get(0).active());
        List<String> ids = ids(page.items());
        assertEquals(ids.stream().sorted().toList(), ids, "ties on is_active are broken by id ASC");
        // DESC puts active first, and the ties are still id ASC, not reversed
        List<String> desc = ids(list(VirtualKeyQuery.firstPage(100).withSort(SortField.STATUS, SortOrder.DESC)).items());
        assertEquals(desc.stream().sorted().toList(), desc);
    }

    @Test
    void unknownSortFieldFallsBackToCreatedAtAndOrderIsCaseInsensitive() throws Exception {
        List<VirtualKey> created = expected(bifrostOrder(SortField.CREATED_AT, SortOrder.ASC), k -> true);
        assertEquals(ids(created.subList(0, 5)), ids(rawPage("/api/governance/virtual-keys?limit=5&sort_by=colour").items()));
        List<VirtualKey> byNameDesc = expected(bifrostOrder(SortField.NAME, SortOrder.DESC), k -> true);
        assertEquals(ids(byNameDesc.subList(0, 5)),
                ids(rawPage("/api/governance/virtual-keys?limit=5&sort_by=name&order=DeSc").items()));
        List<VirtualKey> byNameAsc = expected(bifrostOrder(SortField.NAME, SortOrder.ASC), k -> true);
        assertEquals(ids(byNameAsc.subList(0, 5)),
                ids(rawPage("/api/governance/virtual-keys?limit=5&sort_by=name&order=sideways").items()));
    }

    @Test
    void budgetSpentSortsByTheHighestBudgetUsageWithKeysWithoutBudgetsAsZero() {
        Page<VirtualKey> top = list(VirtualKeyQuery.firstPage(3).withSort(SortField.BUDGET_SPENT, SortOrder.DESC));
        double max = all.stream().mapToDouble(ManagementApiClientQueryTest::spent).max().orElseThrow();
        assertEquals(max, spent(top.items().get(0)));
        Page<VirtualKey> bottom = list(VirtualKeyQuery.firstPage(3).withSort(SortField.BUDGET_SPENT, SortOrder.ASC));
        assertTrue(bottom.items().get(0).budgets().isEmpty() || spent(bottom.items().get(0)) == 0);
    }

    // ---- export and from_memory ----------------------------------------------------------------------------

    @Test
    void exportDefaultsToAndIsCappedAtTenThousandAndReportsLimitZeroWithoutALimit() {
        Page<VirtualKey> export = list(VirtualKeyQuery.all().withExport(true));
        assertEquals("/api/governance/virtual-keys?export=true", lastRequest());
        assertEquals(10_000, export.count());
        assertEquals(KEYS, export.totalCount());
        assertEquals(0, export.limit(), "Bifrost echoes limit 0 for an export without a limit");
        Page<VirtualKey> capped = list(VirtualKeyQuery.all().withExport(true).withLimit(50_000));
        assertEquals(10_000, capped.count());
        assertEquals(10_000, capped.limit());
        Page<VirtualKey> small = list(VirtualKeyQuery.all().withExport(true).withLimit(250).withOffset(10_000));
        assertEquals(50, small.count());
        assertEquals(250, small.limit());
    }

    @Test
    void streamingAnExportHandsEveryKeyToTheSink() {
        List<VirtualKey> seen = new ArrayList<>();
        Page<VirtualKey> envelope = client.streamVirtualKeys(VirtualKeyQuery.all().withExport(true).withOffset(9_000),
                seen::add).join();
        assertEquals(1_050, seen.size());
        assertEquals(1_050, envelope.count());
        assertEquals(KEYS, envelope.totalCount());
        assertEquals(ids(expected(bifrostOrder(SortField.CREATED_AT, SortOrder.ASC), k -> true).subList(9_000, KEYS)),
                ids(seen));
    }

    @Test
    void fromMemoryIgnoresEveryOtherParameter() {
        Page<VirtualKey> page = list(VirtualKeyQuery.firstPage(5).withSearch("zzz-nothing").withOffset(7)
                .withSort(SortField.NAME, SortOrder.DESC).withFromMemory(true));
        assertTrue(lastRequest().contains("from_memory=true"));
        assertEquals(KEYS, page.count());
        assertEquals(KEYS, page.totalCount());
        assertEquals(0, page.offset());
        assertEquals(ids(expected(bifrostOrder(SortField.CREATED_AT, SortOrder.ASC), k -> true)), ids(page.items()));
    }

    @Test
    void getByIdReturnsTheKeyAnd404sForAnUnknownOne() {
        VirtualKey some = all.get(1234);
        assertEquals(some, client.getVirtualKey(some.id()).join());
        ApiException missing = assertInstanceOf(ApiException.class, assertThrows(CompletionException.class,
                () -> client.getVirtualKey("no-such-id").join()).getCause());
        assertEquals(ApiException.Kind.NOT_FOUND, missing.kind());
        assertEquals("Virtual key not found", missing.serverMessage());
    }

    // ---- teams, customers, MCP, providers, health -------------------------------------------------------------

    @Test
    void teamsSearchFilterByCustomerPageAndDefaultAnInvalidLimit() throws Exception {
        GovernanceStore store = gateway.store();
        Page<Team> everything = client.listTeams(new ListQuery(null, null, null, null)).join();
        assertEquals(store.teams().size(), everything.count());
        assertEquals(everything.count(), everything.totalCount());

        Team some = store.teams().get(2);
        Page<Team> found = client.listTeams(ListQuery.firstPage(10).withSearch(some.name().toUpperCase(Locale.ROOT))).join();
        assertTrue(found.items().stream().anyMatch(t -> t.id().equals(some.id())));

        String customer = store.teams().stream().filter(t -> t.customerId() != null).findFirst().orElseThrow().customerId();
        Page<Team> ofCustomer = client.listTeams(new ListQuery(null, null, null, customer)).join();
        assertFalse(ofCustomer.items().isEmpty());
        assertTrue(ofCustomer.items().stream().allMatch(t -> customer.equals(t.customerId())));
        assertTrue(ofCustomer.items().stream().allMatch(t -> t.customer() != null && customer.equals(t.customer().id())));

        Page<Team> second = client.listTeams(new ListQuery(2, 1, null, null)).join();
        assertEquals(List.of(everything.items().get(1).id(), everything.items().get(2).id()),
                second.items().stream().map(Team::id).toList());
        assertEquals(everything.count(), second.totalCount());

        HttpResponse<String> lenient = rawGet("/api/governance/teams?limit=lots");
        assertEquals(200, lenient.statusCode(), "teams default an invalid limit silently");
        assertTrue(lenient.body().contains("\"limit\":25"));

        assertEquals(some.name(), client.getTeam(some.id()).join().name());
        ApiException missing = assertInstanceOf(ApiException.class,
                assertThrows(CompletionException.class, () -> client.getTeam("nope").join()).getCause());
        assertEquals("Team not found", missing.serverMessage());
    }

    @Test
    void customersSearchPageAndGet() {
        GovernanceStore store = gateway.store();
        Page<Customer> everything = client.listCustomers(new ListQuery(null, null, null, null)).join();
        assertEquals(store.customers().size(), everything.count());
        Customer some = everything.items().get(1);
        assertFalse(some.teams().isEmpty() && store.teams().stream().anyMatch(t -> some.id().equals(t.customerId())),
                "customers carry their teams");
        Page<Customer> found = client.listCustomers(ListQuery.firstPage(5).withSearch(some.name().substring(1, 5).toLowerCase(Locale.ROOT))).join();
        assertTrue(found.items().stream().anyMatch(c -> c.id().equals(some.id())));
        assertEquals(5, found.limit());
        assertEquals(some.name(), client.getCustomer(some.id()).join().name());
        ApiException missing = assertInstanceOf(ApiException.class,
                assertThrows(CompletionException.class, () -> client.getCustomer("nope").join()).getCause());
        assertEquals("Customer not found", missing.serverMessage());
        assertEquals(ApiException.Kind.NOT_FOUND, missing.kind());
    }

    @Test
    void mcpClientsInTheEnvelopeAndAsTheOlderBareArray() throws Exception {
        Page<McpClient> page = client.listMcpClients(ListQuery.firstPage(25)).join();
        assertEquals(gateway.store().mcpClients().size(), page.count());
        McpClient stdio = page.items().stream().filter(c -> "stdio".equals(c.config().connectionType()))
                .findFirst().orElseThrow();
        assertFalse(stdio.config().stdioConfig().command().isEmpty());
        assertTrue(page.items().stream().anyMatch(c -> !c.vkConfigs().isEmpty()), "some keys use MCP tools");
        assertTrue(page.items().stream().allMatch(c -> !c.tools().isEmpty() || c.config().disabled()));
        assertEquals(1, client.listMcpClients(ListQuery.firstPage(25).withSearch("GITHUB")).join().count());

        byte[] legacy;
        try (InputStream in = getClass().getResourceAsStream("/fixtures/mcp-clients-legacy-array.json")) {
            legacy = in.readAllBytes();
        }
        gateway.injectFault("/api/mcp/clients", DemoGateway.Fault.json(200, legacy));
        Page<McpClient> old = client.listMcpClients(ListQuery.firstPage(25)).join();
        assertEquals(2, old.count());
        assertEquals("filesystem", old.items().get(0).config().name());
        assertEquals("read_file", old.items().get(0).tools().get(0).name());
    }

    @Test
    void providersAndTheirKeysWithRedactedSecretsAndEnvReferencesKept() {
        List<Provider> providers = client.listProviders().join();
        List<String> names = providers.stream().map(Provider::name).toList();
        assertEquals(names.stream().sorted().toList(), names, "sorted by name");
        assertTrue(names.containsAll(List.of("openai", "anthropic", "azure", "bedrock", "vertex")));

        List<ProviderKey> openai = client.listProviderKeys("openai").join();
        ProviderKey envBacked = openai.stream().filter(k -> k.value().fromEnvironment()).findFirst().orElseThrow();
        assertEquals("OPENAI_API_KEY", envBacked.value().environmentVariable());
        assertTrue(envBacked.value().value().matches("sk-p\\*{24}.{4}"), envBacked.value().value());
        ProviderKey literal = openai.stream().filter(k -> !k.value().fromEnvironment()).findFirst().orElseThrow();
        assertEquals(32, literal.value().value().length());
        assertTrue(literal.value().value().substring(4, 28).chars().allMatch(c -> c == '*'));

        ProviderKey azure = client.listProviderKeys("azure").join().get(0);
        assertEquals("AZURE_OPENAI_ENDPOINT", azure.azure().endpoint().environmentVariable());
        assertTrue(azure.azure().clientSecret().value().contains("*".repeat(24)));
        assertFalse(azure.azure().deployments().isEmpty());
        assertTrue(client.listProviderKeys("bedrock").join().get(0).bedrock().secretKey().value().contains("*".repeat(24)));
        assertEquals("VERTEX_CREDENTIALS",
                client.listProviderKeys("vertex").join().get(0).vertex().authCredentials().environmentVariable());

        ApiException unknown = assertInstanceOf(ApiException.class, assertThrows(CompletionException.class,
                () -> client.listProviderKeys("cohere").join()).getCause());
        assertEquals(404, unknown.statusCode());
        assertEquals("Provider not found: cohere", unknown.serverMessage());
    }

    @Test
    void healthAndVersion() {
        Health health = client.health().join();
        assertTrue(health.ok());
        assertEquals("ok", health.components().get("db_pings"));
        assertEquals("v2.2.5", client.version().join());
    }

    @Test
    void theKeyIsSentAsABearerToken() throws Exception {
        assertEquals(401, rawGet("/api/governance/teams", null).statusCode());
        assertEquals(200, rawGet("/api/version", null).statusCode(), "/api/version is public");
        assertEquals(200, rawGet("/health", null).statusCode());
        assertNotEquals(401, rawGet("/api/governance/teams").statusCode());
    }

    // ---- raw helpers for what the typed client cannot send -----------------------------------------------------

    private static ApiException failure(VirtualKeyQuery query) {
        return assertInstanceOf(ApiException.class,
                assertThrows(CompletionException.class, () -> list(query)).getCause());
    }

    private static HttpResponse<String> rawGet(String pathAndQuery) throws Exception {
        return rawGet(pathAndQuery, API_KEY);
    }

    private static HttpResponse<String> rawGet(String pathAndQuery, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway.baseUrl() + pathAndQuery));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Page<VirtualKey> rawPage(String pathAndQuery) throws Exception {
        HttpResponse<String> response = rawGet(pathAndQuery);
        assertEquals(200, response.statusCode(), response.body());
        ManagementApiClient.VirtualKeyList list = Json.mapper().readValue(response.body(),
                ManagementApiClient.VirtualKeyList.class);
        return Page.of(list.virtualKeys(), list.count(), list.totalCount(), list.limit(), list.offset());
    }
}
