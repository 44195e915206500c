package bifrostconsole.keyactions;

import bifrostconsole.api.Budget;
import bifrostconsole.api.VirtualKey;
import bifrostconsole.changes.KeyChange;
import bifrostconsole.ui.Formats;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.Locale;

/**
 * The few choices a budget override needs before it can be previewed: which of the key's budgets, how many
 * dollars on top of its limit, and for how many windows or until removed (API.md §5.8); for a removal, only which
 * budget. {@link #change()} turns them into the change, or says in one sentence what is wrong.
 */
public final class OverrideFormViewModel {

    /** One of the key's budgets, as the chooser lists it. */
    public record BudgetChoice(String window, String text) {
        @Override
        public String toString() {
            return text;
        }
    }

    private final VirtualKey key;
    private final boolean remove;
    private final ObservableList<BudgetChoice> budgets = FXCollections.observableArrayList();
    private final ObjectProperty<BudgetChoice> budget = new SimpleObjectProperty<>(this, "budget");
    private final StringProperty amount = new SimpleStringProperty(this, "amount", "100");
    private final BooleanProperty forever = new SimpleBooleanProperty(this, "forever");
    private final StringProperty cycles = new SimpleStringProperty(this, "cycles", "1");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");

    /** @param remove choose a budget whose override to remove, instead of adding one */
    public OverrideFormViewModel(VirtualKey key, boolean remove, Formats formats) {
        this.key = key;
        this.remove = remove;
        for (Budget b : key.budgets()) {
            if (remove && b.overrideAmount() == null) {
                continue;
            }
            String text = b.resetDuration() + " budget: " + formats.money(b.currentUsage()) + " of "
                    + formats.money(b.maxLimit()) + " spent";
            if (b.overrideAmount() != null) {
                text += " \u00b7 override +" + formats.money(b.overrideAmount())
                        + ("forever".equals(b.overrideMode()) ? " until removed"
                        : b.overrideCyclesRemaining() == null ? "" : ", " + b.overrideCyclesRemaining()
                        + (b.overrideCyclesRemaining() == 1 ? " window left" : " windows left"));
            }
            budgets.add(new BudgetChoice(b.resetDuration(), text));
        }
        if (!budgets.isEmpty()) {
            budget.set(budgets.get(0));
        }
    }

    public boolean removing() {
        return remove;
    }

    public VirtualKey key() {
        return key;
    }

    /** The change as chosen, or null with {@link #errorProperty()} saying what to fix. */
    public KeyChange change() {
        error.set("");
        BudgetChoice chosen = budget.get();
        if (chosen == null) {
            error.set(remove ? "The key has no budget with an override." : "The key has no budget to override: add"
                    + " a budget first.");
            return null;
        }
        try {
            if (remove) {
                return new KeyChange.RemoveBudgetOverride(chosen.window());
            }
            double dollars = number(amount.get(), "amount");
            Integer windows = forever.get() ? null : wholeNumber(cycles.get());
            return new KeyChange.SetBudgetOverride(chosen.window(), dollars, windows);
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
            return null;
        }
    }

    private static double number(String text, String what) {
        String t = text == null ? "" : text.strip().replace("$", "").replace(",", "").replace("_", "");
        try {
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + (text == null ? "" : text.strip()) + "' is not a number: type"
                    + " the " + what + " as digits, e.g. " + ("amount".equals(what) ? "100 or 250.50" : "2") + ".");
        }
    }

    private static int wholeNumber(String text) {
        String t = text == null ? "" : text.strip();
        try {
            return Integer.parseInt(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + t + "' is not a whole number of windows: type e.g. 1 or 3, or"
                    + " choose until removed.");
        }
    }

    public ObservableList<BudgetChoice> budgets() {
        return budgets;
    }

    public ObjectProperty<BudgetChoice> budgetProperty() {
        return budget;
    }

    /** Dollars added to the budget's limit, as typed. */
    public StringProperty amountProperty() {
        return amount;
    }

    /** Until removed, instead of a number of windows. */
    public BooleanProperty foreverProperty() {
        return forever;
    }

    /** How many windows, the current one included, as typed. */
    public StringProperty cyclesProperty() {
        return cycles;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "OverrideForm[%s %s]", remove ? "remove" : "add", key.id());
    }
}
