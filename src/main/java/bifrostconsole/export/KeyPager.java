package bifrostconsole.export;

import bifrostconsole.api.Page;
import bifrostconsole.api.VirtualKey;
import bifrostconsole.api.VirtualKeyQuery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Consumer;

/**
 * Walks every key matching a query in export mode (pages of up to 10,000, offset paging driven by the
 * server's {@code total_count}) and hands each key to a sink as it is parsed. Nothing is collected, so memory
 * stays flat however many keys match. Runs on the calling thread and returns when the last page is done.
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

    public record Outcome(long keys, long totalCount, int pages) {
    }

    private final KeyPageSource source;
    private final int pageSize;

    public KeyPager(KeyPageSource source) {
        this(source, EXPORT_PAGE_SIZE);
    }

    KeyPager(KeyPageSource source, int pageSize) {
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
        Counter counter = new Counter(sink, progress, cancellation);
        if (scope == ExportScope.CURRENT_PAGE) {
            Page<VirtualKey> page = fetch(query, counter);
            progress.progress(counter.done, counter.done);
            return new Outcome(counter.done, page.totalCount(), 1);
        }
        long offset = 0;
        int pages = 0;
        long total;
        while (true) {
            VirtualKeyQuery pageQuery = query.withExport(true).withLimit(pageSize).withOffset((int) offset);
            long before = counter.done;
            Page<VirtualKey> page = fetch(pageQuery, counter);
            pages++;
            long received = counter.done - before;
            total = page.totalCount();
            counter.total = total;
            offset += received;
            progress.progress(counter.done, Math.max(total, counter.done));
            // An empty page ends the walk even if total_count promised more (keys deleted meanwhile).
            if (received == 0 || offset >= total) {
                break;
            }
        }
        return new Outcome(counter.done, total, pages);
    }

    private Page<VirtualKey> fetch(VirtualKeyQuery query, Counter counter) throws IOException {
        try {
            return counter.cancellation.await(source.streamPage(query, counter));
        } catch (RuntimeException e) {
            // A failed write surfaces wrapped by the HTTP layer; report the disk's failure, not the network's.
            if (counter.writeFailure != null) {
                throw counter.writeFailure;
            }
            throw e;
        }
    }

    /** Counts keys, reports progress, and carries sink failures across the HTTP worker boundary. */
    private static final class Counter implements Consumer<VirtualKey> {
        private final KeySink sink;
        private final ProgressListener progress;
        private final Cancellation cancellation;
        private volatile long done;
        private volatile long total = -1;
        private volatile IOException writeFailure;

        Counter(KeySink sink, ProgressListener progress, Cancellation cancellation) {
            this.sink = sink;
            this.progress = progress;
            this.cancellation = cancellation;
        }

        @Override
        public void accept(VirtualKey key) {
            cancellation.throwIfCancelled();
            try {
                sink.accept(key);
            } catch (IOException e) {
                writeFailure = e;
                throw new UncheckedIOException(e);
            }
            long n = ++done; // one page at a time: a single writer thread
            if (n % PROGRESS_EVERY == 0) {
                progress.progress(n, total < 0 ? -1 : Math.max(total, n));
            }
        }
    }
}
