package bifrostconsole.connection;

import bifrostconsole.api.Secret;
import bifrostconsole.config.ConfigFolder;
import bifrostconsole.config.UiSettings;
import bifrostconsole.testing.DemoGatewayExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs the console's connection flow with a known key (add a profile, test it, save it, test a wrong key,
 * reopen the profiles) and then searches everything the console wrote for that key: the config folder,
 * the logs under target/, every log record and every message shown.
 */
class SecretsStayOutOfFilesTest {
    /** New on every run, so finding it anywhere means this run leaked it. */
    private static final String KEY = "bfst-secret-" + UUID.randomUUID();

    @RegisterExtension
    static final DemoGatewayExtension gateway = DemoGatewayExtension.withKeys(11, 50).withApiKey(KEY);

    @Test
    void theKeyIsInTheCredentialStoreAndNowhereElse() throws Exception {
        String key = KEY;
        Path configFolder = ConfigFolder.resolve();
        List<String> logged = new java.util.concurrent.CopyOnWriteArrayList<>(); // handlers run on HTTP threads too
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(new SimpleFormatter().format(record));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        Level previous = root.getLevel();
        root.addHandler(capture);
        root.setLevel(Level.ALL);
        List<String> shown = new ArrayList<>();
        InMemoryCredentialStore credentials = InMemoryCredentialStore.pretendingPersistent();
        try (ProfileService profiles = new ProfileService(new ProfileStore(configFolder.resolve("profiles.json")),
                credentials)) {
            profiles.load().get(10, TimeUnit.SECONDS);
            UiSettings settings = UiSettings.inConfigFolder();
            settings.put("theme", "dark");

            ProfileEditorViewModel editor = new ProfileEditorViewModel(profiles,
                    new ConnectionTestViewModel(Runnable::run), Runnable::run, null);
            editor.nameProperty().set("Secret scan");
            editor.urlProperty().set(gateway.baseUrl());
            editor.apiKeyProperty().set(key);
            assertTrue(editor.testConnection().get(20, TimeUnit.SECONDS));
            editor.test().steps().forEach(s -> shown.add(s.detail()));
            ConnectionProfile saved = editor.save().get(10, TimeUnit.SECONDS);
            settings.put("last.profile", saved.id());

            assertEquals(Secret.of(key), credentials.read(saved.id()).orElseThrow());

            // Editing with a wrong key shows the 401 message, and the stored key is used when the field is empty.
            ProfileEditorViewModel edit = new ProfileEditorViewModel(profiles,
                    new ConnectionTestViewModel(Runnable::run), Runnable::run, saved);
            edit.apiKeyProperty().set(key + "-wrong");
            assertFalse(edit.testConnection().get(20, TimeUnit.SECONDS));
            shown.add(edit.test().summaryProperty().get());
            edit.test().steps().forEach(s -> shown.add(s.detail()));
            edit.apiKeyProperty().set("");
            assertTrue(edit.testConnection().get(20, TimeUnit.SECONDS), "the stored key is used when the field is empty");

            shown.add(saved.toString());
            shown.add(profiles.current().toString());
            shown.add(saved.toSettings(credentials.read(saved.id()).orElseThrow()).toString());
            assertEquals(1, new ProfileStore(configFolder.resolve("profiles.json")).load().profiles().profiles().stream()
                    .filter(p -> p.id().equals(saved.id())).count());
        } finally {
            root.removeHandler(capture);
            root.setLevel(previous);
        }

        for (String line : logged) {
            assertFalse(line.contains(key), "a log record contains the key: " + line);
        }
        for (String text : shown) {
            assertFalse(text.contains(key), "a shown message contains the key: " + text);
        }
        List<Path> scanned = new ArrayList<>();
        scanned.addAll(filesUnder(configFolder));
        scanned.addAll(filesUnder(Path.of("target", "surefire-reports")));
        try (Stream<Path> logs = Files.list(Path.of("target"))) {
            logs.filter(p -> p.toString().endsWith(".log") && Files.isRegularFile(p)).forEach(scanned::add);
        }
        assertTrue(scanned.stream().anyMatch(p -> p.getFileName().toString().equals("profiles.json")));
        byte[] needle = key.getBytes(StandardCharsets.UTF_8);
        for (Path file : scanned) {
            assertFalse(contains(Files.readAllBytes(file), needle), file + " contains the key");
        }
    }

    @Test
    void withoutAnOsCredentialStoreTheKeyIsKeptForTheSessionAndTheUserIsToldWhy() throws Exception {
        InMemoryCredentialStore sessionOnly = InMemoryCredentialStore.sessionOnly(
                "No system credential store was found, so keys are kept only until the console closes.");
        Path folder = ConfigFolder.resolve().resolve("session-only");
        try (ProfileService profiles = new ProfileService(new ProfileStore(folder.resolve("profiles.json")), sessionOnly)) {
            ProfileEditorViewModel editor = new ProfileEditorViewModel(profiles,
                    new ConnectionTestViewModel(Runnable::run), Runnable::run, null);
            assertFalse(editor.keyPersistentProperty().get());
            assertTrue(editor.keyStorageNoteProperty().get().contains("only until the console closes"));
            editor.urlProperty().set("http://localhost:8080");
            editor.apiKeyProperty().set("bfst-session-only-key");
            ConnectionProfile saved = editor.save().get(10, TimeUnit.SECONDS);
            assertEquals(Secret.of("bfst-session-only-key"), profiles.readKey(saved.id()).get().orElseThrow());
            assertFalse(Files.readString(folder.resolve("profiles.json")).contains("bfst-session-only-key"));
        }
    }

    private static List<Path> filesUnder(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
