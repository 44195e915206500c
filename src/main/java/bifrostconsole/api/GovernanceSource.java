package bifrostconsole.api;

import java.util.concurrent.CompletableFuture;

/**
 * Where the console reads governance data from: a live server ({@link ManagementApiClient}) or a snapshot
 * file opened read-only. View-models depend on this, never on HTTP.
 */
public interface GovernanceSource {

    CompletableFuture<Page<VirtualKey>> listVirtualKeys(VirtualKeyQuery query);

    CompletableFuture<VirtualKey> getVirtualKey(String id);

    CompletableFuture<Page<Team>> listTeams(ListQuery query);

    CompletableFuture<Page<Customer>> listCustomers(ListQuery query);

    /**
     * One team by id, with its budgets, rate limit and customer; fails with a 404 when there is none. A source that
     * cannot read one by id (a test double listing keys only) fails with {@link UnsupportedOperationException}.
     */
    default CompletableFuture<Team> getTeam(String id) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException(displayName()
                + " cannot read a team by id"));
    }

    /** One customer by id, with its teams, budgets and rate limit; fails with a 404 when there is none. */
    default CompletableFuture<Customer> getCustomer(String id) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException(displayName()
                + " cannot read a customer by id"));
    }

    /** What the user sees as the source's name: a server address or a snapshot file. */
    String displayName();

    /**
     * Cost, tokens and requests over time from the logs histograms (API.md §14). Only a live server has logs:
     * anything else answers "not available" with the sentence to show.
     */
    default CompletableFuture<LogsAnswer<UsageHistory>> usageHistory(LogsQuery query) {
        return CompletableFuture.completedFuture(LogsAnswer.notAvailable(displayName()
                + " holds no request logs, so usage over time is not available here."));
    }

    /**
     * {@link #usageHistory} for a caller that draws only the cost: a live server is asked for its cost histogram
     * alone, so the history's tokens and requests are then zero.
     */
    default CompletableFuture<LogsAnswer<UsageHistory>> costHistory(LogsQuery query) {
        return usageHistory(query);
    }

    /**
     * Requests per virtual key id in [start, end), from the logs' ranking by virtual key
     * ({@code /api/logs/rankings/by-dimension?dimension=virtual_key&all=true}): a key that is missing had no
     * traffic in the window. Only a live server with logs has it: anything else (and a server answering 404)
     * answers "not available" with the sentence to show.
     */
    default CompletableFuture<LogsAnswer<java.util.Map<String, Long>>> keyTraffic(java.time.Instant start,
                                                                                 java.time.Instant end) {
        return CompletableFuture.completedFuture(LogsAnswer.notAvailable(displayName()
                + " holds no request logs, so unused keys cannot be told apart here."));
    }

    /** False for snapshots: nothing on them can change. */
    default boolean live() {
        return true;
    }

    /**
     * Whether key values can come from here at all: a server sends them (or leaves one out now and then); a
     * snapshot saved without {@code --include-secrets} holds none, so nothing should offer to show or copy one.
     */
    default boolean holdsKeyValues() {
        return true;
    }

    /** When the data was taken, for a source that never changes (a snapshot); empty for a live server. */
    default java.util.Optional<java.time.Instant> takenAt() {
        return java.util.Optional.empty();
    }
}
