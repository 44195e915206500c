package bifrostconsole.export;

import bifrostconsole.api.ApiException;
import bifrostconsole.api.KeyMetadata;
import bifrostconsole.api.Page;
import bifrostconsole.api.VirtualKey;
import bifrostconsole.api.VirtualKeyQuery;
import bifrostconsole.api.VirtualKeyStream;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Walks every key matching a query in export mode (pages of up to 10,000, offset paging driven by the
 * server's {@code total_count}) and hands each key to a sink as it is parsed. Nothing is collected, so memory
 * stays flat however many keys match. The next page is requested while the current one is read, so the
 * server's work overlaps ours; its keys wait until the current page is done, so order is kept. Runs on the
 * calling thread and returns when the last page is done.
 */
public final class KeyPager {
    /** Bifrost's cap for {@code export=true}. */
    public static final int EXPORT_PAGE_SIZE = 10_000;
    static final int PROGRESS_EVERY = 1_000;

    /** Receives keys; may write to a file, hence the IOException. */
    @FunctionalInterface
    public interface KeySink {
        void accept(VirtualKey key) throws IOException;
    }

    public record Outcome(long keys, long totalCount, int pages, ReadIntegrity integrity) {
        public Outcome(long keys, long totalCount, int pages) {
            this(keys, totalCount, pages, ReadIntegrity.CLEAN);
        }
    }

    private final KeyPageSource source;
    private final int pageSize;

    public KeyPager(KeyPageSource source) {
        this(source, EXPORT_PAGE_SIZE);
    }

    public KeyPager(KeyPageSource source, int pageSize) {
        this.source = source;
        this.pageSize = pageSize;
    }

    /**
     * Feeds {@code sink} with the keys of {@code query}: its one page for {@link ExportScope#CURRENT_PAGE},
     * or every matching key, from the first, for {@link ExportScope#ALL_MATCHING} (the query's limit and
     * offset are then replaced by export paging; search, filters and sort are kept).
     *
     * @throws IOException from the sink (a write failed)
     * @throws bifrostconsole.api.ApiException when the server fails
     * @throws java.util.concurrent.CancellationException when {@code cancellation} fired
     */
    public Outcome forEach(VirtualKeyQuery query, ExportScope scope, KeySink sink, ProgressListener progress,
                           Cancellation cancellation) throws IOException {
        return forEach(query, scope, KeyReading.model(VirtualKeyStream.fullReader()), sink::accept, progress,
                cancellation);
    }


    /** Receives keys as {@code reading} read them. */
    @FunctionalInterface
    public interface ItemSink<T> {
        void accept(T item) throws IOException;
    }

    /**
     * As above, each key read with {@code reading} (the model, or only what the sink writes); the pager's checks
     * (a key sent twice, the metadata filter, unreadable keys) use {@link KeyReading#facts}.
     */
    public <T> Outcome forEach(VirtualKeyQuery query, ExportScope scope, KeyReading<T> reading, ItemSink<T> sink,
                               ProgressListener progress, Cancellation cancellation) throws IOException {
        Counter<T> counter = new Counter<>(sink, progress, cancellation, query.metadata(), reading,
                scope == ExportScope.CURRENT_PAGE && query.limit() != null ? query.limit() : pageSize);
        if (scope == ExportScope.CURRENT_PAGE) {
            Page<VirtualKey> page = await(start(query, counter, null), counter);
            progress.progress(counter.done, counter.done);
            return new Outcome(counter.done, page.totalCount(), 1, counter.integrity(page.totalCount(),
                    page.totalCount(), false));
        }
        long offset = 0;
        int pages = 0;
        long total = -1;
        long firstTotal = -1;
        boolean changed = false;
        Fetch current = start(pageQuery(query, 0), counter, null);
        Fetch next = null;
        try {
            while (true) {
                cancellation.throwIfCancelled(); // no new request once the user has cancelled
                // Ask for the next page now, so the server prepares it while this one is parsed and written.
                // Its keys wait at a gate until this page is done. Only once total_count is known (after the
                // first page), so a small export never makes a request it does not need.
                long nextOffset = offset + pageSize;
                if (total >= 0 && nextOffset < total) {
                    next = start(pageQuery(query, nextOffset), counter, new CompletableFuture<>());
                    next.offset = nextOffset;
                }
                Page<VirtualKey> page = await(current, counter);
                pages++;
                long received = current.received;
                if (firstTotal < 0) {
                    firstTotal = page.totalCount();
                }
                // The list moved under us: its total changed, or a page came back short before the end.
                changed |= page.totalCount() != total && total >= 0
                        || received > 0 && received < Math.min(pageSize, page.limit() > 0 ? page.limit() : pageSize)
                        && offset + received < page.totalCount();
                total = page.totalCount();
                counter.total = total;
                // before the next page's keys pass its gate: the id set is sized for the whole read once
                counter.seen.expect(Math.min(total, offset + received + 4L * pageSize));
                offset += received;
                progress.progress(counter.done, Math.max(total, counter.done));
                // An empty page ends the walk even if total_count promised more (keys deleted meanwhile).
                if (received == 0 || offset >= total) {
                    break;
                }
                cancellation.throwIfCancelled();
                if (next == null || next.offset != offset) {
                    // The server sent fewer keys than asked (a lower cap): the speculative page is misplaced.
                    abandon(next);
                    next = start(pageQuery(query, offset), counter, null);
                }
                current = next;
                current.gate.complete(null);
                next = null;
            }
        } finally {
            abandon(next);
        }
        return new Outcome(counter.done, total, pages, counter.integrity(firstTotal, total, changed));
    }

    private VirtualKeyQuery pageQuery(VirtualKeyQuery query, long offset) {
        return query.withExport(true).withLimit(pageSize).withOffset((int) offset);
    }

    /** One page request in flight; its keys reach the sink only once its gate is open. */
    private static final class Fetch {
        final CompletableFuture<Void> gate;
        CompletableFuture<Page<VirtualKey>> result;
        long offset;
        /** Keys this page delivered: written by its HTTP thread, read after its future completed. */
        long received;

        Fetch(CompletableFuture<Void> gate) {
            this.gate = gate;
        }
    }

    private <T> Fetch start(VirtualKeyQuery query, Counter<T> counter, CompletableFuture<Void> gate) {
        Fetch fetch = new Fetch(gate == null ? CompletableFuture.completedFuture(null) : gate);
        fetch.result = source.streamPage(query, counter.reading, key -> {
            fetch.gate.join(); // runs on this request's HTTP thread: waits for the previous page to finish
            counter.accept(key);
            fetch.received++;
        });
        return fetch;
    }

    /** Stops a speculative request that is not needed (the walk ended, failed or was cancelled). */
    private static void abandon(Fetch fetch) {
        if (fetch != null) {
            fetch.gate.completeExceptionally(new CancellationException("page not needed"));
            fetch.result.cancel(true);
        }
    }

    private Page<VirtualKey> await(Fetch fetch, Counter<?> counter) throws IOException {
        try {
            return counter.cancellation.await(fetch.result);
        } catch (RuntimeException e) {
            // A failed write surfaces wrapped by the HTTP layer; report the disk's failure, not the network's.
            if (counter.writeFailure != null) {
                throw counter.writeFailure;
            }
            throw e;
        }
    }

    /**
     * Counts keys, reports progress, and carries sink failures across the HTTP worker boundary. Remembers every
     * id it passed on, so a key the server sends twice (offset paging while keys are deleted shifts the rest
     * back) is written once: 100,000 UUIDs are 4 MB ({@link KeyIds}).
     */
    private static final class Counter<T> implements Consumer<T> {
        private final ItemSink<T> sink;
        private final ProgressListener progress;
        private final Cancellation cancellation;
        private final KeyReading<T> reading;
        private final KeyIds seen;
        private long unreadable;
        private long duplicates;
        private volatile long done;
        private volatile long total = -1;
        private volatile IOException writeFailure;

        /** The metadata filter asked for: a key that does not match shows the server ignored it. */
        private final java.util.Map<String, String> metadata;

        Counter(ItemSink<T> sink, ProgressListener progress, Cancellation cancellation,
                java.util.Map<String, String> metadata, KeyReading<T> reading, int pageSize) {
            this.seen = new KeyIds(pageSize);
            this.metadata = metadata;
            this.sink = sink;
            this.reading = reading;
            this.progress = progress;
            this.cancellation = cancellation;
        }

        @Override
        public void accept(T item) {
            cancellation.throwIfCancelled();
            VirtualKey key = reading.facts(item);
            if (key.id() != null && !seen.add(key.id())) {
                duplicates++;
                return;
            }
            if (key.isUnreadable()) {
                unreadable++;
            } else if (!metadata.isEmpty() && !KeyMetadata.matches(key.metadata(), metadata)) {
                // Servers without metadata filters ignore them and send every key (API.md §4): exporting those
                // would pass the whole list off as the filtered one.
                throw new ApiException(ApiException.Kind.BAD_JSON, 200, null, "The server ignored the metadata"
                        + " filter and sent keys that do not match it (metadata filters need a Bifrost newer than"
                        + " 2.2.5); nothing more was exported.", null, null);
            }
            try {
                sink.accept(item);
            } catch (IOException e) {
                writeFailure = e;
                throw new UncheckedIOException(e);
            }
            long n = ++done; // one page at a time: a single writer thread
            if (n % PROGRESS_EVERY == 0) {
                progress.progress(n, total < 0 ? -1 : Math.max(total, n));
            }
        }

        ReadIntegrity integrity(long firstTotal, long lastTotal, boolean changed) {
            return new ReadIntegrity(unreadable, duplicates, changed || duplicates > 0, firstTotal, lastTotal);
        }
    }
}
