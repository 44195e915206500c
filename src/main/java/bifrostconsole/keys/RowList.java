package bifrostconsole.keys;

import javafx.collections.ModifiableObservableListBase;

import java.util.ArrayList;
import java.util.List;

/**
 * The key table's rows: an observable list that can also replace the rows that differ, in place, as one list
 * change. A refresh after a bulk change replaces most rows of the page; one change per row had the table's
 * selection model and skin react to each (README, Performance, "The window during a bulk change").
 */
final class RowList<E> extends ModifiableObservableListBase<E> {
    private final List<E> rows = new ArrayList<>();

    /** Puts {@code fresh} (as long as this list) in place of every row that differs, in one list change. */
    void replaceDiffering(List<E> fresh) {
        if (fresh.size() != size()) {
            throw new IllegalArgumentException("not the same rows: " + fresh.size() + " for " + size());
        }
        beginChange();
        try {
            for (int i = 0; i < fresh.size(); i++) {
                if (!fresh.get(i).equals(rows.get(i))) {
                    set(i, fresh.get(i));
                }
            }
        } finally {
            endChange();
        }
    }

    @Override
    public E get(int index) {
        return rows.get(index);
    }

    @Override
    public int size() {
        return rows.size();
    }

    @Override
    protected void doAdd(int index, E element) {
        rows.add(index, element);
    }

    @Override
    protected E doSet(int index, E element) {
        return rows.set(index, element);
    }

    @Override
    protected E doRemove(int index) {
        return rows.remove(index);
    }
}
