package bifrostconsole.export;

import bifrostconsole.api.VirtualKeyQuery;

import java.util.Objects;

/**
 * What to export: the keys of {@code query} (its search, filters and sort; its page alone for
 * {@link ExportScope#CURRENT_PAGE}), in which format, and whether key values go into the file.
 */
public record ExportRequest(VirtualKeyQuery query, ExportScope scope, ExportFormat format, boolean includeSecrets) {
    public ExportRequest {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(format, "format");
    }

    public static ExportRequest allMatching(VirtualKeyQuery query, ExportFormat format) {
        return new ExportRequest(query, ExportScope.ALL_MATCHING, format, false);
    }

    public ExportRequest withSecrets(boolean include) {
        return new ExportRequest(query, scope, format, include);
    }
}
