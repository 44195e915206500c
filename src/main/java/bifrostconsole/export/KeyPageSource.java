package bifrostconsole.export;

import bifrostconsole.api.GovernanceSource;
import bifrostconsole.api.ManagementApiClient;
import bifrostconsole.api.Page;
import bifrostconsole.api.VirtualKey;
import bifrostconsole.api.VirtualKeyQuery;
import bifrostconsole.api.VirtualKeyStream;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Where an export reads its keys from, one page at a time: each key is handed to the sink as it arrives and
 * the future completes with the page's envelope (count, total_count), whose items may be empty.
 */
@FunctionalInterface
public interface KeyPageSource {

    CompletableFuture<Page<VirtualKey>> streamPage(VirtualKeyQuery query, Consumer<VirtualKey> sink);

    /**
     * As {@link #streamPage(VirtualKeyQuery, Consumer)}, each key read with {@code reading}: off the server's stream
     * where keys are parsed here, else from the key this source holds.
     */
    default <T> CompletableFuture<Page<VirtualKey>> streamPage(VirtualKeyQuery query, KeyReading<T> reading,
                                                               Consumer<T> sink) {
        return streamPage(query, key -> sink.accept(reading.fromModel(key)));
    }

    /** A live server: keys are parsed and handed over one by one, so a 10,000-key page never sits in memory. */
    static KeyPageSource of(ManagementApiClient client) {
        return new KeyPageSource() {
            @Override
            public CompletableFuture<Page<VirtualKey>> streamPage(VirtualKeyQuery query, Consumer<VirtualKey> sink) {
                return client.streamVirtualKeys(query, sink);
            }

            @Override
            public <T> CompletableFuture<Page<VirtualKey>> streamPage(VirtualKeyQuery query, KeyReading<T> reading,
                                                                      Consumer<T> sink) {
                VirtualKeyStream.ScanDecoder<T> scan = reading.scanDecoder();
                return scan != null ? client.scanVirtualKeys(query, scan, sink)
                        : client.streamVirtualKeys(query, reading.decoder(), sink);
            }
        };
    }

    /**
     * Any governance source (a snapshot, a test double): the page is read whole and then handed over. Only
     * used where the source holds its data in memory already.
     */
    static KeyPageSource of(GovernanceSource source) {
        if (source instanceof ManagementApiClient client) {
            return of(client);
        }
        return (query, sink) -> source.listVirtualKeys(query).thenApply(page -> {
            page.items().forEach(sink);
            return Page.of(java.util.List.of(), page.count(), page.totalCount(), page.limit(), page.offset());
        });
    }
}
