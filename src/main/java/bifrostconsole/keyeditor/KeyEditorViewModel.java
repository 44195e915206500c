package bifrostconsole.keyeditor;

import bifrostconsole.api.ListQuery;
import bifrostconsole.api.ManagementApiClient;
import bifrostconsole.api.McpClient;
import bifrostconsole.api.Provider;
import bifrostconsole.api.Secret;
import bifrostconsole.api.ServerFeatures;
import bifrostconsole.api.VirtualKey;
import bifrostconsole.api.VirtualKeyQuery;
import bifrostconsole.changes.ChangeEngine;
import bifrostconsole.changes.ChangeListener;
import bifrostconsole.changes.ChangePreview;
import bifrostconsole.changes.KeyChange;
import bifrostconsole.changes.KeyOutcome;
import bifrostconsole.changes.KeyPlan;
import bifrostconsole.keys.FilterOption;
import bifrostconsole.keys.FilterOptions;
import bifrostconsole.keys.FilterPickerViewModel;
import bifrostconsole.limits.BudgetDraft;
import bifrostconsole.limits.BudgetsEditorViewModel;
import bifrostconsole.limits.LimitChanges;
import bifrostconsole.limits.LimitDraft;
import bifrostconsole.limits.RateLimitEditorViewModel;
import bifrostconsole.messages.UserMessages;
import bifrostconsole.service.LatestRequest;
import bifrostconsole.service.Scheduler;
import bifrostconsole.ui.Formats;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The key editor: one form for New key, Edit and Duplicate. Every field of a key an admin sets — name,
 * description, active, expiry and "delete after it expires", team or customer, metadata, budgets, rate limit,
 * provider configs (weight, allowed and blocked models, key access, their own budgets and rate limit), "allow all
 * providers", MCP clients and their tools — checked as you type with Bifrost's rules, each message beside its
 * field. The Save button says what it does ("Create key", "Save 3 changes").
 *
 * <p>Save previews the plan of the change engine: each changed field before → after, the exact request (only the
 * changed fields; every provider config sent complete with {@code key_ids}, {@code allowed_models} and
 * {@code blacklisted_models}), what the server does besides, and "keep or reset the usage" when the key's budgets
 * change. Confirming sends it through {@link ChangeEngine}: the key is read again first and nothing is sent if it
 * changed on the server meanwhile; the request is sent once; History logs it. A failure keeps the form as it was,
 * the reason beside it. A created key's value comes back once ({@link #createdProperty()}).
 */
public final class KeyEditorViewModel {

    public enum Mode { CREATE, EDIT, DUPLICATE }

    /** "Delete after it expires": follow the gateway's setting, or yes or no for this key. */
    public enum DeleteAfter { INHERIT, YES, NO }

    /** What the editor works with: the server, the change engine and the UI's executor and timer. */
    public record Context(ManagementApiClient client, ChangeEngine engine, Executor uiExecutor, Scheduler scheduler,
                          Clock clock, Formats formats, ServerFeatures features) {
    }

    /** A key just created: its id and name, and its value, to show once. */
    public record Created(String id, String name, Secret value) {
    }

    /** One metadata entry of the form. */
    public final class MetadataRow {
        private final StringProperty key = new SimpleStringProperty(this, "key", "");
        private final StringProperty value = new SimpleStringProperty(this, "value", "");
        private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");

        MetadataRow(String key, String value) {
            this.key.set(key);
            this.value.set(value);
            this.key.addListener(changed);
            this.value.addListener(changed);
        }

        public StringProperty keyProperty() {
            return key;
        }

        public StringProperty valueProperty() {
            return value;
        }

        public ReadOnlyStringProperty errorProperty() {
            return error.getReadOnlyProperty();
        }

        public void remove() {
            metadata.remove(this);
        }
    }

    static final Duration NAME_CHECK_DELAY = Duration.ofMillis(400);
    private static final DateTimeFormatter EXPIRY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private final Mode mode;
    private final VirtualKey original;
    private final KeyDraft before;
    private final Context context;
    private final InvalidationListener changed = o -> recompute();

    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final ReadOnlyStringWrapper nameError = new ReadOnlyStringWrapper(this, "nameError");
    private final StringProperty description = new SimpleStringProperty(this, "description", "");
    private final BooleanProperty active = new SimpleBooleanProperty(this, "active", true);
    private final StringProperty expiry = new SimpleStringProperty(this, "expiry", "");
    private final ReadOnlyStringWrapper expiryError = new ReadOnlyStringWrapper(this, "expiryError");
    private final ObjectProperty<DeleteAfter> deleteAfter = new SimpleObjectProperty<>(this, "deleteAfter",
            DeleteAfter.INHERIT);
    private final ObjectProperty<KeyChange.OwnerKind> ownerKind = new SimpleObjectProperty<>(this, "ownerKind",
            KeyChange.OwnerKind.NONE);
    private final ReadOnlyStringWrapper ownerError = new ReadOnlyStringWrapper(this, "ownerError");
    private final FilterPickerViewModel teamPicker;
    private final FilterPickerViewModel customerPicker;
    private final ObservableList<MetadataRow> metadata = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper metadataNote = new ReadOnlyStringWrapper(this, "metadataNote");
    private final BudgetsEditorViewModel budgets = new BudgetsEditorViewModel("key");
    private final RateLimitEditorViewModel rateLimit = new RateLimitEditorViewModel();
    private final BooleanProperty calendarAligned = new SimpleBooleanProperty(this, "calendarAligned");
    private final BooleanProperty allowAllProviders = new SimpleBooleanProperty(this, "allowAllProviders");
    private final ObservableList<ProviderRowViewModel> providers = FXCollections.observableArrayList();
    private final ObservableList<String> providerChoices = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper providersNote = new ReadOnlyStringWrapper(this, "providersNote");
    private final ReadOnlyStringWrapper providersError = new ReadOnlyStringWrapper(this, "providersError");
    private final ObservableList<McpRowViewModel> mcp = FXCollections.observableArrayList();
    private final ObservableList<String> mcpChoices = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper mcpNote = new ReadOnlyStringWrapper(this, "mcpNote");
    private final BooleanProperty resetUsage = new SimpleBooleanProperty(this, "resetUsage");

    private final ReadOnlyStringWrapper saveText = new ReadOnlyStringWrapper(this, "saveText");
    private final ReadOnlyBooleanWrapper canSave = new ReadOnlyBooleanWrapper(this, "canSave");
    private final ReadOnlyIntegerWrapper changeCount = new ReadOnlyIntegerWrapper(this, "changeCount");
    private final ReadOnlyIntegerWrapper problemCount = new ReadOnlyIntegerWrapper(this, "problemCount");
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty");
    private final ReadOnlyBooleanWrapper budgetsChanged = new ReadOnlyBooleanWrapper(this, "budgetsChanged");
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper(this, "saving");
    private final ReadOnlyStringWrapper saveError = new ReadOnlyStringWrapper(this, "saveError");
    private final ReadOnlyObjectWrapper<ChangePreview> preview = new ReadOnlyObjectWrapper<>(this, "preview");
    private final ReadOnlyObjectWrapper<Created> created = new ReadOnlyObjectWrapper<>(this, "created");
    private final ReadOnlyObjectWrapper<VirtualKey> serverCopy = new ReadOnlyObjectWrapper<>(this, "serverCopy");

    private final LatestRequest nameCheck;
    private Scheduler.Cancellable pendingNameCheck;
    private String takenName;
    private final Map<String, McpClient> knownMcp = new LinkedHashMap<>();
    private List<String> configuredProviders;
    private KeyPlan planned;
    private final List<Consumer<KeyOutcome>> onSaved = new ArrayList<>();
    private boolean loading;
    private boolean saved;
    private final List<CompletableFuture<?>> loads = new java.util.concurrent.CopyOnWriteArrayList<>();

    private KeyEditorViewModel(Mode mode, VirtualKey original, Context context) {
        this.mode = mode;
        this.original = mode == Mode.EDIT ? original : null;
        this.context = context;
        this.nameCheck = new LatestRequest(context.uiExecutor());
        FilterOptions options = new FilterOptions(context.client(), context.formats());
        this.teamPicker = new FilterPickerViewModel("team", options::teams, context.uiExecutor(), context.scheduler());
        this.customerPicker = new FilterPickerViewModel("customer", options::customers, context.uiExecutor(),
                context.scheduler());
        budgets.setFeatures(context.features());
        Instant now = context.clock().instant();
        KeyDraft start = switch (mode) {
            case CREATE -> KeyDraft.blank();
            case EDIT -> KeyDraft.of(original);
            case DUPLICATE -> KeyDraft.duplicateOf(original, now);
        };
        this.before = mode == Mode.EDIT ? start : KeyDraft.blank();
        fill(start, mode == Mode.DUPLICATE);

        for (Observable o : List.of(name, description, active, expiry, deleteAfter, ownerKind,
                teamPicker.selectedProperty(), customerPicker.selectedProperty(), budgets.revisionProperty(),
                rateLimit.revisionProperty(), calendarAligned, allowAllProviders, resetUsage)) {
            o.addListener(changed);
        }
        metadata.addListener(changed);
        providers.addListener((ListChangeListener<ProviderRowViewModel>) c -> {
            while (c.next()) {
                c.getAddedSubList().forEach(r -> r.revisionProperty().addListener(changed));
            }
            recompute();
        });
        mcp.addListener((ListChangeListener<McpRowViewModel>) c -> {
            while (c.next()) {
                c.getAddedSubList().forEach(r -> r.revisionProperty().addListener(changed));
            }
            recompute();
        });
        providers.forEach(r -> r.revisionProperty().addListener(changed));
        mcp.forEach(r -> r.revisionProperty().addListener(changed));
        name.addListener((o, a, b) -> scheduleNameCheck());
        recompute();
        if (mode == Mode.DUPLICATE) {
            scheduleNameCheck();
        }
    }

    public static KeyEditorViewModel create(Context context) {
        return new KeyEditorViewModel(Mode.CREATE, null, context);
    }

    /** Edits {@code key}, as just read from the server (the lost-update guard compares with it). */
    public static KeyEditorViewModel edit(VirtualKey key, Context context) {
        return new KeyEditorViewModel(Mode.EDIT, key, context);
    }

    /** A new key with {@code key}'s configuration. */
    public static KeyEditorViewModel duplicate(VirtualKey key, Context context) {
        return new KeyEditorViewModel(Mode.DUPLICATE, key, context);
    }

    private void fill(KeyDraft d, boolean asNew) {
        loading = true;
        name.set(d.name());
        description.set(d.description());
        active.set(d.active());
        expiry.set(d.expiresAt() == null ? "" : EXPIRY.format(LocalDateTime.ofInstant(d.expiresAt(), ZoneOffset.UTC)));
        deleteAfter.set(d.deleteAfterExpire() == null ? DeleteAfter.INHERIT
                : d.deleteAfterExpire() ? DeleteAfter.YES : DeleteAfter.NO);
        ownerKind.set(d.ownerKind());
        if (d.ownerKind() == KeyChange.OwnerKind.TEAM) {
            teamPicker.choose(new FilterOption(d.ownerId(), d.ownerName(), ""));
        } else if (d.ownerKind() == KeyChange.OwnerKind.CUSTOMER) {
            customerPicker.choose(new FilterOption(d.ownerId(), d.ownerName(), ""));
        }
        d.metadata().forEach((k, v) -> metadata.add(new MetadataRow(k, v)));
        budgets.load(LimitChanges.toBudgets(d.budgets()));
        rateLimit.load(LimitChanges.toRateLimit(d.rateLimit()));
        calendarAligned.set(d.calendarAligned());
        allowAllProviders.set(d.allowAllProviders());
        for (KeyDraft.ProviderDraft p : d.providers()) {
            providers.add(row(new ProviderRowViewModel(p, asNew)));
        }
        for (KeyDraft.McpDraft m : d.mcp()) {
            mcp.add(row(new McpRowViewModel(m, asNew)));
        }
        loading = false;
    }

    private ProviderRowViewModel row(ProviderRowViewModel r) {
        r.setOnRemove(() -> removeProvider(r));
        loads.add(r.loadKeys(context.client().listProviderKeys(r.provider()), context.uiExecutor()));
        return r;
    }

    private McpRowViewModel row(McpRowViewModel r) {
        r.setOnRemove(() -> removeMcp(r));
        return r;
    }

    /**
     * Reads what the pickers offer: the gateway's providers, their keys and the MCP clients. Call once, on the UI
     * thread, when the form is shown; {@link #loaded()} completes once every answer is applied.
     */
    public void start() {
        loads.add(context.client().listProviders().handleAsync((list, failure) -> {
            if (failure != null) {
                providersNote.set("The gateway's providers could not be listed (" + UserMessages.of(failure) + ").");
                return null;
            }
            configuredProviders = list.stream().map(Provider::name).toList();
            providers.forEach(r -> r.checkProvider(configuredProviders));
            offerProviders();
            return null;
        }, context.uiExecutor()));
        loads.add(context.client().listMcpClients(ListQuery.firstPage(100)).handleAsync((page, failure) -> {
            if (failure != null) {
                mcpNote.set("The gateway's MCP clients could not be listed (" + UserMessages.of(failure) + ").");
                return null;
            }
            knownMcp.clear();
            page.items().forEach(c -> knownMcp.put(c.config().name(), c));
            for (McpRowViewModel r : mcp) {
                r.checkClient(List.copyOf(knownMcp.keySet()));
                Optional.ofNullable(knownMcp.get(r.client())).ifPresent(r::offer);
            }
            offerMcp();
            return null;
        }, context.uiExecutor()));
    }

    /** Completes once every list asked for so far (providers, their keys, MCP clients) is in the form. */
    public CompletableFuture<Void> loaded() {
        return CompletableFuture.allOf(loads.toArray(CompletableFuture[]::new));
    }

    private void offerProviders() {
        if (configuredProviders != null) {
            providerChoices.setAll(configuredProviders.stream()
                    .filter(p -> providers.stream().noneMatch(r -> r.provider().equals(p))).toList());
        }
    }

    private void offerMcp() {
        mcpChoices.setAll(knownMcp.keySet().stream().filter(n -> mcp.stream().noneMatch(r -> r.client().equals(n)))
                .toList());
    }

    // ---- commands of the form -------------------------------------------------------------------------------

    /** Adds a provider config: every model and every key to start with. */
    public ProviderRowViewModel addProvider(String provider) {
        ProviderRowViewModel r = row(ProviderRowViewModel.added(provider));
        if (configuredProviders != null) {
            r.checkProvider(configuredProviders);
        }
        providers.add(r);
        offerProviders();
        return r;
    }

    public void removeProvider(ProviderRowViewModel r) {
        providers.remove(r);
        offerProviders();
    }

    /** Adds an MCP client with all its tools. */
    public McpRowViewModel addMcp(String client) {
        McpRowViewModel r = row(new McpRowViewModel(new KeyDraft.McpDraft(null, client, List.of("*")), true));
        Optional.ofNullable(knownMcp.get(client)).ifPresent(r::offer);
        if (!knownMcp.isEmpty()) {
            r.checkClient(List.copyOf(knownMcp.keySet()));
        }
        mcp.add(r);
        offerMcp();
        return r;
    }

    public void removeMcp(McpRowViewModel r) {
        mcp.remove(r);
        offerMcp();
    }

    public MetadataRow addMetadata() {
        MetadataRow row = new MetadataRow("", "");
        metadata.add(row);
        return row;
    }

    /** The expiry presets: never, or in so long from now. */
    public void neverExpire() {
        expiry.set("");
    }

    public void expireIn(Duration d) {
        expiry.set(EXPIRY.format(LocalDateTime.ofInstant(context.clock().instant().plus(d), ZoneOffset.UTC)));
    }

    // ---- checking and what changed ----------------------------------------------------------------------------

    private Optional<KeyDraft> draft() {
        int problems = 0;
        String n = name.get() == null ? "" : name.get().strip();
        nameError.set(nameProblem(n));
        problems += nameError.get() == null ? 0 : 1;

        Instant expiresAt = null;
        expiryError.set(null);
        String e = expiry.get() == null ? "" : expiry.get().strip();
        if (!e.isEmpty()) {
            try {
                expiresAt = LocalDateTime.parse(e, EXPIRY).toInstant(ZoneOffset.UTC);
                boolean unchanged = before.expiresAt() != null && before.expiresAt().equals(expiresAt);
                if (!unchanged && !expiresAt.isAfter(context.clock().instant())) {
                    expiryError.set("The expiry must be in the future: Bifrost refuses one that has passed.");
                }
            } catch (DateTimeParseException ex) {
                expiryError.set("Write the expiry as " + EXPIRY.format(LocalDateTime.ofInstant(
                        context.clock().instant().plus(Duration.ofDays(30)), ZoneOffset.UTC)) + " (UTC), or choose Never.");
            }
        }
        if (expiryError.get() == null && expiresAt == null && deleteAfter.get() != DeleteAfter.INHERIT) {
            expiryError.set("\u201cDelete after it expires\u201d needs an expiry: Bifrost refuses it without one.");
        }
        problems += expiryError.get() == null ? 0 : 1;

        FilterOption owner = switch (ownerKind.get()) {
            case TEAM -> teamPicker.selectedProperty().get();
            case CUSTOMER -> customerPicker.selectedProperty().get();
            case NONE -> null;
        };
        ownerError.set(ownerKind.get() != KeyChange.OwnerKind.NONE && owner == null
                ? "Choose the " + (ownerKind.get() == KeyChange.OwnerKind.TEAM ? "team" : "customer")
                + ", or None." : null);
        problems += ownerError.get() == null ? 0 : 1;

        Map<String, String> meta = new LinkedHashMap<>();
        for (MetadataRow r : metadata) {
            String k = r.key.get() == null ? "" : r.key.get().strip();
            String problem = KeyRules.metadataProblem(k, r.value.get());
            if (problem == null && meta.containsKey(k)) {
                problem = "\u201c" + k + "\u201d is already a key of this metadata.";
            }
            r.error.set(problem);
            problems += problem == null ? 0 : 1;
            meta.put(k, r.value.get() == null ? "" : r.value.get());
        }
        metadataNote.set(metadata.size() > KeyRules.METADATA_ENTRIES ? "At most " + KeyRules.METADATA_ENTRIES
                + " metadata entries." : !before.metadataKnown() && mode == Mode.EDIT
                ? "This console cannot read a key's metadata yet, so the key's metadata is left as it is."
                : !metadata.isEmpty() && !context.features().keyMetadata() ? "Key metadata needs a Bifrost newer than"
                + " 2.2.5; " + context.features().serverWords() + ", which may ignore it." : null);
        problems += metadata.size() > KeyRules.METADATA_ENTRIES ? 1 : 0;

        Optional<List<BudgetDraft>> b = budgets.draft();
        problems += budgets.rows().stream().filter(r -> r.errorProperty().get() != null).count();
        Optional<LimitDraft> r = rateLimit.draft();
        problems += rateLimit.validProperty().get() ? 0 : 1;

        List<KeyDraft.ProviderDraft> providerDrafts = new ArrayList<>();
        for (ProviderRowViewModel p : providers) {
            Optional<KeyDraft.ProviderDraft> pd = p.draft();
            if (pd.isEmpty()) {
                problems++;
            } else {
                providerDrafts.add(pd.get());
            }
        }
        providersError.set(weightsProblem());
        problems += providersError.get() == null ? 0 : 1;
        providersNote.set(weightsNote());
        List<KeyDraft.McpDraft> mcpDrafts = new ArrayList<>();
        for (McpRowViewModel m : mcp) {
            Optional<KeyDraft.McpDraft> md = m.draft();
            if (md.isEmpty()) {
                problems++;
            } else {
                mcpDrafts.add(md.get());
            }
        }
        problemCount.set(problems);
        if (problems > 0 || b.isEmpty() || r.isEmpty()) {
            return Optional.empty();
        }
        // Metadata the console could not read is left alone: what the form shows would replace it all.
        boolean metadataKnown = before.metadataKnown() || mode != Mode.EDIT;
        return Optional.of(new KeyDraft(n, description.get() == null ? "" : description.get().strip(), active.get(),
                expiresAt, expiresAt == null ? null : switch (deleteAfter.get()) {
                    case INHERIT -> null;
                    case YES -> true;
                    case NO -> false;
                }, ownerKind.get(), owner == null ? null : owner.id(), owner == null ? null : owner.name(),
                metadataKnown ? meta : before.metadata(), metadataKnown, b.get(), r.get(), calendarAligned.get(),
                allowAllProviders.get(), providerDrafts, mcpDrafts));
    }

    private String weightsProblem() {
        List<Double> weights = providers.stream().map(ProviderRowViewModel::weightValue).flatMap(Optional::stream)
                .toList();
        if (!weights.isEmpty() && weights.stream().allMatch(w -> w == 0)) {
            return "Every weight is 0, so no provider would get traffic: give one a weight above 0, or leave the"
                    + " weights empty.";
        }
        return null;
    }

    private String weightsNote() {
        List<Double> weights = providers.stream().map(ProviderRowViewModel::weightValue).flatMap(Optional::stream)
                .toList();
        double sum = weights.stream().mapToDouble(Double::doubleValue).sum();
        if (weights.size() > 1 && Math.abs(sum - 1) > 1e-9 && sum > 0) {
            return String.format(Locale.ROOT, "The weights add up to %s: Bifrost splits traffic by their shares,"
                    + " so each provider gets its weight divided by %s.", trim(sum), trim(sum));
        }
        if (providers.isEmpty() && !allowAllProviders.get()) {
            return "No provider: Bifrost refuses every request made with this key until one is added (deny by"
                    + " default).";
        }
        if (allowAllProviders.get() && !context.features().allowAllProviders()) {
            return "\u201cAllow all providers\u201d needs Bifrost 2.1 or later; " + context.features().serverWords()
                    + ", which may ignore it.";
        }
        return null;
    }

    private static String trim(double d) {
        return java.math.BigDecimal.valueOf(d).setScale(4, java.math.RoundingMode.HALF_UP).stripTrailingZeros()
                .toPlainString();
    }

    private String nameProblem(String wanted) {
        if (wanted.isEmpty()) {
            return "A key needs a name.";
        }
        if (takenName != null && takenName.equals(wanted) && !wanted.equals(before.name())) {
            return "A key named \u201c" + wanted + "\u201d already exists: names are unique.";
        }
        return null;
    }

    /** Asks the server, after a pause in typing, whether another key has the name. */
    private void scheduleNameCheck() {
        if (pendingNameCheck != null) {
            pendingNameCheck.cancel();
        }
        String wanted = name.get() == null ? "" : name.get().strip();
        if (wanted.isEmpty() || wanted.equals(before.name())) {
            return;
        }
        pendingNameCheck = context.scheduler().schedule(NAME_CHECK_DELAY, () -> nameCheck.submit(
                () -> context.client().listVirtualKeys(VirtualKeyQuery.firstPage(100).withSearch(wanted))
                        .thenApply(p -> p.items().stream().anyMatch(k -> wanted.equals(k.name())
                                && (original == null || !k.id().equals(original.id())))),
                (taken, failure) -> {
                    // A failed check says nothing: the server refuses a clash with a 409 anyway.
                    if (failure == null && Boolean.TRUE.equals(taken)) {
                        takenName = wanted;
                    }
                    recompute();
                }));
    }

    private Optional<KeyEditChanges.Result> changes() {
        return draft().map(d -> mode == Mode.EDIT ? KeyEditChanges.edit(before, d, resetUsage.get())
                : KeyEditChanges.create(d));
    }

    private void recompute() {
        if (loading) {
            return;
        }
        Optional<KeyEditChanges.Result> result = changes();
        int changes = result.map(r -> r.fields().size()).orElse(0);
        changeCount.set(mode == Mode.EDIT ? changes : 0);
        budgetsChanged.set(result.map(KeyEditChanges.Result::budgetsChanged).orElse(false));
        boolean editing = mode == Mode.EDIT;
        // Once saved, nothing is left to lose; until then an edit that does not check out yet still counts.
        dirty.set(created.get() == null && !saved && (editing ? result.isEmpty() || changes > 0
                : !(name.get() == null || name.get().isBlank()) || !providers.isEmpty() || !budgets.rows().isEmpty()
                || !metadata.isEmpty()));
        canSave.set(result.isPresent() && (!editing || changes > 0) && !saving.get());
        int problems = problemCount.get();
        if (result.isEmpty()) {
            saveText.set(problems == 1 ? "Fix 1 problem to save" : "Fix " + problems + " problems to save");
        } else if (!editing) {
            saveText.set("Create key");
        } else {
            saveText.set(changes == 0 ? "No changes" : changes == 1 ? "Save 1 change" : "Save " + changes + " changes");
        }
        if (preview.get() != null) {
            // The preview follows the "keep or reset usage" choice: it changes the request.
            preview.set(result.flatMap(this::plan).map(this::previewOf).orElse(null));
        }
    }

    private Optional<KeyPlan> plan(KeyEditChanges.Result r) {
        KeyChange change = mode == Mode.EDIT
                ? new KeyChange.Edit(r.body(), r.fields(), r.sideEffects(), r.body().has("reset_budget_usage"))
                : new KeyChange.Create(r.body(), r.fields(), r.sideEffects());
        KeyPlan p = context.engine().plan(original, change);
        planned = p;
        return p.ready() ? Optional.of(p) : Optional.empty();
    }

    private ChangePreview previewOf(KeyPlan p) {
        String title = mode == Mode.EDIT ? saveText.get() + " to the key \u201c" + before.name() + "\u201d"
                : "Create the key \u201c" + p.keyName() + "\u201d";
        return ChangePreview.of(p, title);
    }

    // ---- saving -----------------------------------------------------------------------------------------------

    /** Shows what Save sends; false (nothing shown) while the form has a problem or nothing changed. */
    public boolean preview() {
        if (!canSave.get()) {
            return false;
        }
        Optional<KeyPlan> p = changes().flatMap(this::plan);
        if (p.isEmpty()) {
            return false;
        }
        saveError.set(null);
        serverCopy.set(null);
        preview.set(previewOf(p.get()));
        return true;
    }

    public void backToForm() {
        preview.set(null);
    }

    /**
     * Sends the previewed change once. Done: the listeners hear it (a created key's value is in
     * {@link #createdProperty()}). Refused because the key changed on the server: the form stays, the reason and
     * the server's copy ({@link #serverCopyProperty()}) beside it. Any other failure: the form stays with the reason.
     */
    public CompletableFuture<KeyOutcome> save() {
        KeyPlan p = planned;
        if (preview.get() == null || p == null || !p.ready() || saving.get()) {
            return CompletableFuture.completedFuture(null);
        }
        saving.set(true);
        recompute();
        CompletableFuture<KeyOutcome> done = new CompletableFuture<>();
        context.engine().start(List.of(p), ChangeListener.NONE, context.uiExecutor()).result()
                .whenCompleteAsync((result, failure) -> {
                    saving.set(false);
                    KeyOutcome outcome = failure == null && !result.outcomes().isEmpty() ? result.outcomes().get(0)
                            : null;
                    if (outcome == null) {
                        saveError.set(UserMessages.of(failure, "The key could not be saved"));
                        preview.set(null);
                    } else if (outcome.status() == KeyOutcome.Status.DONE) {
                        saved = true;
                        if (mode != Mode.EDIT && outcome.after() != null) {
                            created.set(new Created(outcome.after().id(), outcome.after().name(),
                                    outcome.newValue() != null ? outcome.newValue()
                                            : Secret.of(outcome.after().plainValue())));
                        }
                        onSaved.forEach(c -> c.accept(outcome));
                    } else {
                        saveError.set("Not saved: " + lowerFirst(outcome.reason()));
                        if (outcome.status() == KeyOutcome.Status.CHANGED_ON_SERVER) {
                            serverCopy.set(outcome.after());
                        }
                        preview.set(null);
                    }
                    recompute();
                    done.complete(outcome);
                }, context.uiExecutor());
        return done;
    }

    /** What happens once the server applied the change (select the row, close the form), in the order added. */
    public void addOnSaved(Consumer<KeyOutcome> then) {
        onSaved.add(then);
    }

    // ---- properties -------------------------------------------------------------------------------------------

    public Mode mode() {
        return mode;
    }

    /** The key being edited, as it was read; null for a new key. */
    public VirtualKey original() {
        return original;
    }

    public ServerFeatures features() {
        return context.features();
    }

    public StringProperty nameProperty() {
        return name;
    }

    public ReadOnlyStringProperty nameErrorProperty() {
        return nameError.getReadOnlyProperty();
    }

    public StringProperty descriptionProperty() {
        return description;
    }

    public BooleanProperty activeProperty() {
        return active;
    }

    /** "yyyy-MM-dd HH:mm" in UTC; empty: never. */
    public StringProperty expiryProperty() {
        return expiry;
    }

    public ReadOnlyStringProperty expiryErrorProperty() {
        return expiryError.getReadOnlyProperty();
    }

    public ObjectProperty<DeleteAfter> deleteAfterProperty() {
        return deleteAfter;
    }

    public ObjectProperty<KeyChange.OwnerKind> ownerKindProperty() {
        return ownerKind;
    }

    public ReadOnlyStringProperty ownerErrorProperty() {
        return ownerError.getReadOnlyProperty();
    }

    public FilterPickerViewModel teamPicker() {
        return teamPicker;
    }

    public FilterPickerViewModel customerPicker() {
        return customerPicker;
    }

    public ObservableList<MetadataRow> metadata() {
        return metadata;
    }

    public ReadOnlyStringProperty metadataNoteProperty() {
        return metadataNote.getReadOnlyProperty();
    }

    public BudgetsEditorViewModel budgets() {
        return budgets;
    }

    public RateLimitEditorViewModel rateLimit() {
        return rateLimit;
    }

    public BooleanProperty calendarAlignedProperty() {
        return calendarAligned;
    }

    public BooleanProperty allowAllProvidersProperty() {
        return allowAllProviders;
    }

    public ObservableList<ProviderRowViewModel> providers() {
        return providers;
    }

    /** The gateway's providers not in the form yet. */
    public ObservableList<String> providerChoices() {
        return providerChoices;
    }

    public ReadOnlyStringProperty providersNoteProperty() {
        return providersNote.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty providersErrorProperty() {
        return providersError.getReadOnlyProperty();
    }

    public ObservableList<McpRowViewModel> mcp() {
        return mcp;
    }

    public ObservableList<String> mcpChoices() {
        return mcpChoices;
    }

    public ReadOnlyStringProperty mcpNoteProperty() {
        return mcpNote.getReadOnlyProperty();
    }

    public BooleanProperty resetUsageProperty() {
        return resetUsage;
    }

    /** "Create key", "Save 3 changes", "No changes", "Fix 2 problems to save". */
    public ReadOnlyStringProperty saveTextProperty() {
        return saveText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canSaveProperty() {
        return canSave.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty changeCountProperty() {
        return changeCount.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty problemCountProperty() {
        return problemCount.getReadOnlyProperty();
    }

    /** True when closing the form would lose an edit. */
    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty budgetsChangedProperty() {
        return budgetsChanged.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty savingProperty() {
        return saving.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty saveErrorProperty() {
        return saveError.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ChangePreview> previewProperty() {
        return preview.getReadOnlyProperty();
    }

    /** The key just created, with its value to show once; null until then. */
    public ReadOnlyObjectProperty<Created> createdProperty() {
        return created.getReadOnlyProperty();
    }

    /** After a save refused because the key changed on the server: the server's copy, to review. */
    public ReadOnlyObjectProperty<VirtualKey> serverCopyProperty() {
        return serverCopy.getReadOnlyProperty();
    }

    /** The engine's reason after "Not saved:": its sentence goes on, so its first word is not capitalised. */
    private static String lowerFirst(String s) {
        return s == null || s.isEmpty() ? "" : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
