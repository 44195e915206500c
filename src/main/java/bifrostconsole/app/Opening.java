package bifrostconsole.app;

import bifrostconsole.api.ManagementApiClient;
import bifrostconsole.api.Page;
import bifrostconsole.api.VirtualKey;
import bifrostconsole.api.VirtualKeyQuery;
import bifrostconsole.keys.KeyRow;
import bifrostconsole.startup.StartupClock;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * What a server is opened with: its version and the first page of keys the browser shows, asked for together.
 * The page proves the key and the server as a count-only request did, and the browser shows it as it came, so
 * the window waits for one round of requests instead of three in a row.
 *
 * @param firstPageQuery the query {@code firstPage} answers: the browser shows it only while that is its own
 * @param firstRows      the table's rows of {@code firstPage}, made off the FX thread as the page came; null when
 *                       the browser makes them
 */
record Opening(ManagementApiClient client, String version, VirtualKeyQuery firstPageQuery,
               Page<VirtualKey> firstPage, List<KeyRow> firstRows) {

    static CompletableFuture<Opening> request(ManagementApiClient client, VirtualKeyQuery firstPageQuery) {
        return request(client, firstPageQuery, null);
    }

    /**
     * Also makes the first page's rows with {@code rows} on the thread the page arrives on (not the FX thread): a
     * cold start spent some 5% of the FX thread's time up to the first page making them (README, Performance).
     */
    static CompletableFuture<Opening> request(ManagementApiClient client, VirtualKeyQuery firstPageQuery,
                                              Function<Page<VirtualKey>, List<KeyRow>> rows) {
        return client.version().thenCombine(client.listVirtualKeys(firstPageQuery).thenApply(page -> {
                    StartupClock.mark("first page answered");
                    return page;
                }), (version, page) -> {
                    List<KeyRow> made = rows == null ? null : rows.apply(page);
                    StartupClock.mark("opening ready");
                    return new Opening(client, version, firstPageQuery, page, made);
                });
    }
}
