package bifrostconsole.tables;

/**
 * What a table remembers and shows about one of its columns: a stable id for the remembered settings, the
 * header's title and tooltip, and its width when nothing is remembered. The key, team and customer tables each
 * list theirs as an enum.
 */
public interface TableColumnSpec {
    /** Stable id used in remembered settings. */
    String id();

    String title();

    double defaultWidth();

    /** What the header's tooltip explains: what the column shows and whether the server sorts by it. */
    String tooltip();

    /** Whether the column shows until the user hides it; an optional one waits to be picked in the column menu. */
    default boolean visibleByDefault() {
        return true;
    }
}
