package bifrostconsole.api;

import java.util.StringJoiner;

/** Query of the team, customer and MCP client lists: {@code search}, {@code customer_id}, paging. */
public record ListQuery(Integer limit, Integer offset, String search, String customerId) {

    public static ListQuery firstPage(int limit) {
        return new ListQuery(limit, 0, null, null);
    }

    public ListQuery withSearch(String v) {
        return new ListQuery(limit, offset, v, customerId);
    }

    public ListQuery withOffset(Integer v) {
        return new ListQuery(limit, v, search, customerId);
    }

    public ListQuery withCustomerId(String v) {
        return new ListQuery(limit, offset, search, v);
    }

    public String toQueryString() {
        StringJoiner q = new StringJoiner("&");
        VirtualKeyQuery.add(q, "limit", limit);
        VirtualKeyQuery.add(q, "offset", offset);
        VirtualKeyQuery.add(q, "search", search);
        VirtualKeyQuery.add(q, "customer_id", customerId);
        return q.toString();
    }
}
