package bifrostconsole.limits;

import bifrostconsole.api.Budget;
import bifrostconsole.api.ServerFeatures;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The budget lines of a form (a key's, a provider config's, a team's or a customer's): each a window and a limit in
 * dollars, checked as you type with Bifrost's rules — a window Bifrost accepts, each window once, a limit above $0
 * (Bifrost answers a $0 limit with a 500), a quarter's first month for a quarterly window. Each line carries its
 * message; a line already spent past its new limit gets a warning. Budgets read from the server keep their id, so
 * the server keeps their usage.
 */
public final class BudgetsEditorViewModel {

    /** One budget line. */
    public final class Row {
        private final String id;
        private final double currentUsage;
        private final StringProperty window = new SimpleStringProperty(this, "window");
        private final StringProperty limit = new SimpleStringProperty(this, "limit", "");
        private final ObjectProperty<Integer> quarterStartMonth = new SimpleObjectProperty<>(this, "quarterStartMonth", 1);
        private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
        private final ReadOnlyStringWrapper warning = new ReadOnlyStringWrapper(this, "warning");
        private final ReadOnlyBooleanWrapper quarterly = new ReadOnlyBooleanWrapper(this, "quarterly");

        private Row(String id, String window, String limit, Integer quarterStartMonth, double currentUsage) {
            this.id = id;
            this.currentUsage = currentUsage;
            this.window.set(window);
            this.limit.set(limit);
            if (quarterStartMonth != null) {
                this.quarterStartMonth.set(quarterStartMonth);
            }
            for (Observable o : List.of(this.window, this.limit, this.quarterStartMonth)) {
                o.addListener(x -> changed());
            }
        }

        public StringProperty windowProperty() {
            return window;
        }

        public StringProperty limitProperty() {
            return limit;
        }

        /** 1 to 12; only for a quarterly window. */
        public ObjectProperty<Integer> quarterStartMonthProperty() {
            return quarterStartMonth;
        }

        /** What is wrong with the line, or null. */
        public ReadOnlyStringProperty errorProperty() {
            return error.getReadOnlyProperty();
        }

        /** What to know before saving (usage over the new limit, an older server), or null. */
        public ReadOnlyStringProperty warningProperty() {
            return warning.getReadOnlyProperty();
        }

        public ReadOnlyBooleanProperty quarterlyProperty() {
            return quarterly.getReadOnlyProperty();
        }

        /** True for a line added in this form (no usage of its own yet). */
        public boolean isNew() {
            return id == null;
        }

        public void remove() {
            rows.remove(this);
        }
    }

    private final String owner;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(this, "valid", true);
    private final ReadOnlyIntegerWrapper revision = new ReadOnlyIntegerWrapper(this, "revision");
    private ServerFeatures features = ServerFeatures.NEWEST;

    /** @param owner what the budgets limit, for messages: "key", "team", "provider config" */
    public BudgetsEditorViewModel(String owner) {
        this.owner = owner;
        rows.addListener((javafx.collections.ListChangeListener<Row>) c -> changed());
    }

    /** The budgets as read from the server (or none for a new form). */
    public void load(List<Budget> budgets) {
        List<Row> loaded = new ArrayList<>();
        for (Budget b : budgets) {
            loaded.add(new Row(b.id(), b.resetDuration(), plain(BigDecimal.valueOf(b.maxLimit())), b.quarterStartMonth(),
                    b.currentUsage()));
        }
        rows.setAll(loaded);
    }

    /** The same budgets as new lines, without ids or usage: for a duplicated key. */
    public void loadAsNew(List<Budget> budgets) {
        List<Row> loaded = new ArrayList<>();
        for (Budget b : budgets) {
            loaded.add(new Row(null, b.resetDuration(), plain(BigDecimal.valueOf(b.maxLimit())), b.quarterStartMonth(),
                    0));
        }
        rows.setAll(loaded);
    }

    /** Adds a line with the first common window not used yet and no limit. */
    public Row add() {
        String window = "1M";
        for (String w : List.of("1M", "1d", "1w", "1h", "1Y")) {
            if (rows.stream().noneMatch(r -> Windows.same(r.window.get(), w))) {
                window = w;
                break;
            }
        }
        Row row = new Row(null, window, "", null, 0);
        rows.add(row);
        return row;
    }

    public void setFeatures(ServerFeatures features) {
        this.features = features;
        changed();
    }

    /** The budgets as the form wants them, or empty while a line is wrong. */
    public Optional<List<BudgetDraft>> draft() {
        if (!valid.get()) {
            return Optional.empty();
        }
        List<BudgetDraft> result = new ArrayList<>();
        for (Row r : rows) {
            boolean q = Windows.quarterly(r.window.get());
            result.add(new BudgetDraft(r.id, r.window.get().strip(), Windows.number(r.limit.get()).orElseThrow()
                    .doubleValue(), q ? r.quarterStartMonth.get() : null, r.currentUsage));
        }
        return Optional.of(List.copyOf(result));
    }

    private void changed() {
        boolean ok = true;
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            String problem = problem(r, i);
            r.error.set(problem);
            r.quarterly.set(Windows.quarterly(r.window.get()));
            r.warning.set(problem == null ? warning(r) : null);
            ok &= problem == null;
        }
        valid.set(ok);
        revision.set(revision.get() + 1);
    }

    private String problem(Row r, int index) {
        String window = Windows.problem(r.window.get(), "budget");
        if (window != null) {
            return window;
        }
        for (int j = 0; j < index; j++) {
            if (Windows.same(rows.get(j).window.get(), r.window.get())) {
                return "This " + owner + " already has a " + r.window.get().strip() + " budget: each window once.";
            }
        }
        Optional<BigDecimal> limit = Windows.number(r.limit.get());
        if (r.limit.get() == null || r.limit.get().isBlank()) {
            return "Enter the limit in US dollars.";
        }
        if (limit.isEmpty()) {
            return "\u201c" + r.limit.get().strip() + "\u201d is not an amount: enter dollars, e.g. 500 or 12.50.";
        }
        if (limit.get().signum() <= 0) {
            return "A budget's limit must be more than $0.";
        }
        if (Windows.quarterly(r.window.get())) {
            Integer m = r.quarterStartMonth.get();
            if (m == null || m < 1 || m > 12) {
                return "Choose the month the fiscal quarters start in (1 to 12).";
            }
        }
        return null;
    }

    private String warning(Row r) {
        if (Windows.quarterly(r.window.get()) && !features.quarterlyWindows()) {
            return "Quarterly windows need Bifrost 2.1 or later; " + features.serverWords()
                    + ", which may refuse it.";
        }
        double limit = Windows.number(r.limit.get()).map(BigDecimal::doubleValue).orElse(0.0);
        if (!r.isNew() && r.currentUsage >= limit) {
            return String.format(Locale.ROOT, "Already $%.2f spent in this window: requests stop at once with this"
                    + " limit, until the window resets (or the usage is reset).", r.currentUsage);
        }
        return null;
    }

    static String plain(BigDecimal amount) {
        return amount.stripTrailingZeros().toPlainString();
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    /** False while a line is wrong. */
    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    /** Moves on every edit, so a form can recompute what changed. */
    public ReadOnlyIntegerProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    /** What no budget means here: Bifrost checks every level, so the other levels still hold (API.md §5.4). */
    public String emptyText() {
        return switch (owner) {
            case "key" -> "No budget of its own: its providers', team's and customer's budgets still apply.";
            case "team" -> "No budget of its own: its keys' budgets and its customer's still apply.";
            case "customer" -> "No budget: its keys and teams are held only by their own budgets.";
            default -> "No budget of its own: the key's budgets still apply.";
        };
    }

    public String owner() {
        return owner;
    }
}
