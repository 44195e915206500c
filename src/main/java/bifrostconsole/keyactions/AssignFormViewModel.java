package bifrostconsole.keyactions;

import bifrostconsole.changes.KeyChange;
import bifrostconsole.keys.FilterOption;
import bifrostconsole.keys.FilterPickerViewModel;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;

/**
 * "Assign to a team, a customer or none" before the preview: which kind of owner, and which one, searched on the
 * server with the same pickers as the table's filters. A key belongs to at most one of them; the preview says what
 * the server clears.
 */
public final class AssignFormViewModel {
    private final ObjectProperty<KeyChange.OwnerKind> kind = new SimpleObjectProperty<>(this, "kind",
            KeyChange.OwnerKind.TEAM);
    private final FilterPickerViewModel teams;
    private final FilterPickerViewModel customers;
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");

    AssignFormViewModel(FilterPickerViewModel teams, FilterPickerViewModel customers) {
        this.teams = teams;
        this.customers = customers;
        kind.addListener((o, a, b) -> {
            error.set("");
            if (b == KeyChange.OwnerKind.TEAM) {
                teams.load();
            } else if (b == KeyChange.OwnerKind.CUSTOMER) {
                customers.load();
            }
        });
    }

    /** Loads the first teams; call when the form opens. */
    public void start() {
        teams.load();
    }

    /** The change as chosen, or null with {@link #errorProperty()} saying what to choose. */
    public KeyChange change() {
        error.set("");
        KeyChange.OwnerKind k = kind.get();
        if (k == KeyChange.OwnerKind.NONE) {
            return new KeyChange.Assign(k, null, null);
        }
        FilterOption chosen = (k == KeyChange.OwnerKind.TEAM ? teams : customers).selectedProperty().get();
        if (chosen == null) {
            error.set("Choose a " + (k == KeyChange.OwnerKind.TEAM ? "team" : "customer") + " from the list.");
            return null;
        }
        return new KeyChange.Assign(k, chosen.id(), chosen.name());
    }

    public ObjectProperty<KeyChange.OwnerKind> kindProperty() {
        return kind;
    }

    public FilterPickerViewModel teams() {
        return teams;
    }

    public FilterPickerViewModel customers() {
        return customers;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
