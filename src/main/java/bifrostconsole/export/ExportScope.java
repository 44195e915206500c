package bifrostconsole.export;

/** What to export: the page on screen, or every key matching the search, filters and sort. */
public enum ExportScope {
    CURRENT_PAGE, ALL_MATCHING
}
