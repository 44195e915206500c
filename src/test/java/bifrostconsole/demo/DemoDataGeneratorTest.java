package bifrostconsole.demo;

import bifrostconsole.api.Budget;
import bifrostconsole.api.Json;
import bifrostconsole.api.KeyStatus;
import bifrostconsole.api.McpClient;
import bifrostconsole.api.ProviderConfig;
import bifrostconsole.api.ProviderKey;
import bifrostconsole.api.VirtualKey;
import bifrostconsole.store.GovernanceStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DemoDataGeneratorTest {
    static final Instant NOW = Instant.parse("2026-11-27T06:30:00Z");
    static GovernanceStore store;
    static List<VirtualKey> keys;

    @BeforeAll
    static void generate() {
        store = DemoDataGenerator.generate(99, 3_000, NOW);
        keys = store.virtualKeys();
    }

    @Test
    void theSameSeedAndTimeGiveTheSameData() throws Exception {
        GovernanceStore again = DemoDataGenerator.generate(99, 3_000, NOW);
        assertArrayEquals(Json.mapper().writeValueAsBytes(keys), Json.mapper().writeValueAsBytes(again.virtualKeys()));
        assertEquals(store.teams(), again.teams());
        assertEquals(store.customers(), again.customers());
        assertEquals(store.mcpClients(), again.mcpClients());
        GovernanceStore other = DemoDataGenerator.generate(100, 3_000, NOW);
        assertNotEquals(keys.get(0).id(), other.virtualKeys().get(0).id());
    }

    @Test
    void keysEncodedOnAnotherThreadGiveTheSameStoreByteForByte() throws Exception {
        java.util.concurrent.ExecutorService encoder = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            GovernanceStore handedOff = DemoDataGenerator.generate(99, 3_000, NOW, encoder);
            List<GovernanceStore.HeldKey> inline = store.heldKeys(false);
            List<GovernanceStore.HeldKey> beside = handedOff.heldKeys(false);
            assertEquals(inline.size(), beside.size());
            for (int i = 0; i < inline.size(); i++) {
                assertArrayEquals((byte[]) inline.get(i).version(), (byte[]) beside.get(i).version(), "key " + i);
            }
            assertArrayEquals(Json.mapper().writeValueAsBytes(keys),
                    Json.mapper().writeValueAsBytes(handedOff.virtualKeys()));
            assertEquals(store.teams(), handedOff.teams());
            assertEquals(store.customers(), handedOff.customers());
            assertEquals(store.mcpClients(), handedOff.mcpClients());
        } finally {
            encoder.shutdownNow();
        }
    }

    @Test
    void zeroToOneHundredThousandKeys() {
        GovernanceStore empty = DemoDataGenerator.generate(1, 0, NOW);
        assertEquals(0, empty.virtualKeyCount());
        assertFalse(empty.teams().isEmpty(), "teams and customers exist even without keys");
        assertFalse(empty.customers().isEmpty());
        assertThrows(IllegalArgumentException.class, () -> DemoDataGenerator.generate(1, 100_001, NOW));
        assertThrows(IllegalArgumentException.class, () -> DemoDataGenerator.generate(1, -1, NOW));
    }

    @Test
    void namesIdsAndValuesAreUniqueAndRealistic() {
        assertEquals(keys.size(), keys.stream().map(VirtualKey::id).distinct().count());
        assertEquals(keys.size(), keys.stream().map(VirtualKey::name).distinct().count());
        assertTrue(keys.stream().allMatch(k -> k.plainValue().startsWith("sk-bf-")));
        assertTrue(keys.stream().allMatch(k -> k.name().matches("[a-z0-9-]+")), "service-environment[-n] names");
        assertTrue(keys.stream().anyMatch(k -> k.name().startsWith("checkout-service-")));
        assertTrue(keys.stream().anyMatch(k -> k.description() == null));
        assertTrue(keys.stream().allMatch(k -> !k.createdAt().isAfter(k.updatedAt()) && k.updatedAt().isBefore(NOW)));
    }

    @Test
    void everyStatusOccurs() {
        Map<KeyStatus, Long> byStatus = keys.stream().collect(Collectors.groupingBy(k -> KeyStatus.of(k, NOW),
                Collectors.counting()));
        assertEquals(EnumSet.complementOf(EnumSet.of(KeyStatus.UNREADABLE)), byStatus.keySet(),
                "every status a readable key can have");
        assertTrue(byStatus.get(KeyStatus.ACTIVE) > keys.size() / 2, "most keys are healthy: " + byStatus);
        assertTrue(keys.stream().anyMatch(k -> k.active() && k.expiresAt() != null && k.expiresAt().isAfter(NOW)),
                "some keys expire later");
        assertTrue(keys.stream().anyMatch(k -> k.rateLimit() != null && k.rateLimit().exhausted()), "rate-limited keys");
        assertTrue(keys.stream().anyMatch(VirtualKey::accessProfileManaged));
    }

    @Test
    void theTwoXFieldsAreCovered() {
        assertTrue(keys.stream().anyMatch(k -> k.metadata().containsKey("cost_center")), "metadata");
        assertTrue(keys.stream().anyMatch(k -> Boolean.TRUE.equals(k.deleteAfterExpire()) && k.expiresAt() != null
                && k.expiresAt().isBefore(NOW)), "expired, auto-delete");
        assertTrue(keys.stream().anyMatch(k -> k.previousValueExpiresAt() != null && k.rotatedAt() != null),
                "rotation grace");
        assertTrue(keys.stream().anyMatch(k -> k.allowsAllProviders()), "allow_all_providers");
        assertTrue(keys.stream().anyMatch(k -> k.accessProfileManaged()), "access-profile keys");
        List<Budget> budgets = keys.stream().flatMap(k -> k.budgets().stream()).toList();
        assertTrue(budgets.stream().anyMatch(b -> "cycles".equals(b.overrideMode()) && b.overrideCyclesRemaining() != null
                && b.overrideCyclesTotal() != null), "override for some cycles");
        assertTrue(budgets.stream().anyMatch(b -> "forever".equals(b.overrideMode())), "override for good");
        assertTrue(budgets.stream().anyMatch(b -> "1Q".equals(b.resetDuration()) && b.quarterStartMonth() != null),
                "quarterly budget with its fiscal start");
        assertTrue(keys.stream().flatMap(k -> k.providerConfigs().stream())
                .anyMatch(c -> c.allowedModels().stream().anyMatch(m -> m.startsWith("regex:"))), "regex: patterns");
        assertTrue(store.mcpClients().stream().anyMatch(c -> Boolean.TRUE.equals(c.config().allowByDefault())));
        assertTrue(store.mcpClients().stream().anyMatch(c -> Boolean.TRUE.equals(c.config().allowOnAllVirtualKeys())),
                "both names of the MCP default-access flag");
    }

    @Test
    void budgetsAreZeroToFourWithSensibleWindowsAndUsage() {
        Set<Integer> counts = keys.stream().map(k -> k.budgets().size()).collect(Collectors.toSet());
        assertEquals(Set.of(0, 1, 2, 3, 4), counts, "0 to 3, and a quarterly one on some keys");
        List<Budget> budgets = keys.stream().flatMap(k -> k.budgets().stream()).toList();
        assertEquals(Set.of("1h", "1d", "1w", "1M", "1Q"), budgets.stream().map(Budget::resetDuration)
                .collect(Collectors.toSet()));
        assertTrue(keys.stream().allMatch(k -> k.budgets().stream().map(Budget::resetDuration).distinct().count()
                == k.budgets().size()), "reset durations are unique per key");
        assertTrue(budgets.stream().anyMatch(b -> b.usedFraction() >= 0.8 && b.usedFraction() < 1), "near budget");
        assertTrue(budgets.stream().anyMatch(Budget::exhausted), "over budget");
        for (VirtualKey k : keys) {
            for (Budget b : k.budgets()) {
                Duration window = switch (b.resetDuration()) {
                    case "1h" -> Duration.ofHours(1);
                    case "1d" -> Duration.ofDays(1);
                    case "1w" -> Duration.ofDays(7);
                    case "1Q" -> Duration.ofDays(92);
                    default -> Duration.ofDays(31);
                };
                assertFalse(b.lastReset().isAfter(NOW), "last reset is in the past");
                assertTrue(Duration.between(b.lastReset(), NOW).compareTo(window) <= 0,
                        "last reset within the current window: " + b);
                assertFalse(b.lastReset().isBefore(k.createdAt()), "not before the key existed");
                assertEquals(k.id(), b.virtualKeyId());
            }
        }
        // calendar-aligned monthly budgets of keys older than this month restart on the 1st at midnight UTC
        Instant monthStart = Instant.parse("2026-11-01T00:00:00Z");
        List<Budget> alignedMonthly = keys.stream().filter(k -> k.calendarAligned() && k.createdAt().isBefore(monthStart))
                .flatMap(k -> k.budgets().stream()).filter(b -> b.resetDuration().equals("1M")).toList();
        assertFalse(alignedMonthly.isEmpty());
        assertTrue(alignedMonthly.stream().allMatch(b -> b.lastReset().equals(monthStart)), alignedMonthly.toString());
    }

    @Test
    void providerConfigsCoverWeightsModelListsAndKeys() {
        Set<Integer> counts = keys.stream().map(k -> k.providerConfigs().size()).collect(Collectors.toSet());
        assertEquals(Set.of(1, 2, 3, 4), counts);
        List<ProviderConfig> configs = keys.stream().flatMap(k -> k.providerConfigs().stream()).toList();
        Set<String> providers = configs.stream().map(ProviderConfig::provider).collect(Collectors.toSet());
        assertTrue(providers.containsAll(Set.of("openai", "anthropic", "azure", "bedrock", "vertex", "gemini",
                "mistral", "groq")), providers.toString());
        assertTrue(configs.stream().anyMatch(ProviderConfig::allowsAllModels));
        assertTrue(configs.stream().anyMatch(c -> !c.allowsAllModels() && !c.allowedModels().isEmpty()));
        assertTrue(configs.stream().anyMatch(c -> !c.blacklistedModels().isEmpty()));
        assertTrue(configs.stream().anyMatch(c -> !c.budgets().isEmpty()));
        assertTrue(configs.stream().anyMatch(c -> c.rateLimit() != null));
        assertTrue(configs.stream().anyMatch(c -> !c.allowAllKeys() && !c.keys().isEmpty()));
        // weights of a key's providers add up to 1 when they are set
        for (VirtualKey k : keys) {
            if (k.providerConfigs().size() > 1) {
                double sum = k.providerConfigs().stream().mapToDouble(ProviderConfig::weight).sum();
                assertEquals(1.0, sum, 1e-9, k.name());
            }
            assertEquals(k.providerConfigs().size(), k.providerConfigs().stream().map(ProviderConfig::provider)
                    .distinct().count(), "a provider appears once per key");
        }
        // keys embedded in a key's provider configs carry no secret
        assertTrue(configs.stream().flatMap(c -> c.keys().stream()).allMatch(pk -> pk.value() == null
                && pk.azureKeyConfig() == null && pk.bedrockKeyConfig() == null));
    }

    @Test
    void ownershipSpreadsOverTeamsCustomersAndNeitherAndSharesObjects() {
        long onTeam = keys.stream().filter(k -> k.teamId() != null).count();
        long onCustomer = keys.stream().filter(k -> k.customerId() != null).count();
        assertTrue(onTeam > keys.size() / 3 && onCustomer > keys.size() / 10
                && onTeam + onCustomer < keys.size(), onTeam + " / " + onCustomer);
        assertTrue(keys.stream().filter(k -> k.teamId() != null).allMatch(k -> k.team().id().equals(k.teamId())
                && k.team().customer() == null), "the embedded team has its customer stripped");
        Set<Object> teamObjects = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        keys.stream().map(VirtualKey::team).filter(java.util.Objects::nonNull).forEach(teamObjects::add);
        assertTrue(teamObjects.size() <= store.teams().size(), "team objects are shared, not copied per key");
        // key counts on teams and customers match the keys
        store.teams().forEach(t -> assertEquals(keys.stream().filter(k -> t.id().equals(k.teamId())).count(),
                (long) t.virtualKeyCount(), t.name()));
        store.customers().forEach(c -> assertEquals(keys.stream().filter(k -> c.id().equals(k.customerId())).count(),
                (long) c.virtualKeyCount(), c.name()));
        assertTrue(store.teams().stream().anyMatch(t -> t.customerId() == null), "teams without a customer");
        assertEquals(store.teams().size(), store.teams().stream().map(t -> t.name()).distinct().count());
    }

    @Test
    void equalValuesThatManyKeysHoldAreOneObjectEach() {
        // The demo runs inside the console: 100,000 keys' copies of the same map or list would be its memory. The
        // store holds each key as bytes and each such value once (CompactKeys), and reads give back that object.
        // (Boxed numbers such as weights are made afresh by each read: they no longer stay in memory.)
        Set<Object> maps = identitySet();
        Set<Object> keyLists = identitySet();
        for (VirtualKey k : keys) {
            if (!k.metadata().isEmpty()) {
                maps.add(k.metadata());
            }
            for (ProviderConfig c : k.providerConfigs()) {
                if (!c.keys().isEmpty()) {
                    keyLists.add(c.keys());
                }
            }
        }
        assertEquals(keys.stream().map(VirtualKey::metadata).filter(m -> !m.isEmpty()).distinct().count(), maps.size(),
                "equal metadata maps are one map");
        assertTrue(keyLists.size() <= 12, keyLists.size() + " lists of allowed provider keys");
    }

    private static Set<Object> identitySet() {
        return java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    }

    @Test
    void providerKeysAndMcpClientsCoverEveryShape() {
        List<ProviderKey> all = store.providerKeysWithSecrets().values().stream().flatMap(List::stream).toList();
        assertTrue(all.stream().anyMatch(k -> k.value() != null && k.value().fromEnvironment()));
        assertTrue(all.stream().anyMatch(k -> k.value() != null && !k.value().fromEnvironment()
                && !k.value().value().isEmpty()));
        assertTrue(all.stream().anyMatch(k -> k.azure() != null && !k.azure().deployments().isEmpty()));
        assertTrue(all.stream().anyMatch(k -> k.vertex() != null));
        assertTrue(all.stream().anyMatch(k -> k.bedrock() != null));
        Set<String> types = new HashSet<>();
        for (McpClient c : store.mcpClients()) {
            types.add(c.config().connectionType());
        }
        assertEquals(Set.of("http", "sse", "stdio"), types);
        assertTrue(store.mcpClients().stream().anyMatch(c -> c.config().stdioConfig() != null
                && !c.config().stdioConfig().envs().isEmpty()));
        assertTrue(store.mcpClients().stream().anyMatch(c -> c.config().tlsConfig() != null));
        assertTrue(store.mcpClients().stream().anyMatch(c -> !c.config().toolPricing().isEmpty()));
        long keysWithMcp = keys.stream().filter(k -> !k.mcpConfigs().isEmpty()).count();
        assertTrue(keysWithMcp > 0);
        assertEquals(keys.stream().mapToLong(k -> k.mcpConfigs().size()).sum(),
                store.mcpClients().stream().mapToLong(c -> c.vkConfigs().size()).sum(),
                "vk_configs of the clients match the keys' mcp_configs");
    }
}
