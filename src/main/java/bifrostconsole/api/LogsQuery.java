package bifrostconsole.api;

import java.time.Instant;
import java.util.List;
import java.util.StringJoiner;

/**
 * Filters of the logs endpoints (API.md §14): a time window and, optionally, the keys, teams or customers whose
 * traffic counts (each a comma-separated list on the wire). The server picks the bucket size from the window.
 */
public record LogsQuery(Instant start, Instant end, List<String> virtualKeyIds, List<String> teamIds,
                        List<String> customerIds) {

    public LogsQuery {
        virtualKeyIds = Lists.orEmpty(virtualKeyIds);
        teamIds = Lists.orEmpty(teamIds);
        customerIds = Lists.orEmpty(customerIds);
    }

    /** The whole gateway's traffic in [start, end). */
    public static LogsQuery between(Instant start, Instant end) {
        return new LogsQuery(start, end, List.of(), List.of(), List.of());
    }

    public LogsQuery forKey(String id) {
        return new LogsQuery(start, end, List.of(id), teamIds, customerIds);
    }

    public LogsQuery forTeam(String id) {
        return new LogsQuery(start, end, virtualKeyIds, List.of(id), customerIds);
    }

    public LogsQuery forCustomer(String id) {
        return new LogsQuery(start, end, virtualKeyIds, teamIds, List.of(id));
    }

    public String toQueryString() {
        StringJoiner q = new StringJoiner("&");
        VirtualKeyQuery.add(q, "start_time", start == null ? null : start.toString());
        VirtualKeyQuery.add(q, "end_time", end == null ? null : end.toString());
        VirtualKeyQuery.add(q, "virtual_key_ids", virtualKeyIds.isEmpty() ? null : String.join(",", virtualKeyIds));
        VirtualKeyQuery.add(q, "team_ids", teamIds.isEmpty() ? null : String.join(",", teamIds));
        VirtualKeyQuery.add(q, "customer_ids", customerIds.isEmpty() ? null : String.join(",", customerIds));
        return q.toString();
    }
}
