package bifrostconsole.export;

import bifrostconsole.api.VirtualKeyQuery;

import java.util.Objects;

/**
 * What to export: the keys of {@code query} (its search, filters and sort; its page alone for
 * {@link ExportScope#CURRENT_PAGE}), in which format, whether key values go into the file, and whether CSV cells
 * are written raw (by default a cell a spreadsheet would run as a formula is neutralised, see {@link CsvCells}).
 */
public record ExportRequest(VirtualKeyQuery query, ExportScope scope, ExportFormat format, boolean includeSecrets,
                            boolean rawCsv) {
    public ExportRequest {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(format, "format");
    }

    public ExportRequest(VirtualKeyQuery query, ExportScope scope, ExportFormat format, boolean includeSecrets) {
        this(query, scope, format, includeSecrets, false);
    }

    public static ExportRequest allMatching(VirtualKeyQuery query, ExportFormat format) {
        return new ExportRequest(query, ExportScope.ALL_MATCHING, format, false);
    }

    public ExportRequest withSecrets(boolean include) {
        return new ExportRequest(query, scope, format, include, rawCsv);
    }

    public ExportRequest withRawCsv(boolean raw) {
        return new ExportRequest(query, scope, format, includeSecrets, raw);
    }
}
