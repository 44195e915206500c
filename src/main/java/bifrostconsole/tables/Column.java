package bifrostconsole.tables;

/**
 * One column of a table whose server lists in one fixed order (teams and customers: creation order, API.md §4):
 * none of its columns sorts, and each header's tooltip says so.
 */
public record Column(String id, String title, double defaultWidth, String tooltip) implements TableColumnSpec {

    /** A column of the {@code rows} table (plural noun), its tooltip ending with why it does not sort. */
    public static Column unsorted(String rows, String id, String title, double defaultWidth, String tooltip) {
        String capital = Character.toUpperCase(rows.charAt(0)) + rows.substring(1);
        return new Column(id, title, defaultWidth, tooltip + " " + capital + " are listed in the order they were"
                + " created: the server does not sort them.");
    }
}
