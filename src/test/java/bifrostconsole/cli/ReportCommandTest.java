package bifrostconsole.cli;

import bifrostconsole.api.Budget;
import bifrostconsole.api.Customer;
import bifrostconsole.api.Json;
import bifrostconsole.api.RateLimit;
import bifrostconsole.api.Team;
import bifrostconsole.api.VirtualKey;
import bifrostconsole.demo.DemoGateway;
import bifrostconsole.store.GovernanceStore;
import bifrostconsole.testing.DemoGatewayExtension;
import bifrostconsole.testing.TestKeys;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static bifrostconsole.cli.CommandsTest.NO_PROFILES;
import static bifrostconsole.cli.CommandsTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code report} against a demo gateway holding hand-built keys, one per reason, and against seeded data. */
class ReportCommandTest {
    static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final Team PLATFORM = new Team("t-1", "Platform", null, null, null, null,
            List.of(Budget.of("tb", 1000, "1M", 987.6, Instant.parse("2026-11-01T00:00:00Z"))), null, null, 1, true,
            null, NOW.minus(Duration.ofDays(90)), NOW.minus(Duration.ofDays(90)));
    static final Customer ACME = Customer.named("c-1", "Acme Retail");

    static VirtualKey key(String id, String name, boolean active, Instant expires, Team team, Customer customer,
                          RateLimit rateLimit, Budget... budgets) {
        return TestKeys.key(id).name(name).value("sk-bf-secret-" + id).active(active).expiresAt(expires).team(team)
                .customer(customer).rateLimit(rateLimit).budgets(List.of(budgets))
                .createdAt(NOW.minus(Duration.ofDays(30)).plusSeconds(id.hashCode() & 0xff))
                .updatedAt(NOW.minus(Duration.ofDays(1))).build();
    }

    static Budget budget(double max, String window, double used) {
        return Budget.of("b-" + max, max, window, used, NOW.minusSeconds(3600));
    }

    /** One key per reason to need attention, and one that needs none. */
    static GovernanceStore handBuiltKeys() {
        List<VirtualKey> keys = new ArrayList<>();
        keys.add(key("k-fine", "healthy", true, null, null, ACME, null, budget(1000, "1w", 10)));
        // the team has $12.40 left: it binds before the key's own $90
        keys.add(key("k-team", "team-bound", true, null, PLATFORM, null, null, budget(100, "1M", 10)));
        keys.add(key("k-out", "used-up", true, null, null, ACME, null, budget(10, "1d", 10)));
        keys.add(key("k-rate", "rate-limited", true, null, null, ACME, new RateLimit("rl", null, null, 0, null, 60L,
                "1m", 60, NOW.minusSeconds(20), null, null, null, null)));
        keys.add(key("k-exp", "expired", true, NOW.minus(Duration.ofDays(2)), null, ACME, null));
        keys.add(key("k-soon", "expiring", true, NOW.plus(Duration.ofDays(3)), null, ACME, null));
        keys.add(key("k-off", "switched-off", false, null, null, ACME, null, budget(50, "1d", 5)));
        keys.add(key("k-lone", "unassigned", true, null, null, null, null));
        return new GovernanceStore(keys, List.of(PLATFORM), List.of(ACME), List.of(), List.of(), Map.of());
    }

    @RegisterExtension
    static final DemoGatewayExtension handBuilt = DemoGatewayExtension.serving(ReportCommandTest::handBuiltKeys);
    @RegisterExtension
    static final DemoGatewayExtension seeded = DemoGatewayExtension.withKeys(3, 300).asOf(NOW);
    /** Nothing needs attention here. */
    @RegisterExtension
    static final DemoGatewayExtension quiet = DemoGatewayExtension.serving(() -> new GovernanceStore(
            List.of(key("k-fine", "healthy", true, null, null, ACME, null, budget(1000, "1w", 10))), List.of(),
            List.of(ACME), List.of(), List.of(), Map.of()));

    static CommandsTest.Run report(DemoGatewayExtension g, String... args) {
        List<String> all = new ArrayList<>(List.of("--server", g.baseUrl()));
        all.addAll(List.of(args));
        return run(new ReportCommand(() -> false, NO_PROFILES, CLOCK), Map.of(), all.toArray(String[]::new));
    }

    @Test
    void jsonListsEveryKeyThatNeedsAttentionWithItsReasonsAndBindingLimit() throws IOException {
        CommandsTest.Run r = report(handBuilt, "--format", "json");
        assertEquals(0, r.code(), r.err());
        JsonNode list = Json.mapper().readTree(r.out());
        List<String> names = new ArrayList<>();
        list.forEach(o -> names.add(o.get("name").asText()));
        assertEquals(List.of("rate-limited", "used-up", "team-bound", "expired", "expiring", "switched-off",
                "unassigned"), names, "used up first, then by share used, then the rest by name");
        JsonNode team = list.get(2);
        assertEquals("k-team", team.get("id").asText());
        assertEquals("[\"near-limit\"]", team.get("reasons").toString());
        assertEquals(98.8, team.get("used_percent").asDouble(), 1e-9);
        assertEquals("team", team.get("binding").get("level").asText());
        assertEquals("Platform", team.get("binding").get("owner_name").asText());
        assertEquals("1M", team.get("binding").get("window").asText());
        assertEquals(12.4, team.get("remaining").get("amount").asDouble(), 1e-9);
        assertEquals("usd", team.get("remaining").get("unit").asText());
        JsonNode rate = list.get(0);
        assertEquals("[\"exhausted\"]", rate.get("reasons").toString());
        assertEquals("rate-limit", rate.get("binding").get("level").asText());
        assertEquals("requests", rate.get("remaining").get("unit").asText());
        assertEquals(0, rate.get("remaining").get("amount").asLong());
        assertEquals("[\"inactive-spending\"]", list.get(5).get("reasons").toString());
        assertTrue(list.get(6).get("binding").isNull(), "nothing limits the unassigned key");
        assertTrue(list.get(6).get("used_percent").isNull());
        assertFalse(r.out().contains("sk-bf-"), "key values never appear");
    }

    @Test
    void textAndCsvSayTheSame() {
        CommandsTest.Run text = report(handBuilt);
        assertEquals(0, text.code(), text.err());
        assertTrue(text.out().contains("team (team Platform, monthly)"), text.out());
        assertTrue(text.out().contains("$12.40"), text.out());
        assertTrue(text.out().contains("rate-limit (key, requests, every minute)"), text.out());
        assertTrue(text.out().contains("7 of 8 keys need attention (near the limit from 80%, expiring within 7 d)."),
                text.out());
        CommandsTest.Run csv = report(handBuilt, "--format", "csv", "--threshold", "99", "--expiring", "1d");
        assertEquals(0, csv.code(), csv.err());
        List<String> lines = csv.out().lines().toList();
        assertEquals("id,name,reasons,used_percent,binding,binding_owner,binding_window,remaining,remaining_unit",
                lines.get(0));
        assertTrue(lines.contains("k-out,used-up,exhausted,100.0,key,key,1d,0.00,usd"), csv.out());
        assertFalse(csv.out().contains("team-bound"), "98.8 % is below a 99 % threshold");
        assertFalse(csv.out().contains("k-soon"), "3 days is beyond --expiring 1d");
        assertFalse(text.out().contains("sk-bf-") || csv.out().contains("sk-bf-"));
    }

    @Test
    void exitCodeSaysWhetherAnythingNeedsAttention() throws IOException {
        assertEquals(1, report(handBuilt, "--exit-code", "--format", "json").code());
        CommandsTest.Run r = report(quiet, "--exit-code");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("0 of 1 keys need attention"), r.out());
    }

    @Test
    void smallPagesFindTheSameKeysAsExportSizedOnes() {
        CommandsTest.Run big = report(seeded, "--format", "json");
        CommandsTest.Run small = report(seeded, "--format", "json", "--page-size", "7");
        assertEquals(0, small.code(), small.err());
        assertEquals(big.out(), small.out());
        assertTrue(big.out().length() > 1000, "seeded keys include ones that need attention");
        assertTrue(seeded.requestLog().stream().anyMatch(u -> u.contains("export=true") && u.contains("limit=10000")),
                "export-sized pages");
    }

    @Test
    void badOptionsAndServerFailuresHaveTheirExitCodes() {
        assertEquals(2, report(handBuilt, "--threshold", "0").code());
        assertEquals(2, report(handBuilt, "--format", "xml").code());
        CommandsTest.Run soon = report(handBuilt, "--expiring", "soon");
        assertEquals(2, soon.code());
        assertTrue(soon.err().contains("--expiring must be a duration"), soon.err());
        handBuilt.injectFault("/api/governance/virtual-keys", DemoGateway.Fault.status(500));
        CommandsTest.Run failed = report(handBuilt);
        assertEquals(5, failed.code());
        assertTrue(failed.err().startsWith("report: the server failed"), failed.err());
    }
}
