package bifrostconsole.cli;

import bifrostconsole.cli.CommandsTest.Run;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every verb gets from the skeleton, checked on every registered verb (none of these runs reach a server). */
class CommandSkeletonTest {

    /** Every verb, with a group's actions ({@code keys disable}...) in place of the group. */
    static List<Subcommand> verbs() {
        return Subcommands.all().stream().flatMap(s -> s instanceof CommandGroup group
                ? group.actions().stream().map(Subcommand.class::cast) : Stream.of(s)).toList();
    }

    @Test
    void everyVerbPrintsItsHelpForBothSpellingsAndExitsZero() {
        for (Subcommand verb : verbs()) {
            for (String help : List.of("--help", "-h")) {
                Run r = CommandsTest.run(verb, Map.of(), help);
                assertEquals(Subcommand.OK, r.code(), verb.name() + " " + help + ": " + r.err());
                String group = verb.name().split(" ")[0];
                assertTrue(r.out().startsWith("usage: bifrost-console " + group + " "), r.out());
                assertTrue(r.out().contains("--"), "names its options: " + r.out());
                assertEquals("", r.err());
            }
        }
    }

    @Test
    void everyVerbRejectsAnUnknownOptionWithTheSameTwoLines() {
        for (Subcommand verb : verbs()) {
            Run r = CommandsTest.run(verb, Map.of(), "--colour", "red");
            assertEquals(Subcommand.USAGE, r.code(), verb.name());
            assertEquals(List.of(verb.name() + ": unknown option --colour",
                    "Run 'bifrost-console " + verb.name() + " --help' for the options."), r.err().lines().toList());
            assertEquals("", r.out());
        }
    }

    @Test
    void verbsWithoutPositionalArgumentsNameTheStrayOne() {
        for (Subcommand verb : verbs()) {
            if (verb instanceof DiffCommand || verb.name().startsWith("keys ")) {
                continue; // they take snapshot files, or key ids
            }
            Run r = CommandsTest.run(verb, Map.of(), "stray");
            assertEquals(Subcommand.USAGE, r.code(), verb.name() + ": " + r.err());
            assertTrue(r.err().startsWith(verb.name() + ": unexpected argument 'stray'\n"), r.err());
        }
    }

    @Test
    void aGroupNamesAnUnknownActionAndShowsItsHelpWhenGivenNone() {
        KeysCommand keys = new KeysCommand();
        Run unknown = CommandsTest.run(keys, Map.of(), "--colour", "red");
        assertEquals(Subcommand.USAGE, unknown.code());
        assertEquals(List.of("keys: unknown verb '--colour': use one of disable, enable, rotate, delete, reset-usage,"
                        + " set-budget, remove-budget, set-rate-limit, assign, override",
                "Run 'bifrost-console keys --help' for the verbs and options."), unknown.err().lines().toList());
        Run none = CommandsTest.run(keys, Map.of());
        assertEquals(Subcommand.USAGE, none.code());
        assertTrue(none.err().startsWith("usage: bifrost-console keys "), none.err());
    }

    @Test
    void checkTakesServerInEitherSpellingAndRejectsItTwice() {
        CheckCommand check = new CheckCommand(CommandsTest.NO_PROFILES);
        Run twice = CommandsTest.run(check, Map.of(), "--server", "http://a", "--server=http://b");
        assertEquals(Subcommand.USAGE, twice.code());
        assertTrue(twice.err().startsWith("check: --server is given twice"), twice.err());
        Run missing = CommandsTest.run(check, Map.of(), "--server");
        assertTrue(missing.err().startsWith("check: --server needs a value"), missing.err());
    }

    @Test
    void demoServerChecksItsNumbersBeforeStarting() {
        DemoServerCommand demo = new DemoServerCommand();
        assertTrue(CommandsTest.run(demo, Map.of(), "--port", "70000").err()
                .startsWith("demo-server: --port must be between 0 and 65535, not 70000"));
        assertTrue(CommandsTest.run(demo, Map.of(), "--seed", "x").err()
                .startsWith("demo-server: --seed must be a whole number, not 'x'"));
        assertTrue(CommandsTest.run(demo, Map.of(), "--api-key", " ").err()
                .startsWith("demo-server: --api-key must not be empty"));
    }

    @Test
    void aDemoServerPortInUseIsAUsageError() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code = new DemoServerCommand().serve(List.of("--port", String.valueOf(taken.getLocalPort()),
                    "--keys", "1"), System.out, new PrintStream(err, true, StandardCharsets.UTF_8),
                    CompletableFuture.completedFuture(null));
            assertEquals(Subcommand.USAGE, code);
            assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("demo-server: port " + taken.getLocalPort()
                    + " is already in use: choose another with --port\n"), err.toString(StandardCharsets.UTF_8));
        }
    }
}
