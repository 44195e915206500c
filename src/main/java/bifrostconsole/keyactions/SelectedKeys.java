package bifrostconsole.keyactions;

import bifrostconsole.api.VirtualKey;
import bifrostconsole.api.VirtualKeyQuery;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The keys selected for a bulk action. A selection outlives the page it was made on: keys picked with Ctrl or Shift
 * on page 1 stay selected while the admin pages on and picks more, and are selected again when their page comes
 * back. A single selected key just follows the table (paging away drops it, as in any list). "All N matching keys"
 * selects every key of the search and filters, across pages, without reading them until a change is planned.
 *
 * <p>Each key is kept as last seen (the freshest copy the table or a change's answer showed), because the
 * lost-update guard compares the server's copy with it. A new search or filter clears the selection: the keys it
 * held are no longer the ones on screen. Call on the UI thread.
 */
public final class SelectedKeys {
    private final Map<String, VirtualKey> keys = new LinkedHashMap<>();
    private VirtualKeyQuery allMatching;
    private final ReadOnlyLongWrapper count = new ReadOnlyLongWrapper(this, "count");
    private final ReadOnlyBooleanWrapper allMatchingMode = new ReadOnlyBooleanWrapper(this, "allMatchingMode");
    /** Bumped when the selection changed other than by the table (cleared, all matching, keys deleted). */
    private final ReadOnlyIntegerWrapper revision = new ReadOnlyIntegerWrapper(this, "revision");

    /**
     * The admin changed the selection on the page on screen.
     *
     * @param page     the keys on the page, in order
     * @param selected the ones selected on it now
     * @param collapse the gesture was a plain click or arrow key (no Ctrl or Shift): it starts a new selection,
     *                 so keys selected on other pages are let go
     */
    public void selectedOnPage(List<VirtualKey> page, List<VirtualKey> selected, boolean collapse) {
        if (allMatching != null) {
            if (selected.size() == page.size() && !collapse) {
                return; // still every key of the page: nothing the admin took back
            }
            allMatching = null;
            keys.clear();
        }
        if (collapse) {
            keys.clear();
        }
        for (VirtualKey k : page) {
            keys.remove(k.id());
        }
        for (VirtualKey k : selected) {
            keys.put(k.id(), k);
        }
        changed(false);
    }

    /**
     * Another page, or fresh rows of this one, came on screen; returns the ids to select on it.
     *
     * @param page           the keys now on screen
     * @param tableSelection what the table selects now (the browser keeps its selected key on a refresh, or selects
     *                       the first or last row after stepping past a page's edge)
     * @param collapse       the page came because of a plain arrow key or J/K past the edge, which moves a single
     *                       selection rather than keeping several
     */
    public List<String> pageShown(List<VirtualKey> page, List<VirtualKey> tableSelection, boolean collapse) {
        List<String> ids = new ArrayList<>();
        if (allMatching != null) {
            page.forEach(k -> ids.add(k.id()));
            return ids;
        }
        for (VirtualKey k : page) {
            keys.computeIfPresent(k.id(), (id, old) -> k);
        }
        if (collapse || keys.size() <= 1) {
            keys.clear();
            for (VirtualKey k : tableSelection) {
                keys.put(k.id(), k);
                ids.add(k.id());
            }
        } else {
            for (VirtualKey k : page) {
                if (keys.containsKey(k.id())) {
                    ids.add(k.id());
                }
            }
        }
        changed(false);
        return ids;
    }

    /** The ids to show selected on {@code page} as the selection stands (after it changed other than by the table). */
    public List<String> idsOn(List<VirtualKey> page) {
        List<String> ids = new ArrayList<>();
        for (VirtualKey k : page) {
            if (allMatching != null || keys.containsKey(k.id())) {
                ids.add(k.id());
            }
        }
        return ids;
    }

    /** Every key the search and filters of {@code query} match, {@code total} of them, across pages. */
    public void selectAllMatching(VirtualKeyQuery query, long total) {
        allMatching = Objects.requireNonNull(query, "query");
        keys.clear();
        count.set(total);
        allMatchingMode.set(true);
        revision.set(revision.get() + 1);
    }

    public void clear() {
        allMatching = null;
        keys.clear();
        changed(true);
    }

    /** The search or filters changed from {@code before} to {@code after}: a selection made under the old ones ends. */
    public void queryChanged(VirtualKeyQuery before, VirtualKeyQuery after) {
        if (before == null || after == null || sameKeys(before, after)) {
            return;
        }
        if (allMatching != null || !keys.isEmpty()) {
            clear();
        }
    }

    private static boolean sameKeys(VirtualKeyQuery a, VirtualKeyQuery b) {
        return Objects.equals(a.search(), b.search()) && Objects.equals(a.teamId(), b.teamId())
                && Objects.equals(a.customerId(), b.customerId()) && a.fromMemory() == b.fromMemory()
                && a.excludeAccessProfileManaged() == b.excludeAccessProfileManaged();
    }

    /** Keys a change answered with: the selection keeps them as the server now has them. */
    public void updated(Collection<VirtualKey> after) {
        for (VirtualKey k : after) {
            if (k != null) {
                keys.computeIfPresent(k.id(), (id, old) -> k);
            }
        }
    }

    /** Keys that no longer exist (deleted): they leave the selection. */
    public void removed(Collection<String> ids) {
        Set<String> gone = new HashSet<>(ids);
        if (keys.keySet().removeAll(gone)) {
            changed(true);
        }
    }

    /** What an action on the selection acts on. */
    public KeyTarget target() {
        return allMatching != null ? KeyTarget.allMatching(allMatching, count.get())
                : KeyTarget.of(new ArrayList<>(keys.values()));
    }

    public boolean isAllMatching() {
        return allMatching != null;
    }

    /** How many of the selected keys are not on {@code page}. */
    public long offPage(List<VirtualKey> page) {
        if (allMatching != null) {
            return Math.max(0, count.get() - page.size());
        }
        long on = page.stream().filter(k -> keys.containsKey(k.id())).count();
        return keys.size() - on;
    }

    private void changed(boolean outsideTheTable) {
        if (allMatching == null) {
            count.set(keys.size());
            allMatchingMode.set(false);
        }
        if (outsideTheTable) {
            revision.set(revision.get() + 1);
        }
    }

    /** Selected keys (for "all matching", the server's count). */
    public ReadOnlyLongProperty countProperty() {
        return count.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty allMatchingProperty() {
        return allMatchingMode.getReadOnlyProperty();
    }

    /** Changes when the table must show another selection than the one it has (see {@link #idsOn}). */
    public ReadOnlyIntegerProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }
}
