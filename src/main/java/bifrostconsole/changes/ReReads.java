package bifrostconsole.changes;

import bifrostconsole.api.GovernanceSource;
import bifrostconsole.api.Page;
import bifrostconsole.api.VirtualKey;
import bifrostconsole.api.VirtualKeyQuery;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The lost-update guard's re-read of each key, just before its write.
 *
 * <p>A run of one key, or of a few, reads each key on its own ({@code GET …/virtual-keys/{id}}). A bulk run reads
 * the keys a page at a time instead: the server's own list ({@code limit=}{@value #PAGE}, its default order,
 * {@code created_at} then {@code id}), one page as the run's writes reach it, and the run goes through its keys in
 * that same order ({@link #order}). Each key's copy from the page is then compared, updated_at and content, just
 * before its write, exactly as a GET's copy would be; the copy is at most one page of writes old (at
 * {@link ChangeEngine#DEFAULT_CONCURRENCY} at a time, about {@value #PAGE}/4 round trips) rather than one round
 * trip, and never older than {@link #MAX_COPY_AGE} (an older copy is not used). A key the pages do not hold where it should be (deleted, or the pages shifted because keys were deleted
 * meanwhile) is read on its own, so every key is still compared with a fresh copy. When the gateway holds so
 * many keys that reading its pages would cost more requests than reading the run's keys one by one, the first
 * page says so and the run reads key by key.
 *
 * <p>Thread-safe: the run's workers call {@link #of} from the client's threads.
 */
final class ReReads {
    /** Keys per page read: Bifrost's default page, which keeps the copies at most that many writes old. */
    static final int PAGE = 25;
    /** Runs smaller than this read key by key: a page would not save enough to be worth the wider window. */
    static final int PAGED_FROM = PAGE;
    /**
     * A page's copy older than this when its key's turn comes (a stalled run, a slow server) is not used: the key
     * is read again on its own, so the guard never compares with a copy older than this, however the run goes.
     */
    static final java.time.Duration MAX_COPY_AGE = java.time.Duration.ofSeconds(2);

    private static final Comparator<VirtualKey> SERVER_ORDER = Comparator.comparing(VirtualKey::createdAt)
            .thenComparing(VirtualKey::id);

    private final GovernanceSource client;
    private final Set<String> wanted = new HashSet<>();
    private final Map<String, VirtualKey> read = new HashMap<>();
    /** When each copy in {@link #read} came in ({@link #nanos}). */
    private final Map<String, Long> readAt = new HashMap<>();
    private final java.util.function.LongSupplier nanos;
    private final Set<String> taken = new HashSet<>();
    private boolean paged;
    private boolean decided;
    private boolean ended;
    private int offset;
    private VirtualKey last; // the last key of the last page read: the sweep has passed every key before it
    private CompletableFuture<Void> fetching;
    private final int keyCount;

    private ReReads(GovernanceSource client, List<KeyPlan> plans, java.util.function.LongSupplier nanos) {
        this.client = client;
        this.nanos = nanos;
        for (KeyPlan p : plans) {
            if (pageable(p)) {
                wanted.add(p.seen().id());
            }
        }
        this.keyCount = wanted.size();
        this.paged = keyCount >= PAGED_FROM;
    }

    /** The re-reads for a run of {@code plans}. */
    static ReReads forRun(GovernanceSource client, List<KeyPlan> plans) {
        return forRun(client, plans, System::nanoTime);
    }

    /** As {@link #forRun(GovernanceSource, List)}, telling the age of page copies by {@code nanos}. */
    static ReReads forRun(GovernanceSource client, List<KeyPlan> plans, java.util.function.LongSupplier nanos) {
        return new ReReads(client, plans, nanos);
    }

    /** Whether the run reads pages (it may still fall back to key by key after the first one). */
    synchronized boolean paged() {
        return paged;
    }

    /**
     * The order to go through {@code plans} in: the server's list order when reading pages, else as given.
     * Outcomes are still reported in the plans' own order.
     */
    int[] order(List<KeyPlan> plans) {
        Integer[] indexes = new Integer[plans.size()];
        for (int i = 0; i < indexes.length; i++) {
            indexes[i] = i;
        }
        if (paged()) {
            // Keys without a page position (creates) first; the sort is stable, so the rest keeps its order.
            java.util.Arrays.sort(indexes, Comparator.comparing((Integer i) -> pageable(plans.get(i)) ? 1 : 0)
                    .thenComparing((a, b) -> pageable(plans.get(a)) && pageable(plans.get(b))
                            ? SERVER_ORDER.compare(plans.get(a).seen(), plans.get(b).seen()) : 0));
        }
        int[] order = new int[indexes.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = indexes[i];
        }
        return order;
    }

    private static boolean pageable(KeyPlan p) {
        return p.ready() && p.seen() != null && p.seen().createdAt() != null && p.seen().id() != null
                && !p.seen().isUnreadable();
    }

    /** The key as the server has it now, for the guard. Completes exceptionally as a GET would (e.g. 404). */
    CompletableFuture<VirtualKey> of(KeyPlan plan) {
        CompletableFuture<VirtualKey> result = new CompletableFuture<>();
        safely(plan, result);
        return result;
    }

    /** Whatever goes wrong ends this key's re-read (the key fails, nothing is sent), never the run. */
    private void safely(KeyPlan plan, CompletableFuture<VirtualKey> result) {
        try {
            attempt(plan, result);
        } catch (Throwable t) {
            result.completeExceptionally(t);
        }
    }

    /**
     * Hands over the page's copy, or reads the key on its own, or waits for the next page and tries again. Each
     * try registers on the page in flight and returns, so a long stretch of pages without this run's keys costs
     * no stack.
     */
    private void attempt(KeyPlan plan, CompletableFuture<VirtualKey> result) {
        CompletableFuture<Void> wait;
        boolean alone = false;
        synchronized (this) {
            String id = plan.keyId();
            VirtualKey copy = null;
            if (!paged || !wanted.contains(id) || taken.contains(id)) {
                alone = true;
            } else if ((copy = read.remove(id)) != null) {
                taken.add(id);
                Long at = readAt.remove(id);
                if (at == null || nanos.getAsLong() - at > MAX_COPY_AGE.toNanos()) {
                    copy = null; // too old to vouch for the key now: read it on its own
                    alone = true;
                }
            } else if (ended || (last != null && SERVER_ORDER.compare(plan.seen(), last) <= 0)) {
                // The pages went past where it was and did not hold it: read it on its own.
                taken.add(id);
                alone = true;
            }
            if (copy != null) {
                result.complete(copy);
                return;
            }
            if (alone) {
                wait = null;
            } else {
                wait = fetching != null ? fetching : nextPage();
            }
        }
        if (alone) {
            client.getVirtualKey(plan.keyId()).whenComplete((key, failure) -> {
                if (failure != null) {
                    result.completeExceptionally(failure);
                } else {
                    result.complete(key);
                }
            });
        } else {
            wait.whenComplete((v, f) -> safely(plan, result));
        }
    }

    /**
     * Starts reading the next page and returns it, completing once the page is taken in; the keys of this run
     * it holds wait in {@link #read} for their turn.
     * {@link #fetching} is set before the request goes out and completes after the page is taken in: an answer
     * quick enough to arrive before this method returns must not leave a finished page "in flight".
     */
    private CompletableFuture<Void> nextPage() {
        CompletableFuture<Void> page = new CompletableFuture<>();
        fetching = page;
        int from = offset;
        CompletableFuture<Page<VirtualKey>> request;
        try {
            request = client.listVirtualKeys(VirtualKeyQuery.all().withLimit(PAGE).withOffset(from));
        } catch (RuntimeException e) {
            request = CompletableFuture.failedFuture(e);
        }
        request.whenComplete((answer, failure) -> {
            try {
                takeIn(page, from, answer, failure);
            } finally {
                page.complete(null);
            }
        });
        return page;
    }

    private synchronized void takeIn(CompletableFuture<Void> page, int from, Page<VirtualKey> answer,
                                     Throwable failure) {
        if (fetching == page) {
            fetching = null;
        }
        try {
            if (failure != null) {
                paged = false; // every key left is read on its own, and fails there if it must
                return;
            }
            takeIn(from, answer);
        } catch (RuntimeException e) {
            paged = false;
        }
        if (!paged) {
            read.clear();
            readAt.clear();
        }
    }

    private void takeIn(int from, Page<VirtualKey> page) {
        if (!decided) {
            decided = true;
            // The pages up to the run's last key cost at most totalCount / PAGE requests.
            if ((page.totalCount() + PAGE - 1) / PAGE > keyCount / 2) {
                paged = false;
            }
        }
        List<VirtualKey> items = new ArrayList<>(page.items());
        long now = nanos.getAsLong();
        for (VirtualKey k : items) {
            if (!k.isUnreadable() && k.id() != null && wanted.contains(k.id())
                    && !taken.contains(k.id())) {
                read.put(k.id(), k);
                readAt.put(k.id(), now);
            }
        }
        VirtualKey lastReadable = null;
        for (int i = items.size() - 1; i >= 0 && lastReadable == null; i--) {
            VirtualKey k = items.get(i);
            lastReadable = k.isUnreadable() || k.createdAt() == null || k.id() == null ? null : k;
        }
        if (lastReadable != null) {
            last = lastReadable;
        }
        offset = from + items.size();
        if (items.isEmpty() || offset >= page.totalCount()) {
            ended = true;
        }
    }
}
