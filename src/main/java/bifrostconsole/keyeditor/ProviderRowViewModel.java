package bifrostconsole.keyeditor;

import bifrostconsole.api.ProviderKey;
import bifrostconsole.limits.BudgetsEditorViewModel;
import bifrostconsole.limits.LimitChanges;
import bifrostconsole.limits.LimitDraft;
import bifrostconsole.limits.RateLimitEditorViewModel;
import bifrostconsole.limits.Windows;
import bifrostconsole.messages.UserMessages;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * One provider config in the key editor: its weight, allowed and blocked models (with {@code regex:} patterns
 * checked as Bifrost checks them), key access (all keys of the provider, or the ones ticked in its key list, read
 * from the server), and its own budgets and rate limit.
 */
public final class ProviderRowViewModel {

    /** One provider key that may be ticked. */
    public static final class KeyChoice {
        private final KeyDraft.KeyRef ref;
        private final String models;
        private final BooleanProperty chosen = new SimpleBooleanProperty(this, "chosen");

        KeyChoice(KeyDraft.KeyRef ref, String models, boolean chosen) {
            this.ref = ref;
            this.models = models;
            this.chosen.set(chosen);
        }

        public String name() {
            return ref.name() == null ? ref.keyId() : ref.name();
        }

        public String keyId() {
            return ref.keyId();
        }

        /** Which models the key serves: "all models", or their names. */
        public String models() {
            return models;
        }

        public BooleanProperty chosenProperty() {
            return chosen;
        }
    }

    private static final String NOT_LISTED = " (not listed by the provider)";

    private final Long id;
    private final String provider;
    private final StringProperty weight = new SimpleStringProperty(this, "weight", "");
    private final StringProperty allowedModels = new SimpleStringProperty(this, "allowedModels", "*");
    private final StringProperty blockedModels = new SimpleStringProperty(this, "blockedModels", "");
    private final BooleanProperty allKeys = new SimpleBooleanProperty(this, "allKeys", true);
    private final ObservableList<KeyChoice> keys = FXCollections.observableArrayList();
    private final BudgetsEditorViewModel budgets = new BudgetsEditorViewModel("provider config");
    private final RateLimitEditorViewModel rateLimit = new RateLimitEditorViewModel();
    private final ReadOnlyStringWrapper weightError = new ReadOnlyStringWrapper(this, "weightError");
    private final ReadOnlyStringWrapper allowedError = new ReadOnlyStringWrapper(this, "allowedError");
    private final ReadOnlyStringWrapper blockedError = new ReadOnlyStringWrapper(this, "blockedError");
    private final ReadOnlyStringWrapper keysNote = new ReadOnlyStringWrapper(this, "keysNote");
    private final ReadOnlyStringWrapper providerError = new ReadOnlyStringWrapper(this, "providerError");
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(this, "valid", true);
    private final ReadOnlyIntegerWrapper revision = new ReadOnlyIntegerWrapper(this, "revision");
    private Runnable onRemove = () -> { };

    ProviderRowViewModel(KeyDraft.ProviderDraft draft, boolean asNew) {
        this.id = asNew ? null : draft.id();
        this.provider = draft.provider();
        weight.set(draft.weight() == null ? "" : BigDecimal.valueOf(draft.weight()).stripTrailingZeros()
                .toPlainString());
        allowedModels.set(String.join(", ", draft.allowedModels()));
        blockedModels.set(String.join(", ", draft.blockedModels()));
        allKeys.set(draft.allKeys());
        for (KeyDraft.KeyRef k : draft.keys()) {
            keys.add(watched(new KeyChoice(k, "", true)));
        }
        if (asNew) {
            budgets.loadAsNew(LimitChanges.toBudgets(draft.budgets()));
        } else {
            budgets.load(LimitChanges.toBudgets(draft.budgets()));
        }
        rateLimit.load(LimitChanges.toRateLimit(draft.rateLimit()));
        for (Observable o : List.of(weight, allowedModels, blockedModels, allKeys, budgets.revisionProperty(),
                rateLimit.revisionProperty())) {
            o.addListener(x -> changed());
        }
        changed();
    }

    /** A provider just added in the form: every model, every key, no weight. */
    static ProviderRowViewModel added(String provider) {
        return new ProviderRowViewModel(new KeyDraft.ProviderDraft(null, provider, null, List.of("*"), List.of(),
                true, List.of(), List.of(), LimitDraft.NONE), true);
    }

    /**
     * Reads the provider's keys, so keys can be ticked; the keys this config already names stay ticked, and one the
     * provider no longer has stays listed (so the form never drops it unasked) with a note.
     */
    CompletableFuture<Void> loadKeys(CompletableFuture<List<ProviderKey>> answer, Executor uiExecutor) {
        return answer.handleAsync((listed, failure) -> {
            if (failure != null) {
                keysNote.set("The " + provider + " keys could not be listed (" + UserMessages.of(failure)
                        + "): only the ones this config already names are shown.");
                return null;
            }
            Map<String, KeyChoice> byId = new LinkedHashMap<>();
            for (ProviderKey k : listed) {
                String keyId = k.id() != null ? k.id() : k.keyId();
                boolean chosen = keys.stream().anyMatch(c -> c.keyId().equals(keyId) && c.chosenProperty().get());
                String models = k.models().isEmpty() || k.models().contains("*") ? "all models"
                        : String.join(", ", k.models());
                byId.put(keyId, watched(new KeyChoice(new KeyDraft.KeyRef(keyId, k.name()), models, chosen)));
            }
            List<KeyChoice> merged = new ArrayList<>(byId.values());
            for (KeyChoice c : keys) {
                if (!byId.containsKey(c.keyId())) {
                    merged.add(watched(new KeyChoice(new KeyDraft.KeyRef(c.keyId(), c.name() + NOT_LISTED), "",
                            c.chosenProperty().get())));
                }
            }
            keys.setAll(merged);
            changed();
            return null;
        }, uiExecutor);
    }

    /** Marks the row when the gateway has no such provider configured (checked once the list is read). */
    void checkProvider(List<String> configured) {
        providerError.set(configured.contains(provider) ? null : "The gateway has no provider named \u201c" + provider
                + "\u201d: Bifrost refuses the key with \u201cinvalid provider name\u201d.");
        changed();
    }

    private void changed() {
        weightError.set(weightProblem());
        allowedError.set(KeyRules.modelsProblem(KeyRules.models(allowedModels.get()), "allowed"));
        blockedError.set(KeyRules.modelsProblem(KeyRules.models(blockedModels.get()), "blocked"));
        boolean noneChosen = !allKeys.get() && keys.stream().noneMatch(k -> k.chosenProperty().get());
        if (keysNote.get() == null || !keysNote.get().contains("could not be listed")) {
            keysNote.set(noneChosen ? "No key chosen: requests through " + provider + " fail (no keys found for"
                    + " provider)." : KeyRules.models(allowedModels.get()).isEmpty()
                    ? "No model allowed: requests through " + provider + " are refused." : null);
        }
        valid.set(weightError.get() == null && allowedError.get() == null && blockedError.get() == null
                && providerError.get() == null && budgets.validProperty().get() && rateLimit.validProperty().get());
        revision.set(revision.get() + 1);
    }

    private String weightProblem() {
        String w = weight.get();
        if (w == null || w.isBlank()) {
            return null;
        }
        Optional<BigDecimal> n = Windows.number(w);
        if (n.isEmpty()) {
            return "\u201c" + w.strip() + "\u201d is not a weight: enter a number from 0 to 1, or leave it empty.";
        }
        if (n.get().signum() < 0 || n.get().compareTo(BigDecimal.ONE) > 0) {
            return "A weight is from 0 to 1: the share of weighted traffic this provider gets.";
        }
        return null;
    }

    /** The config as the form wants it, or empty while something is wrong. */
    Optional<KeyDraft.ProviderDraft> draft() {
        if (!valid.get()) {
            return Optional.empty();
        }
        Double w = weight.get() == null || weight.get().isBlank() ? null
                : Windows.number(weight.get()).orElseThrow().doubleValue();
        List<KeyDraft.KeyRef> chosen = allKeys.get() ? List.of() : keys.stream().filter(k -> k.chosenProperty().get())
                .map(k -> k.ref).map(r -> new KeyDraft.KeyRef(r.keyId(), stripNote(r.name()))).toList();
        return Optional.of(new KeyDraft.ProviderDraft(id, provider, w, KeyRules.models(allowedModels.get()),
                KeyRules.models(blockedModels.get()), allKeys.get(), chosen, budgets.draft().orElseThrow(),
                rateLimit.draft().orElseThrow()));
    }

    private static String stripNote(String name) {
        return name == null ? null : name.replace(NOT_LISTED, "");
    }

    private KeyChoice watched(KeyChoice choice) {
        choice.chosenProperty().addListener(x -> changed());
        return choice;
    }

    /** The weight as a number when set and valid, for the sum check. */
    Optional<Double> weightValue() {
        if (weightError.get() != null || weight.get() == null || weight.get().isBlank()) {
            return Optional.empty();
        }
        return Windows.number(weight.get()).map(BigDecimal::doubleValue);
    }

    public void remove() {
        onRemove.run();
    }

    void setOnRemove(Runnable onRemove) {
        this.onRemove = onRemove;
    }

    // ---- properties -------------------------------------------------------------------------------------

    public String provider() {
        return provider;
    }

    public boolean isNew() {
        return id == null;
    }

    public StringProperty weightProperty() {
        return weight;
    }

    /** Comma-separated: model names, {@code *} for every model, {@code regex:PATTERN}. */
    public StringProperty allowedModelsProperty() {
        return allowedModels;
    }

    public StringProperty blockedModelsProperty() {
        return blockedModels;
    }

    /** Every key of the provider, including keys added later ({@code key_ids: ["*"]}). */
    public BooleanProperty allKeysProperty() {
        return allKeys;
    }

    public ObservableList<KeyChoice> keys() {
        return keys;
    }

    public BudgetsEditorViewModel budgets() {
        return budgets;
    }

    public RateLimitEditorViewModel rateLimit() {
        return rateLimit;
    }

    public ReadOnlyStringProperty weightErrorProperty() {
        return weightError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty allowedErrorProperty() {
        return allowedError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty blockedErrorProperty() {
        return blockedError.getReadOnlyProperty();
    }

    /** What to know about key access or models (none chosen, keys not listed), or null. */
    public ReadOnlyStringProperty keysNoteProperty() {
        return keysNote.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty providerErrorProperty() {
        return providerError.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }
}
