package bifrostconsole.connection;

import bifrostconsole.api.Secret;
import bifrostconsole.testing.DemoGatewayExtension;
import bifrostconsole.testing.LiveSecretService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The OS credential store for real: {@link KeyringCredentialStore} against a live GNOME Keyring on a private D-Bus
 * session bus ({@link LiveSecretService}), checked from outside the JVM with {@code secret-tool} and from a fresh
 * console process. Skipped when the programs are missing; {@code -Dsecretservice.required=true} (CI) makes that a
 * failure.
 */
@Tag("secret-service")
class KeyringCredentialStoreLiveTest {
    /** The console's own limit (BifrostConsoleApp.CREDENTIAL_PROBE_TIMEOUT): a loaded CI machine is slow too. */
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    /** New on every run, so finding one anywhere means this run leaked it. */
    private static final String KEY_A = "bfst-live-a-" + UUID.randomUUID();
    private static final String KEY_B = "bfst-live-b-" + UUID.randomUUID();

    @RegisterExtension
    static final DemoGatewayExtension serverA = DemoGatewayExtension.withKeys(5, 20).withApiKey(KEY_A);
    @RegisterExtension
    static final DemoGatewayExtension serverB = DemoGatewayExtension.withKeys(6, 20).withApiKey(KEY_B);

    private LiveSecretService live;
    private Path configFolder;
    private final List<String> logged = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record.getLoggerName() + ": " + record.getMessage() + " " + record.getThrown());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private Level rootLevel;
    private long startedMillis;

    @BeforeEach
    void startSecretService() throws Exception {
        startedMillis = System.currentTimeMillis();
        live = LiveSecretService.start();
        configFolder = Files.createDirectories(Path.of("target", "test-config", "secret-service",
                UUID.randomUUID().toString())).toAbsolutePath();
        Logger root = Logger.getLogger("");
        rootLevel = root.getLevel();
        root.setLevel(Level.ALL);
        root.addHandler(capture);
    }

    @AfterEach
    void stopSecretService() throws Exception {
        Logger.getLogger("").removeHandler(capture);
        Logger.getLogger("").setLevel(rootLevel);
        if (live != null) {
            live.close();
        }
        for (String record : logged) {
            assertFalse(record.contains(KEY_A) || record.contains(KEY_B), "a log record carries a key: " + record);
            // java-keyring, dbus-java and the Secret Service client stay silent: their records name bus addresses
            // and item paths, and at DEBUG carry message bodies.
            assertFalse(record.startsWith("org.freedesktop") || record.startsWith("com.github.javakeyring"),
                    "a library logged: " + record);
        }
    }

    @Test
    void savingAConnectionStoresTheKeyUnderTheDocumentedAttributesAndInNoFile() throws Exception {
        KeyringCredentialStore store = liveStore();
        assertEquals(new CredentialStore.Availability(true, "the Secret Service keyring"), store.availability());
        ConnectionProfile profile = ConnectionProfile.create("Live A", serverA.baseUrl());
        try (ProfileService profiles = profileService(store)) {
            profiles.save(profile, Optional.of(Secret.of(KEY_A))).get(10, TimeUnit.SECONDS);
        }

        // The README's attributes, looked up by libsecret's own tool, outside this JVM.
        assertEquals(Optional.of(KEY_A), live.lookup("service", "Bifrost Console", "account", "profile:" + profile.id()));
        String item = live.search("service", "Bifrost Console", "account", "profile:" + profile.id());
        assertTrue(item.contains("label = Bifrost Console management API key (profile:" + profile.id() + ")"), item);
        assertTrue(Files.readString(configFolder.resolve("profiles.json")).contains(profile.id()));
        assertNoFileContains(KEY_A);
        assertFalse(store.toString().contains(KEY_A));
    }

    @Test
    void aFreshConsoleProcessReadsTheKeyBackAndConnectsWithoutAsking() throws Exception {
        ConnectionProfile profile = ConnectionProfile.create("Live A", serverA.baseUrl());
        try (KeyringCredentialStore store = liveStore(); ProfileService profiles = profileService(store)) {
            profiles.save(profile, Optional.of(Secret.of(KEY_A))).get(10, TimeUnit.SECONDS);
        }

        Console check = console("check", "--server", serverA.baseUrl());
        assertEquals(0, check.exit(), check.output());
        assertTrue(check.output().contains("key: from the stored key of profile 'Live A'"), check.output());
        assertFalse(check.output().contains(KEY_A), check.output());
    }

    @Test
    void editingTheKeyReplacesIt() throws Exception {
        ConnectionProfile profile = ConnectionProfile.create("Live A", serverA.baseUrl());
        try (KeyringCredentialStore store = liveStore(); ProfileService profiles = profileService(store)) {
            profiles.save(profile, Optional.of(Secret.of(KEY_B))).get(10, TimeUnit.SECONDS);
            profiles.save(profile, Optional.of(Secret.of(KEY_A))).get(10, TimeUnit.SECONDS);
            assertEquals(Optional.of(Secret.of(KEY_A)), profiles.readKey(profile.id()).get(10, TimeUnit.SECONDS));
        }
        assertEquals(Optional.of(KEY_A), live.lookup("service", "Bifrost Console", "account", "profile:" + profile.id()));
        String items = live.search("service", "Bifrost Console", "account", "profile:" + profile.id());
        assertEquals(1, items.lines().filter(l -> l.startsWith("[/")).count(), "one item, not two: " + items);
        // A process started after the edit connects with the new key.
        Console check = console("check", "--server", serverA.baseUrl());
        assertEquals(0, check.exit(), check.output());
    }

    @Test
    void deletingTheConnectionRemovesTheSecret() throws Exception {
        ConnectionProfile profile = ConnectionProfile.create("Live A", serverA.baseUrl());
        try (KeyringCredentialStore store = liveStore(); ProfileService profiles = profileService(store)) {
            profiles.save(profile, Optional.of(Secret.of(KEY_A))).get(10, TimeUnit.SECONDS);
            assertTrue(live.lookup("service", "Bifrost Console", "account", "profile:" + profile.id()).isPresent());
            profiles.delete(profile.id()).get(10, TimeUnit.SECONDS);
            assertEquals(Optional.empty(), profiles.readKey(profile.id()).get(10, TimeUnit.SECONDS));
        }
        assertEquals(Optional.empty(), live.lookup("service", "Bifrost Console", "account", "profile:" + profile.id()));
        assertEquals("", live.search("service", "Bifrost Console"));
    }

    @Test
    void twoConnectionsToDifferentServersKeepSeparateSecrets() throws Exception {
        ConnectionProfile a = ConnectionProfile.create("Live A", serverA.baseUrl());
        ConnectionProfile b = ConnectionProfile.create("Live B", serverB.baseUrl());
        try (KeyringCredentialStore store = liveStore(); ProfileService profiles = profileService(store)) {
            profiles.save(a, Optional.of(Secret.of(KEY_A))).get(10, TimeUnit.SECONDS);
            profiles.save(b, Optional.of(Secret.of(KEY_B))).get(10, TimeUnit.SECONDS);
        }
        assertEquals(Optional.of(KEY_A), live.lookup("service", "Bifrost Console", "account", "profile:" + a.id()));
        assertEquals(Optional.of(KEY_B), live.lookup("service", "Bifrost Console", "account", "profile:" + b.id()));

        // Each server gets its own key from a fresh process (each gateway refuses the other's key).
        Console checkB = console("check", "--server", serverB.baseUrl());
        assertEquals(0, checkB.exit(), checkB.output());
        assertTrue(checkB.output().contains("stored key of profile 'Live B'"), checkB.output());

        // Removing one by hand, as the README says, leaves the other.
        assertEquals(0, live.clear("service", "Bifrost Console", "account", "profile:" + a.id()).exit());
        assertEquals(Optional.empty(), live.lookup("service", "Bifrost Console", "account", "profile:" + a.id()));
        assertEquals(Optional.of(KEY_B), live.lookup("service", "Bifrost Console", "account", "profile:" + b.id()));
    }

    @Test
    void aLockedKeyringAtStartGivesTheReasonAndKeepsKeysForTheSessionOnly() throws Exception {
        live.lockDefaultKeyring();
        CredentialStore store = KeyringCredentialStore.openSecretService(live.address(), TIMEOUT);
        assertEquals(new CredentialStore.Availability(false, "The Secret Service keyring cannot be used (it is"
                + " locked), so keys are kept only until the console closes: unlock it (Passwords and Keys, or log"
                + " in again) and restart the console to save them."), store.availability());
        ConnectionProfile profile = ConnectionProfile.create("Live A", serverA.baseUrl());
        try (ProfileService profiles = profileService(store)) {
            profiles.save(profile, Optional.of(Secret.of(KEY_A))).get(10, TimeUnit.SECONDS);
            assertEquals(Optional.of(Secret.of(KEY_A)), profiles.readKey(profile.id()).get(10, TimeUnit.SECONDS));
        }
        assertNoFileContains(KEY_A);
    }

    @Test
    void aKeyringLockedMidSessionGivesTheReasonOnceAndKeepsTheKeyForTheSession() throws Exception {
        assertFallbackMidSession(live::lockDefaultKeyring, Pattern.quote("Keys can no longer be saved in the Secret Service"
                + " keyring (it is locked), so they are kept only until the console closes: unlock or start it and"
                + " restart the console to save them again."));
    }

    @Test
    void theKeyringDaemonGoingAwayMidSessionGivesTheReasonAndKeepsTheKeyForTheSession() throws Exception {
        assertFallbackMidSession(live::stopKeyring, Pattern.quote("Keys can no longer be saved in the Secret Service keyring (it"
                + " is no longer running), so they are kept only until the console closes: unlock or start it and"
                + " restart the console to save them again."));
    }

    @Test
    void theSessionBusGoingAwayMidSessionGivesTheReasonAndKeepsTheKeyForTheSession() throws Exception {
        // Whether dbus-java sees the socket close before the call or only after it, the call fails at once or at
        // the time limit: either reason is the truth, and either way the session goes on.
        assertFallbackMidSession(live::stopBus, "Keys can no longer be saved in the Secret Service keyring \\((its"
                + " D-Bus connection is gone|it did not answer within 10 s)\\), so they are kept only until the console"
                + " closes: unlock or start it and restart the console to save them again\\.");
    }

    @Test
    void closingLeavesNoThreadBehind() throws Exception {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        KeyringCredentialStore store = liveStore();
        store.write("closing", Secret.of(KEY_A));
        store.close();
        List<Thread> started = Thread.getAllStackTraces().keySet().stream().filter(t -> !before.contains(t))
                .collect(Collectors.toList());
        for (Thread t : started) {
            t.join(TIMEOUT.toMillis());
        }
        List<String> alive = started.stream().filter(Thread::isAlive).map(Thread::getName).toList();
        assertEquals(List.of(), alive, "threads the store started and left running");
    }

    private void assertFallbackMidSession(Interruption interruption, String reasonPattern) throws Exception {
        ConnectionProfile a = ConnectionProfile.create("Live A", serverA.baseUrl());
        ConnectionProfile b = ConnectionProfile.create("Live B", serverB.baseUrl());
        List<String> notices = new CopyOnWriteArrayList<>();
        try (KeyringCredentialStore store = liveStore(); ProfileService profiles = profileService(store)) {
            profiles.onCredentialFallback(notices::add);
            profiles.save(a, Optional.of(Secret.of(KEY_A))).get(10, TimeUnit.SECONDS);
            assertEquals(List.of(), notices);

            interruption.run();
            // Saving still works, for this session: the profile is saved, the key kept in memory, the reason given.
            profiles.save(b, Optional.of(Secret.of(KEY_B))).get(30, TimeUnit.SECONDS);
            assertEquals(1, notices.size(), "" + notices);
            assertTrue(notices.get(0).matches(reasonPattern), notices.get(0));
            assertEquals(new CredentialStore.Availability(false, notices.get(0)),
                    profiles.credentialAvailability().get(10, TimeUnit.SECONDS));
            assertEquals(Optional.of(Secret.of(KEY_B)), profiles.readKey(b.id()).get(10, TimeUnit.SECONDS));
            // The key saved before the interruption is still at hand this session.
            assertEquals(Optional.of(Secret.of(KEY_A)), profiles.readKey(a.id()).get(10, TimeUnit.SECONDS));
            // Later calls do not wait on the store again, and the reason is not repeated.
            profiles.save(b, Optional.of(Secret.of(KEY_A))).get(10, TimeUnit.SECONDS);
            assertEquals(1, notices.size());
            assertTrue(profiles.current().find(b.id()).isPresent());
        }
        assertNoFileContains(KEY_B);
    }

    private interface Interruption {
        void run() throws Exception;
    }

    private KeyringCredentialStore liveStore() {
        CredentialStore store = KeyringCredentialStore.openSecretService(live.address(), TIMEOUT);
        assertTrue(store instanceof KeyringCredentialStore, "the live Secret Service was not used: "
                + store.availability().description());
        return (KeyringCredentialStore) store;
    }

    private ProfileService profileService(CredentialStore store) throws Exception {
        ProfileService profiles = new ProfileService(new ProfileStore(configFolder.resolve("profiles.json")), store);
        profiles.load().get(10, TimeUnit.SECONDS);
        return profiles;
    }

    private record Console(int exit, String output) {
    }

    /**
     * The console's command line in a new JVM with this test's config folder and only the live Secret Service's
     * environment (no BIFROST_API_KEY), and no standard input: it cannot be asked for a key.
     */
    private Console console(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dbifrost.console.configDir=" + configFolder, "-cp", System.getProperty("java.class.path"),
                "bifrostconsole.Launcher"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Map<String, String> env = builder.environment();
        env.remove("BIFROST_API_KEY");
        env.remove("BIFROST_URL");
        env.remove("JAVA_TOOL_OPTIONS");
        env.putAll(live.environment());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the console process did not end: " + output);
        return new Console(process.exitValue(), output);
    }

    /** Neither the config folder nor any file written to the temp folder during this test holds {@code key}. */
    private void assertNoFileContains(String key) throws IOException {
        byte[] needle = key.getBytes(StandardCharsets.UTF_8);
        List<Path> hits = new ArrayList<>();
        List<Path> scanned = new ArrayList<>();
        for (Path root : List.of(configFolder, Path.of(System.getProperty("java.io.tmpdir")))) {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    boolean ours = root.equals(configFolder) || attrs.lastModifiedTime().toMillis() >= startedMillis - 1000;
                    if (attrs.isRegularFile() && ours && attrs.size() < 64L * 1024 * 1024) {
                        try {
                            scanned.add(file);
                            if (contains(Files.readAllBytes(file), needle)) {
                                hits.add(file);
                            }
                        } catch (IOException unreadable) {
                            // Another user's file, or one removed meanwhile: not something this test wrote.
                        }
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        }
        assertTrue(scanned.stream().anyMatch(p -> p.getFileName().toString().equals("profiles.json")), "" + scanned);
        assertEquals(List.of(), hits, "files that hold the key");
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
