package bifrostconsole.api;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.StringJoiner;

/**
 * The query parameters of {@code GET /api/governance/virtual-keys}. Null means "not sent", so the server's
 * defaults apply. Immutable: every {@code withX} returns a copy.
 */
public record VirtualKeyQuery(
        Integer limit,
        Integer offset,
        String search,
        String customerId,
        String teamId,
        SortField sortBy,
        SortOrder order,
        boolean export,
        boolean fromMemory,
        boolean excludeAccessProfileManaged) {

    public static VirtualKeyQuery firstPage(int limit) {
        return new VirtualKeyQuery(limit, 0, null, null, null, null, null, false, false, false);
    }

    public static VirtualKeyQuery all() {
        return new VirtualKeyQuery(null, null, null, null, null, null, null, false, false, false);
    }

    public VirtualKeyQuery withLimit(Integer v) {
        return new VirtualKeyQuery(v, offset, search, customerId, teamId, sortBy, order, export, fromMemory,
                excludeAccessProfileManaged);
    }

    public VirtualKeyQuery withOffset(Integer v) {
        return new VirtualKeyQuery(limit, v, search, customerId, teamId, sortBy, order, export, fromMemory,
                excludeAccessProfileManaged);
    }

    public VirtualKeyQuery withSearch(String v) {
        return new VirtualKeyQuery(limit, offset, v, customerId, teamId, sortBy, order, export, fromMemory,
                excludeAccessProfileManaged);
    }

    public VirtualKeyQuery withCustomerId(String v) {
        return new VirtualKeyQuery(limit, offset, search, v, teamId, sortBy, order, export, fromMemory,
                excludeAccessProfileManaged);
    }

    public VirtualKeyQuery withTeamId(String v) {
        return new VirtualKeyQuery(limit, offset, search, customerId, v, sortBy, order, export, fromMemory,
                excludeAccessProfileManaged);
    }

    public VirtualKeyQuery withSort(SortField field, SortOrder v) {
        return new VirtualKeyQuery(limit, offset, search, customerId, teamId, field, v, export, fromMemory,
                excludeAccessProfileManaged);
    }

    public VirtualKeyQuery withExport(boolean v) {
        return new VirtualKeyQuery(limit, offset, search, customerId, teamId, sortBy, order, v, fromMemory,
                excludeAccessProfileManaged);
    }

    public VirtualKeyQuery withFromMemory(boolean v) {
        return new VirtualKeyQuery(limit, offset, search, customerId, teamId, sortBy, order, export, v,
                excludeAccessProfileManaged);
    }

    public VirtualKeyQuery withExcludeAccessProfileManaged(boolean v) {
        return new VirtualKeyQuery(limit, offset, search, customerId, teamId, sortBy, order, export, fromMemory, v);
    }

    /** The URL query string (without '?'), empty when nothing is set. */
    public String toQueryString() {
        StringJoiner q = new StringJoiner("&");
        add(q, "limit", limit);
        add(q, "offset", offset);
        add(q, "search", search);
        add(q, "customer_id", customerId);
        add(q, "team_id", teamId);
        add(q, "sort_by", sortBy == null ? null : sortBy.wireName());
        add(q, "order", order == null ? null : order.wireName());
        if (export) {
            q.add("export=true");
        }
        if (fromMemory) {
            q.add("from_memory=true");
        }
        if (excludeAccessProfileManaged) {
            q.add("exclude_access_profile_managed_virtual=true");
        }
        return q.toString();
    }

    static void add(StringJoiner q, String name, Object value) {
        if (value == null) {
            return;
        }
        String text = value.toString();
        if (text.isEmpty()) {
            return;
        }
        q.add(name + "=" + URLEncoder.encode(text, StandardCharsets.UTF_8));
    }
}
