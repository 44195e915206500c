package bifrostconsole.tables;

import bifrostconsole.ui.Formats;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;

import java.time.Instant;

/**
 * What a {@link PagerBar} drives: a list the server pages. The key, team and customer tables all implement it,
 * so their pagers look and work alike.
 */
public interface Pageable {
    void firstPage();

    void previousPage();

    void nextPage();

    void lastPage();

    /** Jumps to a 1-based page number; numbers past either end go to the first or last page. */
    void goToPage(int pageNumber);

    /** The page on screen. */
    ReadOnlyObjectProperty<PageWindow> pageProperty();

    /** Rows per page, one of {@link TableSettings#PAGE_SIZES}; changing it loads the first page. */
    IntegerProperty pageSizeProperty();

    /** "1–25 of 1,234". */
    ReadOnlyStringProperty rangeTextProperty();

    /** A short confirmation such as "Copied the id of …", shown for a few seconds. */
    ReadOnlyStringProperty noticeProperty();

    /** When the page on screen was loaded. */
    ReadOnlyObjectProperty<Instant> lastRefreshedProperty();

    /**
     * What the pager says about {@link #lastRefreshedProperty()}: "Updated 6:37:17 PM" (written by {@code time})
     * for a server's list; a list that never changes (a snapshot) says when its data was taken instead.
     */
    default String asOfText(Instant loaded, java.time.format.DateTimeFormatter time) {
        return loaded == null ? "" : "Updated " + time.format(loaded);
    }

    Formats formats();
}
