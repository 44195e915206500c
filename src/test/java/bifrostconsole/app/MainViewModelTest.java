package bifrostconsole.app;

import bifrostconsole.api.ManagementApiClient;
import bifrostconsole.api.Secret;
import bifrostconsole.api.VirtualKeyQuery;
import bifrostconsole.config.ConfigFolder;
import bifrostconsole.connection.ConnectionProfile;
import bifrostconsole.connection.CredentialStore;
import bifrostconsole.connection.InMemoryCredentialStore;
import bifrostconsole.connection.ProfileService;
import bifrostconsole.connection.ProfileStore;
import bifrostconsole.connection.Profiles;
import bifrostconsole.testing.DemoGatewayExtension;
import bifrostconsole.testing.Wait;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Opening connections without a window: start-up choices, the key prompt after a 401, the plain-http
 * question, switching. The UI executor is a single thread standing in for the FX thread.
 */
class MainViewModelTest {
    private static final String KEY = "bfst-main-view-model";

    @RegisterExtension
    static final DemoGatewayExtension gateway = DemoGatewayExtension.withKeys(5, 40).withApiKey(KEY);

    private final ExecutorService ui = Executors.newSingleThreadExecutor();
    private final ExecutorService background = Executors.newCachedThreadPool();
    private final InMemoryCredentialStore credentials = InMemoryCredentialStore.pretendingPersistent();
    private final Path file = ConfigFolder.resolve().resolve("main-vm-" + UUID.randomUUID()).resolve("profiles.json");
    private final ProfileService profiles = new ProfileService(new ProfileStore(file), credentials);
    private final DemoWorkspace demo = new DemoWorkspace(background);
    private final FakePrompts prompts = new FakePrompts();
    private final MainViewModel model = new MainViewModel(profiles, demo, prompts, ManagementApiClient::new, ui);

    @AfterEach
    void tearDown() {
        demo.close();
        profiles.close();
        ui.shutdownNow();
        background.shutdownNow();
    }

    @Test
    void withNothingSavedTheWelcomeScreenShows() throws Exception {
        model.start(StartupOptions.none()).get(10, TimeUnit.SECONDS);
        waitFor(() -> model.screenProperty().get() == MainViewModel.Screen.WELCOME);
        assertEquals(List.of(DemoWorkspace.NAME), model.choices().stream().map(MainViewModel.Choice::label).toList());
    }

    @Test
    void theLastUsedProfileOpensWithItsStoredKey() throws Exception {
        ConnectionProfile staging = ConnectionProfile.create("Staging", gateway.baseUrl());
        new ProfileStore(file).save(Profiles.empty().with(staging).withLastUsed(staging.id()));
        credentials.write(staging.id(), Secret.of(KEY));

        model.start(StartupOptions.none());
        waitFor(() -> model.screenProperty().get() == MainViewModel.Screen.WORKSPACE);
        assertEquals("Staging", model.workspaceProperty().get().displayName());
        assertEquals("Bifrost v2.2.5 \u00b7 40 virtual keys", model.statusTextProperty().get());
        assertEquals(0, prompts.keyQuestions.size());
    }

    @Test
    void aRefusedKeyIsAskedForAndTheTypedKeyIsRememberedForTheProfile() throws Exception {
        ConnectionProfile staging = ConnectionProfile.create("Staging", gateway.baseUrl());
        new ProfileStore(file).save(Profiles.empty().with(staging).withLastUsed(staging.id()));
        prompts.answerKeys.add(Optional.of(Secret.of(KEY)));

        model.start(StartupOptions.none());
        waitFor(() -> model.screenProperty().get() == MainViewModel.Screen.WORKSPACE);
        assertEquals(1, prompts.keyQuestions.size());
        assertTrue(prompts.keyQuestions.get(0).contains("requires a management API key"), prompts.keyQuestions.get(0));
        waitFor(() -> credentials.read(staging.id()).isPresent());
        assertEquals(Secret.of(KEY), credentials.read(staging.id()).get());
    }

    @Test
    void cancellingTheKeyQuestionShowsTheFailureWithItsMessage() throws Exception {
        model.start(new StartupOptions(gateway.baseUrl(), false, false, Secret.of("bfst-wrong")));
        prompts.answerKeys.add(Optional.empty());
        waitFor(() -> model.screenProperty().get() == MainViewModel.Screen.FAILED);
        assertTrue(model.failureProperty().get().contains("refused the management API key (401 Unauthorized)"),
                model.failureProperty().get());
        assertEquals(MainViewModel.Status.FAILED, model.statusProperty().get());
    }

    @Test
    void theServerOptionOpensAnUnsavedConnectionWithTheEnvironmentKey() throws Exception {
        model.start(new StartupOptions(gateway.baseUrl(), false, false, Secret.of(KEY)));
        waitFor(() -> model.screenProperty().get() == MainViewModel.Screen.WORKSPACE);
        MainViewModel.Choice selected = model.selectedProperty().get();
        assertFalse(selected.saved());
        assertTrue(selected.label().endsWith("(not saved)"), selected.label());
        assertTrue(new ProfileStore(file).load().profiles().profiles().isEmpty(), "nothing is written for --server");
    }

    @Test
    void savingTheUnsavedServerReplacesItsEntryInTheSwitcher() throws Exception {
        model.start(new StartupOptions(gateway.baseUrl(), false, false, Secret.of(KEY)));
        waitFor(() -> model.screenProperty().get() == MainViewModel.Screen.WORKSPACE);
        ConnectionProfile saved = ConnectionProfile.create("Local gateway", gateway.baseUrl());
        profiles.save(saved, Optional.of(Secret.of(KEY))).get(10, TimeUnit.SECONDS);
        ui.submit(() -> model.profileSaved(saved, true)).get(10, TimeUnit.SECONDS);
        waitFor(() -> model.screenProperty().get() == MainViewModel.Screen.WORKSPACE
                && model.selectedProperty().get().saved());
        assertEquals(List.of("Local gateway", DemoWorkspace.NAME),
                ui.submit(() -> model.choices().stream().map(MainViewModel.Choice::label).toList()).get());
    }

    @Test
    void aKeyIsNotSentOverPlainHttpToARemoteHostWithoutConsent() throws Exception {
        ConnectionProfile remote = ConnectionProfile.create("Remote", "http://gateway.invalid:8080");
        new ProfileStore(file).save(Profiles.empty().with(remote).withLastUsed(remote.id()));
        credentials.write(remote.id(), Secret.of(KEY));
        prompts.allowPlainHttp = false;

        model.start(StartupOptions.none());
        waitFor(() -> model.screenProperty().get() == MainViewModel.Screen.FAILED);
        assertEquals(1, prompts.plainHttpQuestions);
        assertTrue(model.failureProperty().get().contains("the key was not sent over plain http"));
    }

    @Test
    void consentToPlainHttpIsRememberedOnTheProfile() throws Exception {
        ConnectionProfile remote = ConnectionProfile.create("Remote", "http://gateway.invalid:8080");
        new ProfileStore(file).save(Profiles.empty().with(remote).withLastUsed(remote.id()));
        credentials.write(remote.id(), Secret.of(KEY));
        prompts.allowPlainHttp = true;

        model.start(StartupOptions.none());
        waitFor(() -> model.screenProperty().get() == MainViewModel.Screen.FAILED);
        assertTrue(model.failureProperty().get().contains("could not be found"), model.failureProperty().get());
        waitFor(() -> new ProfileStore(file).load().profiles().find(remote.id()).orElseThrow().plainHttpConfirmed());
    }

    @Test
    void theDemoOptionStartsTheBuiltInGatewayAndIsRememberedAsLastUsed() throws Exception {
        model.start(new StartupOptions(null, true, false, null));
        waitFor(() -> model.screenProperty().get() == MainViewModel.Screen.WORKSPACE);
        assertTrue(model.workspaceProperty().get().demo());
        assertEquals(2_000, model.workspaceProperty().get().keyCount());
        assertEquals(VirtualKeyQuery.firstPage(25), model.workspaceProperty().get().firstPageQuery());
        assertEquals(25, model.workspaceProperty().get().firstPage().items().size(),
                "the workspace opens with the browser's first page, asked for while connecting");
        waitFor(() -> DemoWorkspace.ID.equals(new ProfileStore(file).load().profiles().lastUsedId()));
    }

    @Test
    void theDemoOpenedBeforeTheToolkitIsTakenOnceAndThenOpenedAfresh() throws Exception {
        demo.openEarly(ManagementApiClient::new, VirtualKeyQuery.firstPage(50));
        model.start(new StartupOptions(null, true, false, null));
        waitFor(() -> model.screenProperty().get() == MainViewModel.Screen.WORKSPACE);
        assertEquals(VirtualKeyQuery.firstPage(50), model.workspaceProperty().get().firstPageQuery(),
                "the early opening's page is the one shown");
        assertEquals(2_000, model.workspaceProperty().get().keyCount());

        model.showWelcome();
        model.openDemo();
        waitFor(() -> model.screenProperty().get() == MainViewModel.Screen.WORKSPACE);
        assertEquals(VirtualKeyQuery.firstPage(25), model.workspaceProperty().get().firstPageQuery(),
                "a later open asks again");
    }

    @Test
    void aCorruptProfileFileBecomesANotice() throws Exception {
        java.nio.file.Files.createDirectories(file.getParent());
        java.nio.file.Files.writeString(file, "not json");
        model.start(StartupOptions.none()).get(10, TimeUnit.SECONDS);
        waitFor(() -> !model.notices().isEmpty());
        assertTrue(model.notices().get(0).contains("could not be read"), model.notices().get(0));
    }

    /** Waits until {@code condition}, read on the UI thread, holds. */
    private void waitFor(Callable<Boolean> condition) throws Exception {
        try {
            Wait.until("the condition", () -> ui.submit(condition).get());
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; screen " + model.screenProperty().get() + ", failure '"
                    + model.failureProperty().get() + "'", e);
        }
    }

    @Test
    void aCredentialStoreThatFailsMidSessionIsANoticeOnce() throws Exception {
        String reason = "Keys can no longer be saved in the test keyring (it is locked), so they are kept only until"
                + " the console closes: unlock or start it and restart the console to save them again.";
        List<java.util.function.Consumer<String>> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();
        CredentialStore failing = new CredentialStore() {
            private final InMemoryCredentialStore keys = InMemoryCredentialStore.pretendingPersistent();

            @Override
            public Availability availability() {
                return keys.availability();
            }

            @Override
            public Optional<Secret> read(String profileId) {
                return keys.read(profileId);
            }

            @Override
            public void write(String profileId, Secret key) {
                keys.write(profileId, key);
            }

            @Override
            public void delete(String profileId) {
                keys.delete(profileId);
            }

            @Override
            public void onFallback(java.util.function.Consumer<String> listener) {
                listeners.add(listener);
            }
        };
        ConnectionProfile staging = ConnectionProfile.create("Staging", gateway.baseUrl());
        new ProfileStore(file).save(Profiles.empty().with(staging).withLastUsed(staging.id()));
        failing.write(staging.id(), Secret.of(KEY));
        try (ProfileService service = new ProfileService(new ProfileStore(file), failing)) {
            MainViewModel m = new MainViewModel(service, demo, prompts, ManagementApiClient::new, ui);
            m.start(StartupOptions.none());
            waitFor(() -> m.screenProperty().get() == MainViewModel.Screen.WORKSPACE);
            assertEquals(List.of(), new ArrayList<>(m.notices()));

            listeners.forEach(l -> l.accept(reason));
            waitFor(() -> m.notices().contains(reason));
            assertEquals(1, m.notices().size());
        }
    }

    private static final class FakePrompts implements ConnectionPrompts {
        final List<String> keyQuestions = new java.util.concurrent.CopyOnWriteArrayList<>();
        final List<Optional<Secret>> answerKeys = new java.util.concurrent.CopyOnWriteArrayList<>();
        volatile boolean allowPlainHttp;
        volatile int plainHttpQuestions;

        @Override
        public Optional<Secret> askForKey(ConnectionProfile profile, String why, boolean keepsBetweenSessions) {
            keyQuestions.add(why);
            return answerKeys.isEmpty() ? Optional.empty() : answerKeys.remove(0);
        }

        @Override
        public boolean confirmPlainHttp(ConnectionProfile profile) {
            plainHttpQuestions++;
            return allowPlainHttp;
        }
    }
}
