package bifrostconsole.export;

import bifrostconsole.api.VirtualKey;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Writes keys on a thread of its own, so the next keys are parsed off the network while these are formatted and
 * written: on two cores an export is then bound by the slower of parsing and writing, not by their sum. Keys
 * travel in batches (a hand-over per key would wake the writer 100,000 times), and at most {@link #BATCHES_AHEAD}
 * batches wait, so memory stays flat: a few thousand parsed keys at most, whatever the export's size. Order is
 * kept: one queue, one writer.
 */
final class PipelinedKeyWriter implements KeyFileWriter, AutoCloseable {
    static final int BATCH = 256;
    static final int BATCHES_AHEAD = 8;
    /** The last batch: its own identity, never a batch of keys. */
    private static final List<VirtualKey> END = java.util.Collections.unmodifiableList(new ArrayList<>());

    private final KeyFileWriter target;
    private final BlockingQueue<List<VirtualKey>> queue = new ArrayBlockingQueue<>(BATCHES_AHEAD);
    private final Thread thread;
    private List<VirtualKey> batch = new ArrayList<>(BATCH);
    /** The writer's failure, handed to the producer at its next key or at {@link #finish()}. */
    private volatile IOException failure;
    private boolean finished;

    PipelinedKeyWriter(KeyFileWriter target) {
        this.target = target;
        this.thread = new Thread(this::drain, "export-writer");
        thread.setDaemon(true);
        thread.start();
    }

    /** Called by one thread at a time (the pager hands over one page after the other). */
    @Override
    public void accept(VirtualKey key) throws IOException {
        throwIfFailed();
        batch.add(key);
        if (batch.size() == BATCH) {
            handOver();
        }
    }

    /** Waits until every key is written, then lets the format write its trailer. */
    @Override
    public void finish() throws IOException {
        if (!batch.isEmpty()) {
            handOver();
        }
        finished = true;
        put(END);
        join();
        throwIfFailed();
        target.finish();
    }

    /** Stops the writer thread if the export ended early (a failure, a cancel); keys not yet written are dropped. */
    @Override
    public void close() {
        if (!finished) {
            finished = true;
            thread.interrupt();
            try {
                join();
            } catch (InterruptedIOException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void handOver() throws IOException {
        put(batch);
        batch = new ArrayList<>(BATCH);
    }

    private void put(List<VirtualKey> keys) throws IOException {
        try {
            queue.put(keys);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("export interrupted");
        }
    }

    private void join() throws InterruptedIOException {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("export interrupted");
        }
    }

    private void throwIfFailed() throws IOException {
        IOException f = failure;
        if (f != null) {
            throw f;
        }
    }

    private void drain() {
        try {
            for (List<VirtualKey> keys; (keys = queue.take()) != END; ) {
                if (failure == null) {
                    for (VirtualKey key : keys) {
                        target.accept(key);
                    }
                }
            }
        } catch (IOException e) {
            failure = e;
            drainUntilEnd();
        } catch (RuntimeException e) {
            failure = new IOException("could not write a key: " + e.getMessage(), e);
            drainUntilEnd();
        } catch (InterruptedException e) {
            // close(): the export ended without finish(); nothing more will come.
        }
    }

    /** After a failure, keeps taking batches so the producer never blocks on a full queue before it notices. */
    private void drainUntilEnd() {
        try {
            while (queue.take() != END) {
                // dropped: the export has failed
            }
        } catch (InterruptedException e) {
            // close()
        }
    }
}
