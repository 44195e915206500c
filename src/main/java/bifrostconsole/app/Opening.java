package bifrostconsole.app;

import bifrostconsole.api.ManagementApiClient;
import bifrostconsole.api.Page;
import bifrostconsole.api.VirtualKey;
import bifrostconsole.api.VirtualKeyQuery;

import java.util.concurrent.CompletableFuture;

/**
 * What a server is opened with: its version and the first page of keys the browser shows, asked for together.
 * The page proves the key and the server as a count-only request did, and the browser shows it as it came, so
 * the window waits for one round of requests instead of three in a row.
 *
 * @param firstPageQuery the query {@code firstPage} answers: the browser shows it only while that is its own
 */
record Opening(ManagementApiClient client, String version, VirtualKeyQuery firstPageQuery,
               Page<VirtualKey> firstPage) {

    static CompletableFuture<Opening> request(ManagementApiClient client, VirtualKeyQuery firstPageQuery) {
        return client.version().thenCombine(client.listVirtualKeys(firstPageQuery),
                (version, page) -> new Opening(client, version, firstPageQuery, page));
    }
}
