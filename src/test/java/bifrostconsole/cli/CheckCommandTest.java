package bifrostconsole.cli;

import bifrostconsole.api.Secret;
import bifrostconsole.connection.ConnectionProfile;
import bifrostconsole.connection.CredentialStore;
import bifrostconsole.connection.EnvironmentConnection;
import bifrostconsole.connection.InMemoryCredentialStore;
import bifrostconsole.connection.Profiles;
import bifrostconsole.testing.DemoGatewayExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CheckCommandTest {
    private static final String KEY = "bfst-check-command";

    @RegisterExtension
    static final DemoGatewayExtension gateway = DemoGatewayExtension.withKeys(9, 30).withApiKey(KEY);

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void theStoredKeyOfTheSavedProfilePassesAllChecks() {
        ConnectionProfile saved = ConnectionProfile.create("Local demo", gateway.baseUrl());
        InMemoryCredentialStore store = InMemoryCredentialStore.pretendingPersistent();
        store.write(saved.id(), Secret.of(KEY));
        int code = command(Profiles.empty().with(saved), store).run(List.of("--server", gateway.baseUrl()),
                print(out), print(err), Map.of());
        String text = out.toString(StandardCharsets.UTF_8);
        assertEquals(Subcommand.OK, code, text + err);
        assertTrue(text.contains("saved as 'Local demo'"), text);
        assertTrue(text.contains("ok      Key accepted (list virtual keys): Key accepted: 30 virtual keys visible."), text);
        assertFalse(text.contains(KEY), "the key is never printed");
    }

    @Test
    void aWrongEnvironmentKeyExitsWithTheAuthCode() {
        int code = command(Profiles.empty(), InMemoryCredentialStore.pretendingPersistent())
                .run(List.of(), print(out), print(err), Map.of("BIFROST_URL", gateway.baseUrl(), "BIFROST_API_KEY", "bfst-nope"));
        assertEquals(Subcommand.AUTH_REFUSED, code);
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("FAILED  Key accepted"), out.toString(StandardCharsets.UTF_8));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("key: from BIFROST_API_KEY"));
    }

    @Test
    void anUnreachableServerExitsWithTheUnreachableCode() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        int code = command(Profiles.empty(), InMemoryCredentialStore.pretendingPersistent())
                .run(List.of("--server", "http://127.0.0.1:" + port), print(out), print(err), Map.of());
        assertEquals(Subcommand.UNREACHABLE, code);
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("skipped Bifrost version"));
    }

    @Test
    void noServerAnywhereIsAUsageError() {
        int code = command(Profiles.empty(), InMemoryCredentialStore.pretendingPersistent())
                .run(List.of(), print(out), print(err), Map.of());
        assertEquals(Subcommand.USAGE, code);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--server URL"));
    }

    private static CheckCommand command(Profiles profiles, CredentialStore store) {
        return new CheckCommand(new ServerOptions(() -> new EnvironmentConnection(profiles, () -> store)));
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }
}
