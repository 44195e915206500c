package bifrostconsole.cli;

import bifrostconsole.api.ConnectionSettings;
import bifrostconsole.api.ManagementApiClient;
import bifrostconsole.api.VirtualKeyQuery;
import bifrostconsole.demo.DemoDataGenerator;
import bifrostconsole.testing.CapturedOutput;
import bifrostconsole.testing.Wait;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code demo-server}: serves until told to stop, and refuses bad arguments with one sentence and a pointer to --help. */
class DemoServerCommandTest {

    @Test
    void printsItsAddressServesTheGeneratedKeysAndStops() throws Exception {
        CapturedOutput out = new CapturedOutput();
        CapturedOutput err = new CapturedOutput();
        CompletableFuture<Void> stop = new CompletableFuture<>();
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> new DemoServerCommand().serve(
                List.of("--port", "0", "--keys", "20", "--seed", "3"), out.stream(), err.stream(), stop));

        String line = out.awaitFirstLine();
        assertTrue(line.matches("Demo gateway listening on http://127\\.0\\.0\\.1:\\d+"), line);
        ManagementApiClient client = new ManagementApiClient(
                ConnectionSettings.of(line.substring(line.indexOf("http")), null));
        assertEquals(20, client.listVirtualKeys(VirtualKeyQuery.firstPage(100)).join().totalCount());
        assertFalse(exit.isDone(), "it serves until stopped");
        stop.complete(null);
        assertEquals(0, Wait.get(exit));
        assertEquals("", err.text());
    }

    @Test
    void takesItsKeyFromAFileOrTheEnvironment(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path file = dir.resolve("demo-key");
        java.nio.file.Files.writeString(file, "key-from-file\n");
        assertOnlyThisKeyIsAccepted(List.of("--port", "0", "--keys", "5", "--api-key-file", file.toString()),
                java.util.Map.of(), "key-from-file");
        assertOnlyThisKeyIsAccepted(List.of("--port", "0", "--keys", "5"),
                java.util.Map.of(DemoServerCommand.KEY_VARIABLE, "key-from-env"), "key-from-env");
    }

    private static void assertOnlyThisKeyIsAccepted(List<String> args, java.util.Map<String, String> env, String key)
            throws Exception {
        CapturedOutput out = new CapturedOutput();
        CapturedOutput err = new CapturedOutput();
        CompletableFuture<Void> stop = new CompletableFuture<>();
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> new DemoServerCommand().serve(args,
                out.stream(), err.stream(), stop, env));
        String line = out.awaitFirstLine();
        assertTrue(line.endsWith("(management API key required)"), line);
        String url = line.substring(line.indexOf("http"), line.indexOf(" (management"));
        assertEquals(5, new ManagementApiClient(ConnectionSettings.of(url, bifrostconsole.api.Secret.of(key)))
                .listVirtualKeys(VirtualKeyQuery.firstPage(10)).join().totalCount());
        java.util.concurrent.CompletionException refused = org.junit.jupiter.api.Assertions.assertThrows(
                java.util.concurrent.CompletionException.class, () -> new ManagementApiClient(ConnectionSettings.of(
                        url, bifrostconsole.api.Secret.of("wrong"))).listVirtualKeys(VirtualKeyQuery.firstPage(10))
                        .join());
        assertEquals(401, ((bifrostconsole.api.ApiException) refused.getCause()).statusCode());
        stop.complete(null);
        assertEquals(0, Wait.get(exit));
    }

    @Test
    void rejectsBadArgumentsWithOneSentenceAndThePointerToHelp() {
        CapturedOutput out = new CapturedOutput();
        CapturedOutput err = new CapturedOutput();
        int code = new DemoServerCommand().serve(List.of("--keys", "lots"), out.stream(), err.stream(),
                CompletableFuture.completedFuture(null));
        assertEquals(Subcommand.USAGE, code);
        String text = err.text();
        assertEquals(List.of("demo-server: --keys must be a number between 0 and " + DemoDataGenerator.MAX_KEYS
                + ", not 'lots'", "Run 'bifrost-console demo-server --help' for the options."), text.lines().toList());
        assertFalse(text.contains("Exception"));
        assertEquals("", out.text());
    }
}
