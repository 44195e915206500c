package bifrostconsole.limits;

import bifrostconsole.api.RateLimit;
import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * A form's rate limit: at most so many tokens and so many requests, each per its own window (one window of each:
 * Bifrost has no second rate-limit window, API.md §15). Checked as you type with Bifrost's rules: a limit is a
 * whole number above 0 and needs its window; a window needs its limit. Both left empty means no rate limit.
 */
public final class RateLimitEditorViewModel {
    private final StringProperty tokenMax = new SimpleStringProperty(this, "tokenMax", "");
    private final StringProperty tokenWindow = new SimpleStringProperty(this, "tokenWindow", "");
    private final StringProperty requestMax = new SimpleStringProperty(this, "requestMax", "");
    private final StringProperty requestWindow = new SimpleStringProperty(this, "requestWindow", "");
    private final ReadOnlyStringWrapper tokenError = new ReadOnlyStringWrapper(this, "tokenError");
    private final ReadOnlyStringWrapper requestError = new ReadOnlyStringWrapper(this, "requestError");
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(this, "valid", true);
    private final ReadOnlyIntegerWrapper revision = new ReadOnlyIntegerWrapper(this, "revision");

    public RateLimitEditorViewModel() {
        for (Observable o : List.of(tokenMax, tokenWindow, requestMax, requestWindow)) {
            o.addListener(x -> changed());
        }
    }

    public void load(RateLimit r) {
        LimitDraft d = LimitDraft.of(r);
        tokenMax.set(d.tokenMax() == null ? "" : Long.toString(d.tokenMax()));
        tokenWindow.set(d.tokenWindow() == null ? "" : d.tokenWindow());
        requestMax.set(d.requestMax() == null ? "" : Long.toString(d.requestMax()));
        requestWindow.set(d.requestWindow() == null ? "" : d.requestWindow());
    }

    /** Empties both limits ("Reset" in Bifrost's form): the key then has no rate limit. */
    public void clear() {
        tokenMax.set("");
        tokenWindow.set("");
        requestMax.set("");
        requestWindow.set("");
    }

    /** The rate limit as the form wants it, or empty while something is wrong. */
    public Optional<LimitDraft> draft() {
        if (!valid.get()) {
            return Optional.empty();
        }
        Long tokens = blank(tokenMax.get()) ? null : Windows.number(tokenMax.get()).orElseThrow().longValueExact();
        Long requests = blank(requestMax.get()) ? null : Windows.number(requestMax.get()).orElseThrow().longValueExact();
        return Optional.of(new LimitDraft(tokens, tokens == null ? null : tokenWindow.get().strip(), requests,
                requests == null ? null : requestWindow.get().strip()));
    }

    private void changed() {
        tokenError.set(problem(tokenMax.get(), tokenWindow.get(), "token"));
        requestError.set(problem(requestMax.get(), requestWindow.get(), "request"));
        valid.set(tokenError.get() == null && requestError.get() == null);
        revision.set(revision.get() + 1);
    }

    private static String problem(String max, String window, String kind) {
        if (blank(max) && blank(window)) {
            return null;
        }
        if (blank(max)) {
            return "Enter how many " + kind + "s per window, or clear the window.";
        }
        Optional<BigDecimal> n = Windows.number(max);
        if (n.isEmpty() || n.get().stripTrailingZeros().scale() > 0) {
            return "\u201c" + max.strip() + "\u201d is not a whole number of " + kind + "s.";
        }
        if (n.get().signum() <= 0) {
            return "A " + kind + " limit must be more than 0.";
        }
        if (n.get().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            return "That is more " + kind + "s than Bifrost can count.";
        }
        return Windows.problem(window, kind + " limit");
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    public StringProperty tokenMaxProperty() {
        return tokenMax;
    }

    public StringProperty tokenWindowProperty() {
        return tokenWindow;
    }

    public StringProperty requestMaxProperty() {
        return requestMax;
    }

    public StringProperty requestWindowProperty() {
        return requestWindow;
    }

    public ReadOnlyStringProperty tokenErrorProperty() {
        return tokenError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty requestErrorProperty() {
        return requestError.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }
}
