package bifrostconsole.keyactions;

import bifrostconsole.api.ConnectionSettings;
import bifrostconsole.api.ManagementApiClient;
import bifrostconsole.api.Secret;
import bifrostconsole.api.VirtualKey;
import bifrostconsole.changes.ChangeEngine;
import bifrostconsole.changes.ChangeHistory;
import bifrostconsole.changes.DeletedKeys;
import bifrostconsole.changes.KeyChange;
import bifrostconsole.config.UiSettings;
import bifrostconsole.demo.DemoDataGenerator;
import bifrostconsole.demo.DemoGateway;
import bifrostconsole.keys.KeyBrowserViewModel;
import bifrostconsole.keys.KeyTableSettings;
import bifrostconsole.service.Scheduler;
import bifrostconsole.ui.ClipboardService;
import bifrostconsole.ui.Formats;
import javafx.beans.value.ObservableValue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Key actions against the demo gateway without JavaFX's toolkit: the view-models run on one "UI" thread of their
 * own, as they would on the FX thread, and tests wait for their properties through futures, never by sleeping.
 */
public final class ActionsFixture implements AutoCloseable {
    static final long WAIT = 30;

    final DemoGateway gateway;
    final ManagementApiClient client;
    final ExecutorService ui = Executors.newSingleThreadExecutor(r -> new Thread(r, "test-ui"));
    final ExecutorService background = Executors.newCachedThreadPool();
    final ScheduledExecutorService timer = Scheduler.newTimer();
    final Formats formats = new Formats(Locale.US, ZoneOffset.UTC);
    final RecordingClipboard clipboard = new RecordingClipboard();
    final Path data;
    final Scheduler scheduler;
    final KeyBrowserViewModel browser;
    final KeyActionsViewModel actions;

    public ActionsFixture(int keys, Path data) throws Exception {
        this.data = data;
        gateway = DemoGateway.start(DemoGateway.Options.of(DemoDataGenerator.generate(31, keys, Instant.now()))
                .withThreads(8));
        client = new ManagementApiClient(ConnectionSettings.of(gateway.baseUrl(), (Secret) null));
        scheduler = Scheduler.onUiExecutor(timer, ui);
        browser = onUi(() -> new KeyBrowserViewModel(client, ui, new KeyTableSettings(UiSettings.inMemory(),
                Runnable::run), scheduler, Clock.systemUTC(), formats));
        ChangeEngine engine = new ChangeEngine(client, ChangeHistory.in(data), DeletedKeys.in(data), background,
                Clock.systemUTC());
        actions = onUi(() -> {
            browser.setClipboard(clipboard);
            browser.start();
            return new KeyActionsViewModel(engine, client, browser, ui, background, Clock.systemUTC(), formats,
                    scheduler);
        });
        browser.firstPageShown().get(WAIT, TimeUnit.SECONDS);
    }

    public <T> T onUi(Callable<T> work) throws Exception {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return work.call();
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        }, ui).get(WAIT, TimeUnit.SECONDS);
    }

    public void onUi(Runnable work) throws Exception {
        CompletableFuture.runAsync(work, ui).get(WAIT, TimeUnit.SECONDS);
    }

    /** Waits until {@code value} (read on the UI thread) passes {@code test}. */
    public <T> T await(ObservableValue<T> value, Predicate<T> test) throws Exception {
        CompletableFuture<T> reached = new CompletableFuture<>();
        onUi(() -> {
            if (test.test(value.getValue())) {
                reached.complete(value.getValue());
            }
            value.addListener((o, a, b) -> {
                if (test.test(b)) {
                    reached.complete(b);
                }
            });
        });
        return reached.get(WAIT, TimeUnit.SECONDS);
    }

    /** Plans the dialog and waits for its preview (or its failure). */
    public ChangeDialogViewModel.Step planned(ChangeDialogViewModel dialog) throws Exception {
        onUi(dialog::plan);
        return await(dialog.stepProperty(), s -> s == ChangeDialogViewModel.Step.PREVIEW
                || s == ChangeDialogViewModel.Step.FAILED);
    }

    /** Confirms and waits for every key's outcome. */
    public void confirmed(ChangeDialogViewModel dialog) throws Exception {
        onUi(dialog::confirm);
        await(dialog.stepProperty(), s -> s == ChangeDialogViewModel.Step.FINISHED
                || s == ChangeDialogViewModel.Step.FAILED);
    }

    /** The keys on the table's page, as the table shows them. */
    public List<VirtualKey> page() throws Exception {
        return onUi(() -> browser.rows().stream().map(r -> r.key()).toList());
    }

    /** Selects {@code keys} as Ctrl-clicks on the page on screen would. */
    public void select(List<VirtualKey> keys) throws Exception {
        List<VirtualKey> page = page();
        onUi(() -> actions.selection().selectedOnPage(page, keys, false));
    }

    public VirtualKey stored(String id) {
        return gateway.store().virtualKey(id).orElse(null);
    }

    /** Plans and carries out {@code change} on {@code target}, as confirming the dialog does. */
    public ChangeDialogViewModel run(KeyChange change, KeyTarget target) throws Exception {
        ChangeDialogViewModel dialog = onUi(() -> actions.change(change, target));
        planned(dialog);
        onUi(() -> dialog.confirmationProperty().set(dialog.plans().size() == 1 ? dialog.plans().get(0).keyLabel()
                : Integer.toString(dialog.readyCountProperty().get())));
        confirmed(dialog);
        return dialog;
    }

    public KeyActionsViewModel actions() {
        return actions;
    }

    public Executor ui() {
        return ui;
    }

    public Executor background() {
        return background;
    }

    public Formats formats() {
        return formats;
    }

    public Scheduler scheduler() {
        return scheduler;
    }

    @Override
    public void close() {
        gateway.close();
        ui.shutdownNow();
        background.shutdownNow();
        timer.shutdownNow();
    }

    /** Remembers what was copied, and whether as a secret. */
    static final class RecordingClipboard implements ClipboardService {
        final List<String> copied = new ArrayList<>();
        final List<String> secrets = new ArrayList<>();

        @Override
        public synchronized void copy(String text) {
            copied.add(text);
        }

        @Override
        public synchronized void copySecret(String secret) {
            secrets.add(secret);
        }
    }
}
