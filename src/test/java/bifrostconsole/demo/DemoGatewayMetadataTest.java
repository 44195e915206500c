package bifrostconsole.demo;

import bifrostconsole.api.ApiException;
import bifrostconsole.api.KeyMetadata;
import bifrostconsole.api.Page;
import bifrostconsole.api.VirtualKey;
import bifrostconsole.api.VirtualKeyQuery;
import bifrostconsole.testing.DemoGatewayExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The demo gateway's metadata filters, search and version, as API.md §4, §5.9 and §10.10 describe Bifrost's. */
class DemoGatewayMetadataTest {
    static final Instant NOW = Instant.parse("2026-11-27T06:00:00Z");

    @RegisterExtension
    static final DemoGatewayExtension gateway = DemoGatewayExtension.withKeys(7, 500).asOf(NOW);

    private List<VirtualKey> all() {
        return gateway.store().listVirtualKeys(Map.of("export", "true")).items();
    }

    @Test
    void metadataFiltersAreExactMatchesAndedTogether() {
        List<VirtualKey> keys = all();
        VirtualKey tagged = keys.stream().filter(k -> k.metadata().containsKey("env")).findFirst().orElseThrow();
        String costCenter = tagged.metadata().get("cost_center");
        String env = tagged.metadata().get("env");
        long byCostCenter = keys.stream().filter(k -> costCenter.equals(k.metadata().get("cost_center"))).count();
        long byBoth = keys.stream().filter(k -> costCenter.equals(k.metadata().get("cost_center"))
                && env.equals(k.metadata().get("env"))).count();
        assertTrue(byBoth < byCostCenter && byCostCenter < keys.size(), "the data must tell AND from either");

        Page<VirtualKey> one = gateway.client().listVirtualKeys(VirtualKeyQuery.firstPage(100)
                .withMetadata(Map.of("cost_center", costCenter))).join();
        assertEquals(byCostCenter, one.totalCount());
        assertTrue(one.items().stream().allMatch(k -> costCenter.equals(k.metadata().get("cost_center"))));

        Map<String, String> both = new java.util.LinkedHashMap<>();
        both.put("cost_center", costCenter);
        both.put("env", env);
        Page<VirtualKey> anded = gateway.client().listVirtualKeys(VirtualKeyQuery.firstPage(100).withMetadata(both))
                .join();
        assertEquals(byBoth, anded.totalCount());
        assertTrue(anded.items().stream().anyMatch(k -> k.id().equals(tagged.id())));
        assertTrue(anded.items().stream().allMatch(k -> KeyMetadata.matches(k.metadata(), both)));

        // exact, not a substring or a case-insensitive match
        String part = costCenter.substring(0, costCenter.length() - 1);
        assertEquals(0, gateway.client().listVirtualKeys(VirtualKeyQuery.firstPage(10)
                .withMetadata(Map.of("cost_center", part))).join().totalCount());
        assertEquals(0, gateway.client().listVirtualKeys(VirtualKeyQuery.firstPage(10)
                .withMetadata(Map.of("cost_center", costCenter.toUpperCase(Locale.ROOT)))).join().totalCount());
        // honoured by the export mode too, as Bifrost does
        assertEquals(byBoth, gateway.client().listVirtualKeys(VirtualKeyQuery.all().withExport(true)
                .withMetadata(both)).join().items().size());
    }

    @Test
    void aMetadataFilterAloneAsksForAPageAndAnEmptyOneFiltersNothing() throws Exception {
        String costCenter = all().stream().filter(k -> k.metadata().containsKey("cost_center")).findFirst()
                .orElseThrow().metadata().get("cost_center");
        // no limit, no offset: the filter alone triggers paged mode (default limit 25)
        String paged = get("/api/governance/virtual-keys?metadata_cost_center=" + costCenter).body();
        assertTrue(paged.contains("\"limit\":25"), paged.substring(Math.max(0, paged.length() - 200)));
        String unfiltered = get("/api/governance/virtual-keys?metadata_cost_center=").body();
        assertTrue(unfiltered.contains("\"total_count\":500,\"limit\":500"),
                unfiltered.substring(Math.max(0, unfiltered.length() - 200)));
    }

    @Test
    void aBadFilterKeyIsRefusedWithA400NeverDropped() throws Exception {
        HttpResponse<String> response = get("/api/governance/virtual-keys?limit=5&metadata_bad%20key=x");
        assertEquals(400, response.statusCode());
        assertTrue(response.body().contains("invalid metadata filter key 'bad key'"), response.body());
        assertEquals(400, get("/api/governance/virtual-keys?metadata_" + "k".repeat(257) + "=x").statusCode());
        assertEquals(200, get("/api/governance/virtual-keys?metadata_" + "k".repeat(256) + "=x").statusCode());
        CompletionException e = assertThrows(CompletionException.class, () -> gateway.client().listVirtualKeys(
                VirtualKeyQuery.firstPage(5).withMetadata(Map.of("a/b", "x"))).join());
        assertEquals(400, assertInstanceOf(ApiException.class, e.getCause()).statusCode());
    }

    @Test
    void searchMatchesNamesTeamAndCustomerNamesAndMetadataValues() {
        List<VirtualKey> keys = all();
        VirtualKey withTeam = keys.stream().filter(k -> k.team() != null).findFirst().orElseThrow();
        String teamName = withTeam.team().name();
        Page<VirtualKey> byTeam = gateway.client().listVirtualKeys(VirtualKeyQuery.firstPage(100)
                .withSearch(teamName.toUpperCase(Locale.ROOT))).join();
        assertTrue(byTeam.items().stream().anyMatch(k -> k.id().equals(withTeam.id())), "found by its team's name");

        VirtualKey tagged = keys.stream().filter(k -> k.metadata().containsKey("owner")).findFirst().orElseThrow();
        String owner = tagged.metadata().get("owner");
        Page<VirtualKey> byValue = gateway.client().listVirtualKeys(VirtualKeyQuery.firstPage(100).withSearch(owner))
                .join();
        assertTrue(byValue.items().stream().anyMatch(k -> k.id().equals(tagged.id())), "found by a metadata value");
        long expected = keys.stream().filter(k -> matchesSearch(k, owner.toLowerCase(Locale.ROOT))).count();
        assertEquals(expected, byValue.totalCount());
        // metadata keys are not searched, only their values
        assertFalse(keys.stream().anyMatch(k -> matchesSearch(k, "cost_center")));
        assertEquals(0, gateway.client().listVirtualKeys(VirtualKeyQuery.firstPage(10).withSearch("cost_center"))
                .join().totalCount());
    }

    @Test
    void reportsABifrost22Release() {
        assertEquals("v2.2.5", gateway.client().version().join());
    }

    private static boolean matchesSearch(VirtualKey k, String needle) {
        return k.name().toLowerCase(Locale.ROOT).contains(needle)
                || k.team() != null && k.team().name().toLowerCase(Locale.ROOT).contains(needle)
                || k.customer() != null && k.customer().name().toLowerCase(Locale.ROOT).contains(needle)
                || k.metadata().values().stream().anyMatch(v -> v.toLowerCase(Locale.ROOT).contains(needle));
    }

    private static HttpResponse<String> get(String pathAndQuery) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(gateway.baseUrl() + pathAndQuery))
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
