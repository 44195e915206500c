package bifrostconsole.api;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
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
        boolean excludeAccessProfileManaged,
        Map<String, String> metadata) {

    /** {@code metadata}: the metadata filter, key to value in the order given, AND-ed; never null. */
    public VirtualKeyQuery {
        metadata = metadata == null || metadata.isEmpty() ? Map.of()
                : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }

    public VirtualKeyQuery(Integer limit, Integer offset, String search, String customerId, String teamId,
                           SortField sortBy, SortOrder order, boolean export, boolean fromMemory,
                           boolean excludeAccessProfileManaged) {
        this(limit, offset, search, customerId, teamId, sortBy, order, export, fromMemory,
                excludeAccessProfileManaged, Map.of());
    }

    public static VirtualKeyQuery firstPage(int limit) {
        return new VirtualKeyQuery(limit, 0, null, null, null, null, null, false, false, false);
    }

    public static VirtualKeyQuery all() {
        return new VirtualKeyQuery(null, null, null, null, null, null, null, false, false, false);
    }

    public VirtualKeyQuery withLimit(Integer v) {
        return new VirtualKeyQuery(v, offset, search, customerId, teamId, sortBy, order, export, fromMemory,
                excludeAccessProfileManaged, metadata);
    }

    public VirtualKeyQuery withOffset(Integer v) {
        return new VirtualKeyQuery(limit, v, search, customerId, teamId, sortBy, order, export, fromMemory,
                excludeAccessProfileManaged, metadata);
    }

    public VirtualKeyQuery withSearch(String v) {
        return new VirtualKeyQuery(limit, offset, v, customerId, teamId, sortBy, order, export, fromMemory,
                excludeAccessProfileManaged, metadata);
    }

    public VirtualKeyQuery withCustomerId(String v) {
        return new VirtualKeyQuery(limit, offset, search, v, teamId, sortBy, order, export, fromMemory,
                excludeAccessProfileManaged, metadata);
    }

    public VirtualKeyQuery withTeamId(String v) {
        return new VirtualKeyQuery(limit, offset, search, customerId, v, sortBy, order, export, fromMemory,
                excludeAccessProfileManaged, metadata);
    }

    public VirtualKeyQuery withSort(SortField field, SortOrder v) {
        return new VirtualKeyQuery(limit, offset, search, customerId, teamId, field, v, export, fromMemory,
                excludeAccessProfileManaged, metadata);
    }

    public VirtualKeyQuery withExport(boolean v) {
        return new VirtualKeyQuery(limit, offset, search, customerId, teamId, sortBy, order, v, fromMemory,
                excludeAccessProfileManaged, metadata);
    }

    public VirtualKeyQuery withFromMemory(boolean v) {
        return new VirtualKeyQuery(limit, offset, search, customerId, teamId, sortBy, order, export, v,
                excludeAccessProfileManaged, metadata);
    }

    public VirtualKeyQuery withExcludeAccessProfileManaged(boolean v) {
        return new VirtualKeyQuery(limit, offset, search, customerId, teamId, sortBy, order, export, fromMemory, v,
                metadata);
    }

    /** The same query with this metadata filter (key to value, AND-ed); empty for none. */
    public VirtualKeyQuery withMetadata(Map<String, String> v) {
        return new VirtualKeyQuery(limit, offset, search, customerId, teamId, sortBy, order, export, fromMemory,
                excludeAccessProfileManaged, v);
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
        // metadata_<key>=<value>; Bifrost refuses a key outside [A-Za-z0-9._-] with a 400, so it is sent as typed
        metadata.forEach((k, v) -> add(q, KeyMetadata.FILTER_PREFIX + k, v));
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
