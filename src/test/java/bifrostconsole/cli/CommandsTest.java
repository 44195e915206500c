package bifrostconsole.cli;

import bifrostconsole.api.Json;
import bifrostconsole.api.Secret;
import bifrostconsole.api.VirtualKey;
import bifrostconsole.connection.ConnectionProfile;
import bifrostconsole.connection.EnvironmentConnection;
import bifrostconsole.connection.InMemoryCredentialStore;
import bifrostconsole.connection.Profiles;
import bifrostconsole.demo.DemoGateway;
import bifrostconsole.export.SnapshotFile;
import bifrostconsole.testing.CsvRows;
import bifrostconsole.testing.DemoGatewayExtension;
import bifrostconsole.testing.TestFiles;
import bifrostconsole.testing.TestKeys;
import bifrostconsole.testing.TestSnapshots;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The export, snapshot and diff commands in-process, against a demo gateway that requires an API key. */
class CommandsTest {
    static final String API_KEY = "mgmt-key-for-tests";
    static final Instant NOW = Instant.parse("2026-11-27T06:00:00Z");
    /** No saved profile: only --server and the environment count (the real folder is never read). */
    static final ServerOptions NO_PROFILES = new ServerOptions(() -> new EnvironmentConnection(Profiles.empty(),
            InMemoryCredentialStore::pretendingPersistent));

    @RegisterExtension
    static final DemoGatewayExtension gateway = DemoGatewayExtension.withKeys(3, 120).asOf(NOW).withApiKey(API_KEY);

    final Map<String, String> env = Map.of("BIFROST_URL", gateway.baseUrl(), "BIFROST_API_KEY", API_KEY);

    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    static Run run(Subcommand command, Map<String, String> environment, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = command.run(Arrays.asList(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), environment);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    Run export(String... args) {
        return run(new ExportCommand(() -> false, NO_PROFILES), env, args);
    }

    // ---- export ----------------------------------------------------------------------------------------

    @Test
    void exportWritesTheFileAndSaysSo() throws IOException {
        Path file = dir.resolve("keys.csv");
        Run r = export("--out", file.toString(), "--page-size", "50");
        assertEquals(0, r.code(), r.err());
        assertEquals(121, CsvRows.parse(Files.readString(file)).size());
        assertTrue(r.err().startsWith("Exported 120 keys to " + file), r.err());
        assertEquals("", r.out());
    }

    @Test
    void exportToStandardOutputTakesTheFormatSearchAndSort() throws IOException {
        Run r = export("--format", "json", "--search", "a", "--sort", "name", "--order", "desc");
        assertEquals(0, r.code(), r.err());
        List<VirtualKey> keys = Json.mapper().readValue(r.out(), new TypeReference<>() { });
        List<String> expected = gateway.store().listVirtualKeys(Map.of("search", "a", "sort_by", "name",
                "order", "desc", "export", "true")).items().stream().map(VirtualKey::id).toList();
        assertEquals(expected, keys.stream().map(VirtualKey::id).toList());
        assertTrue(keys.stream().allMatch(k -> k.value() == null), "no key values without --include-secrets");
        assertEquals("", r.err(), "nothing on stderr when it is not a terminal");
    }

    @Test
    void exportTakesMetadataConditionsAndedTogether() throws IOException {
        VirtualKey tagged = gateway.store().listVirtualKeys(Map.of("export", "true")).items().stream()
                .filter(k -> k.metadata().containsKey("env")).findFirst().orElseThrow();
        String costCenter = tagged.metadata().get("cost_center");
        String env = tagged.metadata().get("env");
        Path file = dir.resolve("tagged.json");
        Run r = export("--out", file.toString(), "--metadata", "cost_center=" + costCenter,
                "--metadata", "env = " + env);
        assertEquals(0, r.code(), r.err());
        List<VirtualKey> keys = Json.mapper().readValue(Files.readString(file), new TypeReference<>() { });
        List<String> expected = gateway.store().listVirtualKeys(Map.of("metadata_cost_center", costCenter,
                "metadata_env", env, "export", "true")).items().stream().map(VirtualKey::id).toList();
        assertEquals(expected, keys.stream().map(VirtualKey::id).toList());
        assertTrue(keys.stream().anyMatch(k -> k.id().equals(tagged.id())));
        long byCostCenter = gateway.store().listVirtualKeys(Map.of("metadata_cost_center", costCenter,
                "export", "true")).totalCount();
        assertTrue(keys.size() < byCostCenter, "both conditions hold, not either");
        assertTrue(gateway.requestLog().stream().anyMatch(u -> u.contains("metadata_cost_center=" + costCenter)
                && u.contains("metadata_env=" + env) && u.contains("export=true")), gateway.requestLog().toString());
    }

    @Test
    void aBadMetadataConditionIsAUsageErrorAndNothingIsSent() {
        gateway.clearRequestLog();
        assertUsage(export("--metadata", "cost center=cc-1"),
                "--metadata 'cost center=cc-1': \u201ccost center\u201d: a metadata key may hold only letters");
        assertUsage(export("--metadata", "env"), "--metadata 'env': Add \u201c= value\u201d");
        assertUsage(export("--metadata", "env="), "Give \u201cenv\u201d a value");
        assertUsage(export("--metadata", "env=a", "--metadata", "env=b"), "--metadata gives env twice");
        assertEquals(List.of(), gateway.requestLog(), "a usage error sends nothing");
        assertTrue(export("--help").out().contains("--metadata KEY=VALUE"));
    }

    @Test
    void aServerThatIgnoresTheMetadataFilterFailsTheExportAndLeavesNoFile() throws IOException {
        // What a server without metadata filters answers: every key, none of them tagged.
        gateway.injectFault("/api/governance/virtual-keys", DemoGateway.Fault.json(200, ("{\"virtual_keys\":["
                + "{\"id\":\"vk-1\",\"name\":\"one\",\"is_active\":true}],\"count\":1,\"total_count\":1,"
                + "\"limit\":10000,\"offset\":0}").getBytes(StandardCharsets.UTF_8)));
        Run r = export("--out", dir.resolve("k.csv").toString(), "--metadata", "env=prod");
        assertEquals(Subcommand.SERVER_ERROR, r.code(), r.err());
        assertTrue(r.err().contains("ignored the metadata filter"), r.err());
        assertEquals(List.of(), TestFiles.in(dir), "neither file nor temporary file");
    }

    @Test
    void exportShowsProgressOnlyOnATerminal() {
        Run r = run(new ExportCommand(() -> true, NO_PROFILES), env, "--out", dir.resolve("k.json").toString());
        assertEquals(0, r.code());
        assertTrue(r.err().contains("Exporting: 120 of 120 keys (100%)"), r.err());
    }

    @Test
    void exportWithSecretsWarnsAndIncludesTheValues() throws IOException {
        Path file = dir.resolve("keys.csv");
        Run r = export("--out", file.toString(), "--include-secrets");
        assertEquals(0, r.code());
        assertTrue(r.err().contains("treat the output as a secret"), r.err());
        List<List<String>> rows = CsvRows.parse(Files.readString(file));
        assertEquals("value", rows.get(0).get(rows.get(0).size() - 1));
        assertTrue(rows.get(1).get(rows.get(1).size() - 1).startsWith("sk-bf-"));
    }

    @Test
    void usageErrorsExitWith2AndNameTheProblem() {
        assertUsage(export("--format", "xml"), "--format must be csv or json");
        assertUsage(export("--colour", "red"), "unknown option --colour");
        assertUsage(export("--sort", "colour"), "--sort must be name, budget_spent, created_at or status");
        assertUsage(export("--order", "up"), "--order must be asc or desc");
        assertUsage(export("--page-size", "0"), "--page-size must be between 1 and 10000");
        assertUsage(export("--out"), "--out needs a value");
        assertUsage(run(new ExportCommand(() -> false, NO_PROFILES), Map.of()), "pass --server URL, set BIFROST_URL");
        assertUsage(run(new SnapshotCommand(() -> false, NO_PROFILES), env), "--out FILE.json is required");
        assertUsage(run(new DiffCommand(NO_PROFILES), env), "give OLD.json and NEW.json");
        assertUsage(run(new DiffCommand(NO_PROFILES), env, dir.resolve("missing.json").toString(), "x.json"), "there is no file");
    }

    private static void assertUsage(Run r, String message) {
        assertEquals(Subcommand.USAGE, r.code(), r.err());
        assertTrue(r.err().contains(message), r.err());
        assertTrue(r.err().contains("--help"), r.err());
    }

    @Test
    void withoutUrlOrKeyInTheEnvironmentTheServerLastOpenedAndItsStoredKeyAreUsed() throws IOException {
        ConnectionProfile profile = ConnectionProfile.create("Demo", gateway.baseUrl());
        InMemoryCredentialStore keys = InMemoryCredentialStore.pretendingPersistent();
        keys.write(profile.id(), Secret.of(API_KEY));
        ServerOptions saved = new ServerOptions(() -> new EnvironmentConnection(
                Profiles.empty().with(profile).withLastUsed(profile.id()), () -> keys));
        Path file = dir.resolve("keys.csv");

        Run r = run(new ExportCommand(() -> false, saved), Map.of(), "--out", file.toString());

        assertEquals(0, r.code(), r.err());
        assertEquals(121, CsvRows.parse(Files.readString(file)).size());
    }

    @Test
    void aWrongOrMissingApiKeyExitsWith3() {
        Map<String, String> wrong = Map.of("BIFROST_URL", gateway.baseUrl(), "BIFROST_API_KEY", "not-the-key");
        Run r = run(new ExportCommand(() -> false, NO_PROFILES), wrong);
        assertEquals(Subcommand.AUTH_REFUSED, r.code(), r.err());
        assertTrue(r.err().startsWith("export: authentication or permission refused: "), r.err());
        assertFalse(r.err().contains("not-the-key"), "the key is never echoed");

        Run none = run(new SnapshotCommand(() -> false, NO_PROFILES), Map.of("BIFROST_URL", gateway.baseUrl()),
                "--out", dir.resolve("s.json").toString());
        assertEquals(Subcommand.AUTH_REFUSED, none.code(), none.err());
        assertFalse(Files.exists(dir.resolve("s.json")));
    }

    @Test
    void aClosedPortExitsWith4() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Run r = export("--server", "http://127.0.0.1:" + port, "--out", dir.resolve("k.csv").toString());
        assertEquals(Subcommand.UNREACHABLE, r.code(), r.err());
        assertTrue(r.err().startsWith("export: server unreachable: Nothing is listening on port " + port), r.err());
        assertFalse(Files.exists(dir.resolve("k.csv")));
    }

    @Test
    void aServerErrorOrUnreadableAnswerExitsWith5AndLeavesNoFile() throws IOException {
        gateway.injectFault("/api/governance/virtual-keys", DemoGateway.Fault.status(500));
        Run r = export("--out", dir.resolve("k.csv").toString());
        assertEquals(Subcommand.SERVER_ERROR, r.code(), r.err());
        assertTrue(r.err().startsWith("export: the server failed or sent data that cannot be read: "), r.err());
        assertTrue(r.err().contains("internal error"), r.err());

        gateway.injectFault("/api/governance/virtual-keys", DemoGateway.Fault.truncatedJson());
        Run cut = export("--out", dir.resolve("k.csv").toString());
        assertEquals(Subcommand.SERVER_ERROR, cut.code(), cut.err());
        assertTrue(cut.err().contains("cut off"), cut.err());

        gateway.injectFault("/api/governance/teams", DemoGateway.Fault.nonBifrostJson());
        Run snap = run(new SnapshotCommand(() -> false, NO_PROFILES), env, "--out", dir.resolve("s.json").toString());
        assertEquals(Subcommand.SERVER_ERROR, snap.code(), snap.err());
        assertEquals(List.of(), TestFiles.in(dir), "neither file nor temporary file");
    }

    @Test
    void anUnwritableOutputExitsWith1() throws IOException {
        Path blocker = dir.resolve("not-a-folder");
        Files.writeString(blocker, "x");
        Run r = export("--out", blocker.resolve("keys.csv").toString());
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().startsWith("export: the output could not be written: "), r.err());
    }

    // ---- snapshot and diff -----------------------------------------------------------------------------

    @Test
    void snapshotThenDiffAgainstTheUnchangedServerFindsNothing() {
        Path file = dir.resolve("snap.json");
        Run snap = run(new SnapshotCommand(() -> false, NO_PROFILES), env, "--out", file.toString(), "--page-size", "40");
        assertEquals(0, snap.code(), snap.err());
        assertTrue(snap.err().contains("120 virtual keys"), snap.err());

        Run diff = run(new DiffCommand(NO_PROFILES), env, file.toString(), "--exit-code");
        assertEquals(0, diff.code(), diff.err());
        assertTrue(diff.out().contains("New: " + gateway.baseUrl() + " (live)"), diff.out());
        assertTrue(diff.out().contains("No differences."), diff.out());
    }

    @Test
    void diffOfTwoSnapshotsListsTheChangesAsTextAndJson() throws IOException {
        VirtualKey kept = TestKeys.governed("vk-1", "billing").build();
        VirtualKey switchedOff = TestKeys.copyOf(kept).active(false).configHash("changed-hash").build();
        Path old = dir.resolve("old.json");
        Path current = dir.resolve("new.json");
        SnapshotFile.write(old, TestSnapshots.of(TestSnapshots.OLD_TAKEN_AT,
                List.of(kept, TestKeys.key("vk-2").name("gone").build()), List.of()));
        SnapshotFile.write(current, TestSnapshots.of(TestSnapshots.NEW_TAKEN_AT, List.of(switchedOff), List.of()));

        Run text = run(new DiffCommand(NO_PROFILES), Map.of(), old.toString(), current.toString());
        assertEquals(0, text.code(), text.err());
        assertTrue(text.out().contains("Virtual keys: 0 added, 1 removed, 1 changed, 0 unchanged"), text.out());
        assertTrue(text.out().contains("  - gone  (vk-2)"), text.out());
        assertTrue(text.out().contains("  ~ billing  (vk-1)\n      is_active: true -> false\n"), text.out());

        Run json = run(new DiffCommand(NO_PROFILES), Map.of(), old.toString(), current.toString(), "--format", "json");
        JsonNode root = Json.mapper().readTree(json.out());
        assertEquals("vk-2", root.at("/virtual_keys/removed/0/id").asText());
        assertEquals("is_active", root.at("/virtual_keys/changed/0/changes/0/path").asText());

        assertEquals(DiffCommand.DIFFERENCES,
                run(new DiffCommand(NO_PROFILES), Map.of(), old.toString(), current.toString(), "--exit-code").code());
    }

    @Test
    void diffOfAFileThatIsNoSnapshotExitsWith5() throws IOException {
        Path export = dir.resolve("keys.json");
        Files.writeString(export, "[]");
        Run r = run(new DiffCommand(NO_PROFILES), Map.of(), export.toString(), export.toString());
        assertEquals(Subcommand.SERVER_ERROR, r.code());
        assertTrue(r.err().contains("is not a Bifrost Console snapshot"), r.err());
    }

    @Test
    void helpDescribesOptionsAndWhatDiffIgnores() {
        Run help = run(new DiffCommand(NO_PROFILES), Map.of(), "--help");
        assertEquals(0, help.code());
        assertTrue(help.out().contains("updated_at and config_hash"), help.out());
        assertTrue(help.out().contains("--include-usage"), help.out());
        Run exportHelp = export("--help");
        assertTrue(exportHelp.out().contains("spent/limit/window"), exportHelp.out());
        List<String> names = new ArrayList<>();
        Subcommands.all().forEach(c -> names.add(c.name()));
        assertTrue(names.containsAll(List.of("export", "snapshot", "diff")), names.toString());
    }

    @Test
    void noCommandNameStartsWithADashSoTheLauncherCanSkipThemForOptions() {
        // Launcher.main looks a command up only for a first argument without a leading dash.
        Subcommands.all().forEach(c -> assertFalse(c.name().startsWith("-"), c.name()));
    }
}
