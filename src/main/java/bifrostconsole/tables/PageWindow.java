package bifrostconsole.tables;

import bifrostconsole.ui.Formats;

/**
 * Paging arithmetic for one page the server returned: {@code count} items starting at {@code offset} out of
 * {@code total}, pages of {@code limit}. Page numbers are 1-based, as the user reads them.
 */
public record PageWindow(int offset, int limit, int count, long total) {

    public static final PageWindow NONE = new PageWindow(0, 25, 0, 0);

    public PageWindow {
        if (limit <= 0) {
            throw new IllegalArgumentException("A page holds at least one row, not " + limit);
        }
        offset = Math.max(0, offset);
    }

    public int pageNumber() {
        return offset / limit + 1;
    }

    public int pageCount() {
        return (int) Math.max(1, (total + limit - 1) / limit);
    }

    public boolean hasPrevious() {
        return offset > 0;
    }

    public boolean hasNext() {
        return offset + limit < total;
    }

    /** The offset of the 1-based page {@code page}, clamped to the pages that exist. */
    public int offsetOfPage(int page) {
        int clamped = Math.max(1, Math.min(page, pageCount()));
        return (clamped - 1) * limit;
    }

    public int lastPageOffset() {
        return offsetOfPage(pageCount());
    }

    /** "1–25 of 1,234"; "0 of 0" when nothing matches. */
    public String rangeText(Formats formats) {
        if (total == 0 || count == 0) {
            return "0 of " + formats.count(total);
        }
        return formats.count(offset + 1L) + "\u2013" + formats.count((long) offset + count) + " of "
                + formats.count(total);
    }

    /** "Page 2 of 50". */
    public String pageText(Formats formats) {
        return "Page " + formats.count(pageNumber()) + " of " + formats.count(pageCount());
    }
}
