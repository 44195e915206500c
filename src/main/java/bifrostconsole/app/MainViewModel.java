package bifrostconsole.app;

import bifrostconsole.api.ApiException;
import bifrostconsole.api.ConnectionSettings;
import bifrostconsole.api.ManagementApiClient;
import bifrostconsole.api.Secret;
import bifrostconsole.api.VirtualKeyQuery;
import bifrostconsole.connection.ConnectionProfile;
import bifrostconsole.connection.ProfileService;
import bifrostconsole.connection.Profiles;
import bifrostconsole.messages.UserMessages;
import bifrostconsole.service.LatestRequest;
import bifrostconsole.startup.StartupClock;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The main window's state: which screen shows (welcome, connecting, failed, an open workspace), the profile
 * switcher's entries and selection, the connection status in the top bar, and notices (e.g. a profile file
 * that had to be set aside). Opening a connection reads the key off the UI thread, asks before sending a key
 * over plain http, asks for a key when the server refuses, and drops the answers of a superseded attempt.
 */
public final class MainViewModel {

    public enum Screen { STARTING, WELCOME, CONNECTING, FAILED, WORKSPACE }

    /**
     * The dot in the top bar. ANSWER_FAILED: the workspace is open, but the server's last answer to the key list
     * was an error (a 500, 401, 403, a proxy's HTML page, a cut-off body): its rows on screen may be stale.
     */
    public enum Status { NONE, CONNECTING, CONNECTED, ANSWER_FAILED, FAILED }

    /** One entry of the profile switcher. */
    public record Choice(String id, String label, ConnectionProfile profile, boolean saved) {
        @Override
        public String toString() {
            return label;
        }
    }

    private final ProfileService profiles;
    private final DemoWorkspace demo;
    private final ConnectionPrompts prompts;
    private final Function<ConnectionSettings, ManagementApiClient> clients;
    private final Supplier<VirtualKeyQuery> firstPageQuery;
    private final Executor uiExecutor;

    private final ObservableList<Choice> choices = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Choice> selected = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Screen> screen = new ReadOnlyObjectWrapper<>(Screen.STARTING);
    private final ReadOnlyObjectWrapper<Status> status = new ReadOnlyObjectWrapper<>(Status.NONE);
    private final ReadOnlyStringWrapper statusText = new ReadOnlyStringWrapper("Not connected");
    private final ReadOnlyStringWrapper statusDetail = new ReadOnlyStringWrapper("Not connected");
    private final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper connectingTo = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Workspace> workspace = new ReadOnlyObjectWrapper<>();
    private final ObservableList<String> notices = FXCollections.observableArrayList();
    private final Choice demoChoice;
    /** Opening a workspace takes several steps; opening another (or the welcome screen) silences them all. */
    private final LatestRequest opening;

    private Workspace answeredWorkspace;
    private bifrostconsole.keys.ListAnswer lastAnswer;
    private bifrostconsole.keys.ListAnswer lastGood;
    private long keyCount;
    private String countedAt;
    private Choice adHoc;
    private Runnable lastAttempt = () -> { };
    private boolean keysPersist = true;

    public MainViewModel(ProfileService profiles, DemoWorkspace demo, ConnectionPrompts prompts,
                         Function<ConnectionSettings, ManagementApiClient> clients, Executor uiExecutor) {
        this(profiles, demo, prompts, clients, () -> VirtualKeyQuery.firstPage(25), uiExecutor);
    }

    /**
     * @param firstPageQuery the key browser's first query (its remembered page size and sort): opening a server
     *                       asks for that page together with the version, and the browser starts on the answer
     */
    public MainViewModel(ProfileService profiles, DemoWorkspace demo, ConnectionPrompts prompts,
                         Function<ConnectionSettings, ManagementApiClient> clients,
                         Supplier<VirtualKeyQuery> firstPageQuery, Executor uiExecutor) {
        this.profiles = profiles;
        this.demo = demo;
        this.prompts = prompts;
        this.clients = clients;
        this.firstPageQuery = firstPageQuery;
        this.uiExecutor = uiExecutor;
        this.opening = new LatestRequest(uiExecutor);
        this.demoChoice = new Choice(DemoWorkspace.ID, DemoWorkspace.NAME, null, false);
        choices.setAll(demoChoice);
    }

    public ObservableList<Choice> choices() {
        return choices;
    }

    public ReadOnlyObjectProperty<Choice> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Screen> screenProperty() {
        return screen.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Status> statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusTextProperty() {
        return statusText.getReadOnlyProperty();
    }

    /** The status's tooltip: which server, when it last answered and how, and when its keys were counted. */
    public ReadOnlyStringProperty statusDetailProperty() {
        return statusDetail.getReadOnlyProperty();
    }

    /**
     * The open workspace's key list got an answer (or a failure): the header's count, dot and tooltip follow it,
     * instead of saying what the server answered when it was opened. Answers of a workspace left meanwhile are
     * ignored. Call on the UI thread.
     */
    public void keyListAnswered(Workspace ws, bifrostconsole.keys.ListAnswer answer) {
        if (ws == null || answer == null || ws != workspace.get()) {
            return;
        }
        if (answeredWorkspace != ws) {
            answeredWorkspace = ws;
            lastGood = null;
        }
        lastAnswer = answer;
        if (answer.ok()) {
            lastGood = answer;
            if (answer.keyCount() != null) {
                keyCount = answer.keyCount();
                countedAt = answer.time();
            }
        }
        showAnswer(ws);
    }

    /** The header as the last answer has it: see {@link #keyListAnswered}. */
    private void showAnswer(Workspace ws) {
        String where = ws.displayName() + " at " + ws.client().displayName();
        String count = String.format("%,d virtual key%s", keyCount, keyCount == 1 ? "" : "s");
        String counted = countedAt == null ? "" : "\n" + count + ", counted at " + countedAt + ".";
        if (lastAnswer == null || lastAnswer.ok()) {
            status.set(Status.CONNECTED);
            statusText.set("Bifrost " + ws.serverVersion() + " \u00b7 " + count);
            statusDetail.set(where + (lastAnswer == null ? "" : "\nLast answer at " + lastAnswer.time() + ": "
                    + (lastAnswer.keyCount() != null ? "the key list." : "a searched or filtered key list."))
                    + counted);
            return;
        }
        status.set(Status.ANSWER_FAILED);
        statusText.set("Bifrost " + ws.serverVersion() + " \u00b7 last answer failed (" + lastAnswer.time() + ")");
        statusDetail.set(where + "\nLast answer at " + lastAnswer.time() + " failed: " + lastAnswer.failure()
                + (lastGood == null ? "" : "\nLast good answer at " + lastGood.time() + ".") + counted);
    }

    /** Why the last attempt failed, in one sentence; empty otherwise. */
    public ReadOnlyStringProperty failureProperty() {
        return failure.getReadOnlyProperty();
    }

    /** The name of the server being opened, for the connecting and failed screens. */
    public ReadOnlyStringProperty connectingToProperty() {
        return connectingTo.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Workspace> workspaceProperty() {
        return workspace.getReadOnlyProperty();
    }

    public ObservableList<String> notices() {
        return notices;
    }

    public ProfileService profileService() {
        return profiles;
    }

    /** Loads the profiles, then opens what the command line, the environment or the last session says. */
    public CompletableFuture<Void> start(StartupOptions options) {
        profiles.credentialAvailability().thenAcceptAsync(a -> keysPersist = a.persistent(), uiExecutor);
        // The store failing mid-session (locked, its daemon gone): say so once, and stop offering to save keys.
        profiles.onCredentialFallback(reason -> uiExecutor.execute(() -> {
            keysPersist = false;
            notices.add(reason);
        }));
        return profiles.load().handleAsync((loaded, error) -> {
            StartupClock.mark("profiles loaded");
            if (error != null) {
                notices.add(UserMessages.of(error));
                showWelcome();
                return null;
            }
            loaded.problem().ifPresent(notices::add);
            refreshChoices(loaded.profiles());
            if (options.demo()) {
                openDemo();
            } else if (options.serverUrl() != null) {
                openServer(options.serverUrl(), options.environmentKey());
            } else if (DemoWorkspace.ID.equals(loaded.profiles().lastUsedId())) {
                openDemo();
            } else if (loaded.profiles().lastUsed().isPresent()) {
                openProfile(loaded.profiles().lastUsed().get());
            } else {
                showWelcome();
            }
            return null;
        }, uiExecutor);
    }

    private final javafx.beans.property.SimpleStringProperty unsavedWork =
            new javafx.beans.property.SimpleStringProperty();

    /**
     * What the open workspace has not saved yet ("The key editor's changes"), or null: set by whatever holds
     * unsaved work; the switcher asks before leaving while it is set. Cleared when another workspace opens.
     */
    public javafx.beans.property.StringProperty unsavedWorkProperty() {
        return unsavedWork;
    }

    public void open(Choice choice) {
        if (choice == null || choice.equals(selected.get()) && screen.get() == Screen.WORKSPACE) {
            return;
        }
        if (choice.id().equals(DemoWorkspace.ID)) {
            openDemo();
        } else {
            connect(choice, null, false);
        }
    }

    public void openProfile(ConnectionProfile profile) {
        connect(choiceFor(profile), null, false);
    }

    /** {@code --server} / {@code BIFROST_URL}: a saved profile with that address, or an unsaved one. */
    public void openServer(String url, Secret key) {
        ConnectionProfile profile;
        try {
            profile = ConnectionProfile.create(null, url);
            profile.uri();
        } catch (IllegalArgumentException e) {
            fail(opening.start(), url, e.getMessage());
            return;
        }
        Optional<ConnectionProfile> saved = profiles.current().findByServer(profile.uri());
        if (saved.isPresent()) {
            connect(choiceFor(saved.get()), key, false);
        } else {
            adHoc = new Choice("adhoc", profile.name() + " (not saved)", profile, false);
            refreshChoices(profiles.current());
            connect(adHoc, key, false);
        }
    }

    public void openDemo() {
        LatestRequest.Ticket gen = opening.start();
        lastAttempt = this::openDemo;
        begin(demoChoice, "Starting the demo workspace\u2026");
        CompletableFuture<Opening> early = demo.takeEarlyOpening();
        if (early != null) {
            // Asked for before the toolkit was up (BifrostConsoleApp.launchGui): the same requests, made sooner.
            early.whenComplete((answer, error) -> gen.ui(() -> {
                if (error != null) {
                    fail(gen, DemoWorkspace.NAME, UserMessages.of(error));
                    return;
                }
                ConnectionProfile profile = DemoWorkspace.profile(answer.client().settings().baseUrl().toString());
                opened(workspace(new Choice(DemoWorkspace.ID, DemoWorkspace.NAME, profile, false), profile, true,
                        answer), demoChoice);
            }));
            return;
        }
        demo.start().whenComplete((url, error) -> gen.ui(() -> {
            if (error != null) {
                fail(gen, DemoWorkspace.NAME, UserMessages.of(error));
                return;
            }
            ConnectionProfile profile = DemoWorkspace.profile(url);
            proceed(gen, new Choice(DemoWorkspace.ID, DemoWorkspace.NAME, profile, false), Optional.empty(), true);
        }));
    }

    public void retry() {
        lastAttempt.run();
    }

    public void showWelcome() {
        opening.cancel();
        workspace.set(null);
        selected.set(null);
        screen.set(Screen.WELCOME);
        status.set(Status.NONE);
        statusText.set("Not connected");
        statusDetail.set("Not connected");
        failure.set("");
    }

    /** After the editor saved a profile: refresh the switcher and, when asked, open it. */
    public void profileSaved(ConnectionProfile profile, boolean open) {
        refreshChoices(profiles.current());
        Workspace current = workspace.get();
        boolean isOpen = current != null && current.profile() != null && current.profile().id().equals(profile.id());
        if (open || isOpen) {
            openProfile(profile);
        }
    }

    public void profileDeleted(String profileId) {
        refreshChoices(profiles.current());
        Choice current = selected.get();
        if (current != null && current.id().equals(profileId)) {
            showWelcome();
        }
    }

    public void dismissNotice(String notice) {
        notices.remove(notice);
    }

    // ---- opening ------------------------------------------------------------------------------------

    private void connect(Choice choice, Secret explicitKey, boolean isDemo) {
        LatestRequest.Ticket gen = opening.start();
        lastAttempt = () -> connect(choice, explicitKey, isDemo);
        begin(choice, "Connecting to " + choice.profile().name() + "\u2026");
        CompletableFuture<Optional<Secret>> key = explicitKey != null
                ? CompletableFuture.completedFuture(Optional.of(explicitKey))
                : choice.saved() ? profiles.readKey(choice.profile().id()) : CompletableFuture.completedFuture(Optional.empty());
        key.whenComplete((found, error) -> gen.ui(() -> {
            if (error != null) {
                // The store failed (locked, timed out): say so, and continue as if no key were stored.
                notices.add(UserMessages.of(error));
            }
            proceed(gen, choice, error != null ? Optional.empty() : found, isDemo);
        }));
    }

    private void begin(Choice choice, String text) {
        selected.set(choice);
        connectingTo.set(choice.label());
        screen.set(Screen.CONNECTING);
        status.set(Status.CONNECTING);
        statusText.set(text);
        statusDetail.set(text);
        failure.set("");
    }

    /** On the UI thread: confirm plain http if needed, then check the server and open the workspace. */
    private void proceed(LatestRequest.Ticket gen, Choice choice, Optional<Secret> key, boolean isDemo) {
        ConnectionProfile profile = choice.profile();
        if (key.isPresent() && profile.needsPlainHttpConfirmation()) {
            if (!prompts.confirmPlainHttp(profile)) {
                fail(gen, profile.name(), "Not connected: the key was not sent over plain http. Change the address"
                        + " to https://, or connect again and confirm the warning.");
                return;
            }
            profile = profile.withPlainHttpConfirmed(true);
            if (choice.saved()) {
                profiles.save(profile, Optional.empty()).thenAcceptAsync(p -> refreshChoices(p), uiExecutor);
            }
        }
        ConnectionProfile opened = profile;
        // Built off the FX thread: a client sets up TLS and JSON readers, which costs a cold start several hundred ms.
        CompletableFuture<ManagementApiClient> client = profiles.settingsFor(opened, key).thenApplyAsync(clients);
        client.thenCompose(c -> Opening.request(c, firstPageQuery.get()))
                .thenApply(answer -> workspace(choice, opened, isDemo, answer))
                .whenComplete((ws, error) -> gen.ui(() -> {
                    if (error == null) {
                        opened(ws, choice);
                        return;
                    }
                    Throwable cause = UserMessages.unwrap(error);
                    if (cause instanceof ApiException api && api.kind() == ApiException.Kind.UNAUTHORIZED && !isDemo) {
                        Optional<Secret> typed = prompts.askForKey(opened, api.getMessage(), keysPersist && choice.saved());
                        if (typed.isPresent()) {
                            if (choice.saved()) {
                                profiles.rememberKey(opened.id(), typed.get());
                            }
                            Choice updated = new Choice(choice.id(), choice.label(), opened, choice.saved());
                            lastAttempt = () -> connect(updated, typed.get(), false);
                            proceed(gen, updated, typed, false);
                            return;
                        }
                    }
                    fail(gen, opened.name(), UserMessages.of(error));
                }));
    }

    private static Workspace workspace(Choice choice, ConnectionProfile profile, boolean isDemo, Opening answer) {
        return new Workspace(choice.id(), profile.name(), profile, answer.client(), isDemo, answer.version(),
                answer.firstPageQuery(), answer.firstPage(), answer.firstRows());
    }

    private void opened(Workspace ws, Choice choice) {
        StartupClock.mark("workspace open");
        unsavedWork.set(null);
        workspace.set(ws);
        screen.set(Screen.WORKSPACE);
        if (answeredWorkspace != ws) {
            // No answer of its key list yet: the count is the one read while opening.
            answeredWorkspace = ws;
            lastAnswer = null;
            lastGood = null;
            keyCount = ws.keyCount();
            countedAt = null;
        }
        showAnswer(ws);
        if (choice.saved() || ws.demo()) {
            profiles.markLastUsed(ws.demo() ? DemoWorkspace.ID : ws.profile().id());
        }
    }

    private void fail(LatestRequest.Ticket gen, String name, String message) {
        if (!gen.isCurrent()) {
            return;
        }
        connectingTo.set(name);
        failure.set(message);
        status.set(Status.FAILED);
        statusText.set("Not connected");
        statusDetail.set(message);
        workspace.set(null);
        screen.set(Screen.FAILED);
    }

    private Choice choiceFor(ConnectionProfile profile) {
        return new Choice(profile.id(), profile.name(), profile, true);
    }

    private void refreshChoices(Profiles current) {
        List<Choice> next = new ArrayList<>();
        for (ConnectionProfile p : current.sortedByName()) {
            next.add(choiceFor(p));
        }
        if (adHoc != null && current.findByServer(adHoc.profile().uri()).isEmpty()) {
            next.add(adHoc);
        }
        next.add(demoChoice);
        Choice keep = selected.get();
        choices.setAll(next);
        if (keep != null) {
            selected.set(next.stream().filter(c -> Objects.equals(c.id(), keep.id())).findFirst().orElse(keep));
        }
    }
}
