package bifrostconsole.owners;

import bifrostconsole.api.Budget;
import bifrostconsole.api.Customer;
import bifrostconsole.api.GovernanceSource;
import bifrostconsole.api.Json;
import bifrostconsole.api.ListQuery;
import bifrostconsole.api.RateLimit;
import bifrostconsole.api.ServerFeatures;
import bifrostconsole.api.Team;
import bifrostconsole.api.WriteRequest;
import bifrostconsole.changes.ChangePreview;
import bifrostconsole.changes.FieldDiff;
import bifrostconsole.changes.OwnerChanges;
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
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The form that creates or edits a team or a customer: name, a team's customer, budgets, rate limit and calendar
 * alignment, checked as you type with Bifrost's rules (a name, unique among its kind; budgets and limits as
 * {@link BudgetsEditorViewModel} and {@link RateLimitEditorViewModel} check them). The Save button says what it
 * does ("Create team", "Save 2 changes"). Saving previews the exact request — only the fields that changed, the
 * budgets as the full desired list with their ids, "keep or reset the usage" when budgets change — and sends it
 * through {@link OwnerChanges}: refused if the server's copy changed since it was read, logged in History. A
 * failure keeps the form as it was with the reason beside it.
 */
public final class OwnerEditorViewModel {
    static final Duration NAME_CHECK_DELAY = Duration.ofMillis(400);

    private final OwnerChanges.Kind kind;
    private final Team team;
    private final Customer customer;
    private final GovernanceSource source;
    private final OwnerChanges writer;
    private final Executor uiExecutor;
    private final Scheduler scheduler;
    private final ServerFeatures features;

    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final ReadOnlyStringWrapper nameError = new ReadOnlyStringWrapper(this, "nameError");
    private final FilterPickerViewModel customerPicker;
    private final BudgetsEditorViewModel budgets;
    private final RateLimitEditorViewModel rateLimit = new RateLimitEditorViewModel();
    private final BooleanProperty calendarAligned = new SimpleBooleanProperty(this, "calendarAligned");
    private final BooleanProperty resetUsage = new SimpleBooleanProperty(this, "resetUsage");
    private final ReadOnlyStringWrapper saveText = new ReadOnlyStringWrapper(this, "saveText");
    private final ReadOnlyBooleanWrapper canSave = new ReadOnlyBooleanWrapper(this, "canSave");
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty");
    private final ReadOnlyBooleanWrapper budgetsChanged = new ReadOnlyBooleanWrapper(this, "budgetsChanged");
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper(this, "saving");
    private final ReadOnlyStringWrapper saveError = new ReadOnlyStringWrapper(this, "saveError");
    private final ReadOnlyObjectWrapper<ChangePreview> preview = new ReadOnlyObjectWrapper<>(this, "preview");
    private final LatestRequest nameCheck;
    private Scheduler.Cancellable pendingNameCheck;
    private String takenName;
    private final List<Consumer<OwnerChanges.OwnerOutcome>> onSaved = new ArrayList<>();

    /**
     * @param team     the team to edit, or null to create one (with {@code kind} TEAM)
     * @param customer the customer to edit, or null to create one (with {@code kind} CUSTOMER)
     */
    public OwnerEditorViewModel(OwnerChanges.Kind kind, Team team, Customer customer, GovernanceSource source,
                                OwnerChanges writer, Executor uiExecutor, Scheduler scheduler, Formats formats,
                                ServerFeatures features) {
        this.kind = kind;
        this.team = kind == OwnerChanges.Kind.TEAM ? team : null;
        this.customer = kind == OwnerChanges.Kind.CUSTOMER ? customer : null;
        this.source = source;
        this.writer = writer;
        this.uiExecutor = uiExecutor;
        this.scheduler = scheduler;
        this.features = features;
        this.nameCheck = new LatestRequest(uiExecutor);
        this.budgets = new BudgetsEditorViewModel(kind.noun());
        budgets.setFeatures(features);
        this.customerPicker = new FilterPickerViewModel("customer", new FilterOptions(source, formats)::customers,
                uiExecutor, scheduler);
        if (this.team != null) {
            name.set(this.team.name());
            budgets.load(this.team.allBudgets());
            rateLimit.load(this.team.rateLimit());
            calendarAligned.set(this.team.calendarAligned());
            if (this.team.customerId() != null) {
                customerPicker.choose(new FilterOption(this.team.customerId(), this.team.customer() != null
                        ? this.team.customer().name() : this.team.customerId(), ""));
            }
        } else if (this.customer != null) {
            name.set(this.customer.name());
            budgets.load(this.customer.allBudgets());
            rateLimit.load(this.customer.rateLimit());
            calendarAligned.set(this.customer.calendarAligned());
        }
        for (Observable o : List.of(name, calendarAligned, resetUsage, budgets.revisionProperty(),
                rateLimit.revisionProperty(), customerPicker.selectedProperty())) {
            o.addListener(x -> recompute());
        }
        name.addListener((o, a, b) -> scheduleNameCheck());
        recompute();
    }

    public boolean creating() {
        return team == null && customer == null;
    }

    // ---- what changed ---------------------------------------------------------------------------------------

    private String originalName() {
        return team != null ? team.name() : customer != null ? customer.name() : "";
    }

    private List<Budget> originalBudgets() {
        return team != null ? team.allBudgets() : customer != null ? customer.allBudgets() : List.of();
    }

    private RateLimit originalRateLimit() {
        return team != null ? team.rateLimit() : customer != null ? customer.rateLimit() : null;
    }

    private boolean originalAligned() {
        return team != null ? team.calendarAligned() : customer != null && customer.calendarAligned();
    }

    private String originalCustomerId() {
        return team == null ? null : team.customerId();
    }

    /** The change as planned now, or empty while the form has an error. */
    private Optional<Planned> plan() {
        Optional<List<BudgetDraft>> wantedBudgets = budgets.draft();
        Optional<LimitDraft> wantedLimit = rateLimit.draft();
        String wantedName = name.get() == null ? "" : name.get().strip();
        if (nameProblem(wantedName) != null || wantedBudgets.isEmpty() || wantedLimit.isEmpty()) {
            return Optional.empty();
        }
        List<FieldDiff> fields = new ArrayList<>();
        List<String> effects = new ArrayList<>();
        ObjectNode body = Json.mapper().createObjectNode();
        boolean create = creating();
        if (create || !wantedName.equals(originalName())) {
            fields.add(new FieldDiff("name", create ? "none" : originalName(), wantedName));
            body.put("name", wantedName);
        }
        if (kind == OwnerChanges.Kind.TEAM) {
            FilterOption chosen = customerPicker.selectedProperty().get();
            String wantedCustomer = chosen == null ? null : chosen.id();
            if (!Objects.equals(wantedCustomer, originalCustomerId()) && (!create || wantedCustomer != null)) {
                String before = team == null || team.customerId() == null ? "none"
                        : team.customer() != null ? team.customer().name() : team.customerId();
                fields.add(new FieldDiff("customer", before, chosen == null ? "none" : chosen.name()));
                body.put("customer_id", wantedCustomer == null ? "" : wantedCustomer);
                effects.add(chosen == null ? "The team's keys stop counting towards the customer's budgets."
                        : "The team's keys count towards " + chosen.name() + "'s budgets and limits.");
            }
        }
        List<BudgetDraft> before = LimitChanges.drafts(originalBudgets());
        boolean budgetChange = LimitChanges.addBudgets(kind.noun(), before, wantedBudgets.get(), create,
                resetUsage.get(), kind == OwnerChanges.Kind.CUSTOMER, kind == OwnerChanges.Kind.TEAM, fields, body,
                effects);
        boolean resetAsked = !create && budgetChange && resetUsage.get();
        LimitChanges.addRateLimit(LimitDraft.of(originalRateLimit()), wantedLimit.get(), create, fields, body);
        if (calendarAligned.get() != originalAligned() && (!create || calendarAligned.get())) {
            fields.add(new FieldDiff("calendar aligned", originalAligned() ? "yes" : "no",
                    calendarAligned.get() ? "yes" : "no"));
            body.put("calendar_aligned", calendarAligned.get());
            if (!create && calendarAligned.get()) {
                effects.add("Turning calendar alignment on resets the usage of every day, week, month and year"
                        + " budget and limit to 0 and starts their windows at the current period's start.");
            }
        }
        WriteRequest request = create
                ? (kind == OwnerChanges.Kind.TEAM ? WriteRequest.createTeam(body) : WriteRequest.createCustomer(body))
                : (kind == OwnerChanges.Kind.TEAM ? WriteRequest.updateTeam(id(), body)
                : WriteRequest.updateCustomer(id(), body));
        String action = (create ? "create-" : "edit-") + kind.noun();
        return Optional.of(new Planned(new OwnerChanges.OwnerPlan(kind, create ? null : id(), wantedName, seen(),
                action, fields, request, effects, resetAsked), budgetChange && !create));
    }

    private record Planned(OwnerChanges.OwnerPlan plan, boolean budgetsChanged) {
    }

    private String id() {
        return team != null ? team.id() : customer.id();
    }

    private JsonNode seen() {
        return team != null ? Json.mapper().valueToTree(team) : customer != null ? Json.mapper().valueToTree(customer)
                : null;
    }

    private void recompute() {
        String wanted = name.get() == null ? "" : name.get().strip();
        nameError.set(nameProblem(wanted));
        Optional<Planned> planned = plan();
        int changes = planned.map(p -> p.plan().fields().size()).orElse(0);
        budgetsChanged.set(planned.map(Planned::budgetsChanged).orElse(false));
        // An edit that does not check out yet is still an edit to lose.
        dirty.set(creating() ? !wanted.isEmpty() || !budgets.rows().isEmpty() : planned.isEmpty() || changes > 0);
        canSave.set(planned.isPresent() && (creating() || changes > 0) && !saving.get());
        if (creating()) {
            saveText.set("Create " + kind.noun());
        } else if (planned.isEmpty()) {
            saveText.set("Fix the form to save");
        } else {
            saveText.set(changes == 0 ? "No changes" : changes == 1 ? "Save 1 change" : "Save " + changes + " changes");
        }
        if (preview.get() != null) {
            preview.set(planned.map(this::previewOf).orElse(null));
        }
    }

    private String nameProblem(String wanted) {
        if (wanted.isEmpty()) {
            return "A " + kind.noun() + " needs a name.";
        }
        if (takenName != null && takenName.equals(wanted) && !wanted.equals(originalName())) {
            return "A " + kind.noun() + " named \u201c" + wanted + "\u201d already exists: names are unique.";
        }
        return null;
    }

    /** Asks the server, after a pause in typing, whether another team or customer has the name. */
    private void scheduleNameCheck() {
        if (pendingNameCheck != null) {
            pendingNameCheck.cancel();
        }
        String wanted = name.get() == null ? "" : name.get().strip();
        if (wanted.isEmpty() || wanted.equals(originalName())) {
            return;
        }
        pendingNameCheck = scheduler.schedule(NAME_CHECK_DELAY, () -> nameCheck.submit(() -> (kind
                        == OwnerChanges.Kind.TEAM
                        ? source.listTeams(ListQuery.firstPage(100).withSearch(wanted))
                        .thenApply(p -> p.items().stream().anyMatch(t -> wanted.equals(t.name())))
                        : source.listCustomers(ListQuery.firstPage(100).withSearch(wanted))
                        .thenApply(p -> p.items().stream().anyMatch(c -> wanted.equals(c.name())))),
                (taken, failure) -> {
                    // A failed check says nothing: the server refuses a clash with a 409 anyway.
                    takenName = failure == null && Boolean.TRUE.equals(taken) ? wanted : takenName;
                    recompute();
                }));
    }

    // ---- saving -------------------------------------------------------------------------------------------

    /** Shows the preview of what Save sends; false (and nothing shown) while the form cannot be saved. */
    public boolean preview() {
        Optional<Planned> planned = plan();
        if (planned.isEmpty() || !canSave.get()) {
            return false;
        }
        saveError.set(null);
        preview.set(previewOf(planned.get()));
        return true;
    }

    private ChangePreview previewOf(Planned planned) {
        OwnerChanges.OwnerPlan p = planned.plan();
        String title = creating() ? "Create the " + kind.noun() + " \u201c" + p.name() + "\u201d"
                : saveText.get() + " to " + kind.noun() + " \u201c" + originalName() + "\u201d";
        return ChangePreview.of(p, title, saveText.get(), p.resetsUsage());
    }

    /** Back from the preview to the form, nothing sent. */
    public void backToForm() {
        preview.set(null);
    }

    /** Sends what the preview shows. The form stays as it is, with the reason beside it, if it fails. */
    public CompletableFuture<OwnerChanges.OwnerOutcome> save() {
        Optional<Planned> planned = plan();
        if (planned.isEmpty() || writer == null) {
            return CompletableFuture.completedFuture(null);
        }
        saving.set(true);
        recompute();
        CompletableFuture<OwnerChanges.OwnerOutcome> done = new CompletableFuture<>();
        writer.run(planned.get().plan()).whenCompleteAsync((outcome, failure) -> {
            saving.set(false);
            if (failure != null) {
                saveError.set(UserMessages.of(failure, "The " + kind.noun() + " could not be saved"));
                preview.set(null);
            } else if (outcome.ok()) {
                onSaved.forEach(c -> c.accept(outcome));
            } else {
                saveError.set("Not saved: " + lowerFirst(outcome.reason()));
                preview.set(null);
            }
            recompute();
            done.complete(outcome);
        }, uiExecutor);
        return done;
    }

    /** The reason after "Not saved:": its sentence goes on, so its first word is not capitalised. */
    private static String lowerFirst(String s) {
        return s == null || s.isEmpty() ? "" : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    /** What happens once the server applied the change (select the row, close the form), in the order added. */
    public void addOnSaved(Consumer<OwnerChanges.OwnerOutcome> then) {
        onSaved.add(then);
    }

    // ---- properties -------------------------------------------------------------------------------------

    public OwnerChanges.Kind kind() {
        return kind;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public ReadOnlyStringProperty nameErrorProperty() {
        return nameError.getReadOnlyProperty();
    }

    /** The team's customer (teams only). */
    public FilterPickerViewModel customerPicker() {
        return customerPicker;
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

    /** The answer to "keep or reset the usage?" when budgets change (true: reset). */
    public BooleanProperty resetUsageProperty() {
        return resetUsage;
    }

    /** "Create team", "Save 2 changes", "No changes". */
    public ReadOnlyStringProperty saveTextProperty() {
        return saveText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canSaveProperty() {
        return canSave.getReadOnlyProperty();
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

    /** Why the last save did not happen, beside the form; null after a good one. */
    public ReadOnlyStringProperty saveErrorProperty() {
        return saveError.getReadOnlyProperty();
    }

    /** The preview on screen, or null while the form shows. */
    public ReadOnlyObjectProperty<ChangePreview> previewProperty() {
        return preview.getReadOnlyProperty();
    }

    public ServerFeatures features() {
        return features;
    }
}
