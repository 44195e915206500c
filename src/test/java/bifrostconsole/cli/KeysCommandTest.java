package bifrostconsole.cli;

import bifrostconsole.api.Budget;
import bifrostconsole.api.Json;
import bifrostconsole.api.Team;
import bifrostconsole.api.VirtualKey;
import bifrostconsole.changes.ChangeHistory;
import bifrostconsole.changes.HistoryEntry;
import bifrostconsole.demo.DemoGateway;
import bifrostconsole.testing.DemoGatewayExtension;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code keys} in-process against a demo gateway that needs an API key: every verb, the guards, the exit codes. */
class KeysCommandTest {
    private static final String API_KEY = "keys-command-key";
    private static final String KEYS = "/api/governance/virtual-keys/";

    /** Writes change the data: the extension gives every test the seeded data again. */
    @RegisterExtension
    static final DemoGatewayExtension gateway = DemoGatewayExtension.withKeys(31, 250).withApiKey(API_KEY);

    @TempDir
    Path data;
    private Map<String, String> env = Map.of("BIFROST_URL", gateway.baseUrl(), "BIFROST_API_KEY", API_KEY);

    record Run(int code, String out, String err) {
    }

    /** No terminal: confirmations cannot be asked. */
    private Run keys(String... args) {
        return answering(null, args);
    }

    /** {@code answers}: what the person at the terminal types, one line per question; null for no terminal. */
    private Run answering(String answers, String... args) {
        KeysCommand.Prompt prompt = answers == null ? new KeysCommand.Prompt() {
            @Override
            public boolean available() {
                return false;
            }

            @Override
            public String ask(String question) {
                throw new AssertionError("no terminal to ask on");
            }
        } : KeysCommand.Prompt.answering(new BufferedReader(new StringReader(answers)));
        KeysCommand command = new KeysCommand(CommandsTest.NO_PROFILES, prompt, () -> false, () -> data);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = command.run(Arrays.asList(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), env);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private VirtualKey key(Predicate<VirtualKey> p) {
        return gateway.store().virtualKeys().stream().filter(p).findFirst().orElseThrow();
    }

    private List<VirtualKey> keysWhere(Predicate<VirtualKey> p, int n) {
        List<VirtualKey> keys = gateway.store().virtualKeys().stream().filter(p).limit(n).toList();
        assertEquals(n, keys.size());
        return keys;
    }

    private VirtualKey now(VirtualKey k) {
        return gateway.store().virtualKey(k.id()).orElseThrow();
    }

    private long writes() {
        return gateway.recentRequests().stream().filter(r -> !r.method().equals("GET")).count();
    }

    private List<HistoryEntry> history() throws Exception {
        return ChangeHistory.in(data).read();
    }

    private static JsonNode configs(VirtualKey k) {
        return Json.mapper().valueToTree(k.providerConfigs());
    }

    // ---- help and usage -----------------------------------------------------------------------------------

    @Test
    void helpShowsTheSynopsisAndUsageErrorsExitTwo() {
        Run help = keys("--help");
        assertEquals(0, help.code());
        assertTrue(help.out().contains("keys disable|enable|rotate|delete ID... [--server URL] [--dry-run] [--yes]"));
        assertTrue(help.out().contains("keys override ID --window 1M --amount 100 (--cycles 2 | --forever) | --remove"));
        assertEquals(0, keys("set-budget", "--help").code());
        assertEquals(2, keys().code());
        Run bad = keys("frobnicate", "x");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("unknown verb 'frobnicate'"), bad.err());
        VirtualKey k = key(VirtualKey::active);
        assertTrue(keys("set-budget", k.id(), "--window", "soon", "--limit", "5").err()
                .contains("'soon' is not a window Bifrost accepts"));
        assertEquals(2, keys("set-budget", k.id(), "--window", "1d").code(), "--limit missing");
        assertEquals(2, keys("disable", k.id(), "--team", "x").code(), "ids and a selection");
        assertEquals(2, keys("override", k.id(), "--window", "1d", "--amount", "5").code(), "no --cycles/--forever");
        Run unknown = keys("disable", "no-such-key");
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("no key with id no-such-key"), unknown.err());
        assertEquals(0, writes());
    }

    // ---- one key, and what is sent ---------------------------------------------------------------------------

    @Test
    void disableSendsOnlyIsActiveAndIsLogged() throws Exception {
        VirtualKey k = key(v -> v.active() && v.providerConfigs().size() > 1);
        Run run = keys("disable", k.id());
        assertEquals(0, run.code(), run.err());
        assertEquals("", run.out());
        assertTrue(run.err().contains("Disable: 1 done"), run.err());
        assertFalse(now(k).active());
        assertEquals(configs(k), configs(now(k)));
        DemoGateway.RecordedRequest put = gateway.recentRequests().stream().filter(r -> r.method().equals("PUT"))
                .findFirst().orElseThrow();
        assertEquals("{\"is_active\":false}", put.body());
        HistoryEntry entry = history().get(0);
        assertEquals("disable", entry.action());
        assertEquals(k.id(), entry.keyId());
        assertEquals(gateway.baseUrl(), entry.server());
        assertEquals("status: Active \u2192 Inactive", entry.fieldsText());
        assertEquals("done", entry.outcome());
    }

    @Test
    void aDryRunPrintsEachChangeAndItsRequestAndSendsNothing() throws Exception {
        List<VirtualKey> ks = keysWhere(VirtualKey::active, 2);
        Run run = keys("disable", ks.get(0).id(), ks.get(1).id(), "--dry-run");
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains(ks.get(0).name() + " (" + ks.get(0).id() + "): Disable"), run.out());
        assertTrue(run.out().contains("status: Active \u2192 Inactive"));
        assertTrue(run.out().contains("request: PUT /api/governance/virtual-keys/" + ks.get(1).id()));
        assertTrue(run.out().contains("\"is_active\" : false"), run.out());
        assertTrue(run.err().contains("2 of 2 keys would change; nothing was sent."), run.err());
        assertEquals(0, writes());
        assertTrue(history().isEmpty());
    }

    // ---- confirmation ------------------------------------------------------------------------------------

    @Test
    void severalKeysNeedYesWithoutATerminal() {
        List<VirtualKey> ks = keysWhere(VirtualKey::active, 3);
        Run refused = keys("disable", ks.get(0).id(), ks.get(1).id(), ks.get(2).id());
        assertEquals(2, refused.code());
        assertTrue(refused.err().contains("add --yes"), refused.err());
        assertEquals(0, writes());
        Run done = keys("disable", ks.get(0).id(), ks.get(1).id(), ks.get(2).id(), "--yes");
        assertEquals(0, done.code(), done.err());
        assertTrue(ks.stream().noneMatch(k -> now(k).active()));
    }

    @Test
    void onATerminalTheAdminConfirmsOrNot() {
        List<VirtualKey> ks = keysWhere(VirtualKey::active, 2);
        assertEquals(2, answering("no\n", "disable", ks.get(0).id(), ks.get(1).id()).code());
        assertTrue(now(ks.get(0)).active());
        Run yes = answering("yes\n", "disable", ks.get(0).id(), ks.get(1).id());
        assertEquals(0, yes.code(), yes.err());
        assertTrue(yes.err().contains("status: Active \u2192 Inactive"), "the plans are shown before the question");
        assertFalse(now(ks.get(1)).active());
    }

    @Test
    void aDeleteIsConfirmedByTypingTheKeysNameAndKeepsAWayBack() throws Exception {
        VirtualKey k = key(v -> !v.providerConfigs().isEmpty());
        assertEquals(2, keys("delete", k.id()).code(), "even one delete asks");
        assertEquals(2, answering("yes\n", "delete", k.id()).code(), "yes is not the name");
        assertTrue(gateway.store().virtualKey(k.id()).isPresent());
        Run run = answering(k.name() + "\n", "delete", k.id());
        assertEquals(0, run.code(), run.err());
        assertTrue(gateway.store().virtualKey(k.id()).isEmpty());
        String backup = history().get(0).backup();
        assertTrue(run.err().contains(backup), run.err());
        String saved = Files.readString(Path.of(backup));
        assertTrue(saved.contains(k.name()));
        assertFalse(saved.contains(k.plainValue()));

        List<VirtualKey> two = keysWhere(v -> true, 2);
        assertEquals(2, answering("3\n", "delete", two.get(0).id(), two.get(1).id()).code());
        assertEquals(0, answering("2\n", "delete", two.get(0).id(), two.get(1).id()).code());
    }

    // ---- rotate: values on stdout only -------------------------------------------------------------------

    @Test
    void rotatePrintsIdTabValueLinesAndNothingElseOnStdout() throws Exception {
        List<VirtualKey> ks = keysWhere(VirtualKey::active, 2);
        Run run = keys("rotate", ks.get(0).id(), ks.get(1).id(), "--yes");
        assertEquals(0, run.code(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals(2, lines.size(), run.out());
        for (int i = 0; i < 2; i++) {
            String value = now(ks.get(i)).plainValue();
            assertEquals(ks.get(i).id() + "\t" + value, lines.get(i));
            assertFalse(run.err().contains(value), "values only on stdout");
            assertFalse(Files.readString(ChangeHistory.in(data).file()).contains(value), "never in History");
        }
        assertTrue(run.err().contains("the old value keeps working until"), run.err());
    }

    // ---- selections ------------------------------------------------------------------------------------

    @Test
    void aTeamIsSelectedByNameAndEveryKeyOfItChanged() {
        Team team = gateway.store().teams().stream()
                .filter(t -> gateway.store().virtualKeys().stream().filter(k -> t.id().equals(k.teamId())).count() >= 2)
                .findFirst().orElseThrow();
        List<VirtualKey> members = gateway.store().virtualKeys().stream().filter(k -> team.id().equals(k.teamId()))
                .toList();
        Run run = keys("disable", "--team", team.name(), "--yes");
        assertEquals(0, run.code(), run.err());
        assertTrue(members.stream().noneMatch(k -> now(k).active()));
        assertEquals(2, keys("disable", "--team", "No Such Team", "--yes").code());
    }

    @Test
    void aSearchSelectsByName() {
        VirtualKey k = key(VirtualKey::active);
        Run run = keys("enable", "--search", k.name(), "--dry-run");
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains(k.id()), run.out());
    }

    // ---- the other verbs --------------------------------------------------------------------------------

    @Test
    void budgetsRateLimitsOwnersAndOverridesChangeAndNothingElseDoes() {
        VirtualKey k = key(v -> v.teamId() == null && v.budgets().size() == 1 && v.budgets().get(0).currentUsage() > 0
                && v.providerConfigs().stream().anyMatch(pc -> !pc.allowAllKeys() && !pc.keys().isEmpty()));
        JsonNode before = configs(k);
        Team team = gateway.store().teams().get(0);

        assertEquals(0, keys("set-budget", k.id(), "--window", "1Y", "--limit", "5000").code());
        assertEquals(5000, now(k).budgets().stream().filter(b -> b.resetDuration().equals("1Y")).findFirst()
                .orElseThrow().maxLimit());
        assertEquals(0, keys("assign", k.id(), "--team", team.name()).code());
        assertEquals(team.id(), now(k).teamId());
        assertEquals(0, keys("reset-usage", k.id()).code());
        assertTrue(now(k).budgets().stream().allMatch(b -> b.currentUsage() == 0));
        assertEquals(before, configs(now(k)), "provider configs, models and key access untouched");

        assertEquals(0, keys("set-rate-limit", k.id(), "--tokens", "50000/1h", "--requests", "100/1m").code());
        assertEquals(50_000L, now(k).rateLimit().tokenMaxLimit());
        assertEquals(0, keys("set-rate-limit", k.id(), "--requests", "none").code());
        assertEquals(50_000L, now(k).rateLimit().tokenMaxLimit(), "the token half stays");
        assertNull(now(k).rateLimit().requestMaxLimit());
        assertEquals(0, keys("set-rate-limit", k.id(), "--none").code());
        assertNull(now(k).rateLimit());

        assertEquals(0, keys("override", k.id(), "--window", "1Y", "--amount", "100", "--cycles", "2").code());
        Budget yearly = now(k).budgets().stream().filter(b -> b.resetDuration().equals("1Y")).findFirst().orElseThrow();
        assertEquals(100, yearly.overrideAmount());
        assertEquals(2, yearly.overrideCyclesRemaining());
        assertEquals(0, keys("override", k.id(), "--window", "1Y", "--amount", "20", "--forever").code());
        assertEquals(0, keys("override", k.id(), "--window", "1Y", "--remove").code());
        assertEquals(0, keys("remove-budget", k.id(), "--window", "1Y").code());
        assertTrue(now(k).budgets().stream().noneMatch(b -> b.resetDuration().equals("1Y")));
        assertEquals(0, keys("assign", k.id(), "--none").code());
        assertNull(now(k).teamId());
        assertEquals(before, configs(now(k)));
        assertEquals(11, new ArrayList<>(gateway.recentRequests()).stream().filter(r -> !r.method().equals("GET"))
                .count());
    }

    @Test
    void whatCannotBeDoneIsReportedWithItsReasonAndExitsSix() {
        VirtualKey k = key(v -> v.budgets().size() >= 2 && v.budgets().stream().allMatch(b -> b.currentUsage() > 0));
        Run run = keys("reset-usage", k.id(), "--window", k.budgets().get(0).resetDuration());
        assertEquals(6, run.code());
        assertTrue(run.err().contains("cannot be reset alone"), run.err());
        assertEquals(0, writes());
        VirtualKey none = key(v -> v.budgets().isEmpty());
        Run override = keys("override", none.id(), "--window", "1M", "--amount", "5", "--forever");
        assertEquals(6, override.code());
        assertTrue(override.err().contains("no 1M budget to override"), override.err());
        Run already = keys("disable", key(v -> !v.active()).id());
        assertEquals(0, already.code(), "already so is fine");
        assertTrue(already.err().contains("nothing to do: The key is already disabled."), already.err());
    }

    // ---- the guards and the exit codes -------------------------------------------------------------------

    @Test
    void aKeyChangedBetweenReadAndWriteIsSkippedAndSaysWhatChanged() throws Exception {
        VirtualKey k = key(VirtualKey::active);
        // Right after the command's first read of the key, someone else edits it.
        gateway.injectFault("GET", KEYS + k.id(), DemoGateway.Fault.then(() -> gateway.writes().updateVirtualKey(k.id(),
                Json.mapper().createObjectNode().put("description", "edited in the web UI"))), 1);
        Run run = keys("disable", k.id());
        assertEquals(6, run.code(), run.err());
        assertTrue(run.err().contains("skipped"), run.err());
        assertTrue(run.err().contains("description"), run.err());
        assertTrue(run.err().contains("edited in the web UI"), run.err());
        assertTrue(now(k).active(), "nothing was sent");
        assertEquals(0, writes(), "no write reached the gateway from the command");
        assertEquals("skipped", history().get(0).outcome());
    }

    @Test
    void aPartialBulkFailureListsEachFailedKeyAndExitsSix() {
        List<VirtualKey> ks = keysWhere(VirtualKey::active, 3);
        gateway.injectFault("PUT", KEYS + ks.get(1).id(), DemoGateway.Fault.status(500, "database is locked"), 1);
        Run run = keys("disable", ks.get(0).id(), ks.get(1).id(), ks.get(2).id(), "--yes");
        assertEquals(6, run.code());
        assertTrue(run.err().contains(ks.get(1).id() + " (" + ks.get(1).name() + "): failed: "), run.err());
        assertTrue(run.err().contains("database is locked"), run.err());
        assertTrue(run.err().contains("Disable: 2 done, 1 failed."), run.err());
        assertFalse(now(ks.get(0)).active());
        assertTrue(now(ks.get(1)).active());
        assertFalse(now(ks.get(2)).active());
    }

    @Test
    void exitCodesFollowTheFailure() throws Exception {
        VirtualKey k = key(VirtualKey::active);
        gateway.injectFault("PUT", KEYS, DemoGateway.Fault.forbidden("VirtualKeys:Update"), 1);
        Run forbidden = keys("disable", k.id());
        assertEquals(3, forbidden.code(), forbidden.err());
        assertTrue(forbidden.err().contains("VirtualKeys:Update"), forbidden.err());

        gateway.injectFault("PUT", KEYS, DemoGateway.Fault.status(503), 1);
        assertEquals(5, keys("disable", k.id()).code());

        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        Run unreachable = keys("disable", k.id(), "--server", "http://127.0.0.1:" + closed);
        assertEquals(4, unreachable.code(), unreachable.err());

        env = Map.of("BIFROST_URL", gateway.baseUrl(), "BIFROST_API_KEY", "wrong");
        assertEquals(3, keys("disable", k.id()).code());
        assertTrue(now(k).active());
    }
}
