package bifrostconsole.export;

/**
 * Spreadsheet formula injection: Excel, LibreOffice and Google Sheets run a cell that starts with {@code =},
 * {@code +}, {@code -} or {@code @} as a formula (and a leading tab or carriage return hides such a start), so a key
 * named {@code =HYPERLINK("http://evil",...)} would act when the export is opened. Such a cell is written with a
 * leading apostrophe, which spreadsheets show as text and do not display (OWASP's advice). {@code --raw-csv}
 * turns this off for scripts that want the exact text.
 */
public final class CsvCells {
    private CsvCells() {
    }

    /** The cell as written by default: text that a spreadsheet would run gets a leading {@code '}. */
    public static String neutralised(String cell) {
        if (cell == null || cell.isEmpty()) {
            return cell;
        }
        char first = cell.charAt(0);
        boolean risky = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
        return risky ? "'" + cell : cell;
    }

    static String[] neutralised(String[] cells) {
        String[] out = cells;
        for (int i = 0; i < cells.length; i++) {
            String safe = neutralised(cells[i]);
            if (safe != cells[i]) {
                if (out == cells) {
                    out = cells.clone();
                }
                out[i] = safe;
            }
        }
        return out;
    }
}
