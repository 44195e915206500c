package bifrostconsole.export;

import bifrostconsole.config.AtomicFiles;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * The export engine shared by the command line and the Export dialog: pages of keys are fetched and written
 * as they arrive, so memory stays flat at any number of keys. A file is written to a temporary file and
 * renamed over the target only when complete, so a failure or a cancel never leaves a truncated file in place
 * of a good one.
 */
public final class KeyExporter {
    private static final int BUFFER = 64 * 1024;

    private final KeyPager pager;
    private final Clock clock;

    public KeyExporter(KeyPageSource source) {
        this(new KeyPager(source), Clock.systemUTC());
    }

    public KeyExporter(KeyPager pager, Clock clock) {
        this.pager = pager;
        this.clock = clock;
    }

    /** Exports into {@code target} atomically; blocks the calling thread until done. */
    public ExportResult toFile(Path target, ExportRequest request, ProgressListener progress,
                               Cancellation cancellation) throws IOException {
        Instant start = clock.instant();
        KeyPager.Outcome[] outcome = new KeyPager.Outcome[1];
        AtomicFiles.write(target, out -> outcome[0] = write(out, request, progress, cancellation, start));
        return result(outcome[0], target, start);
    }

    /** Exports to a stream (standard output); the stream is flushed, not closed. */
    public ExportResult toStream(OutputStream out, ExportRequest request, ProgressListener progress,
                                 Cancellation cancellation) throws IOException {
        Instant start = clock.instant();
        KeyPager.Outcome outcome = write(out, request, progress, cancellation, start);
        return result(outcome, null, start);
    }

    /**
     * {@link #toFile} on {@code background}; cancelling the returned future cancels the export (the target
     * is left as it was). Failures complete the future with the {@code ApiException}, {@code IOException} or
     * {@code CancellationException} itself.
     */
    public CompletableFuture<ExportResult> toFileAsync(Path target, ExportRequest request, ProgressListener progress,
                                                       Executor background) {
        Cancellation cancellation = new Cancellation();
        CompletableFuture<ExportResult> result = new CompletableFuture<>();
        result.whenComplete((r, failure) -> {
            if (result.isCancelled()) {
                cancellation.cancel();
            }
        });
        background.execute(() -> {
            try {
                result.complete(toFile(target, request, progress, cancellation));
            } catch (IOException | RuntimeException e) {
                result.completeExceptionally(e instanceof CompletionException && e.getCause() != null
                        ? e.getCause() : e);
            }
        });
        return result;
    }

    private KeyPager.Outcome write(OutputStream raw, ExportRequest request, ProgressListener progress,
                                   Cancellation cancellation, Instant now) throws IOException {
        BufferedOutputStream out = new BufferedOutputStream(raw, BUFFER);
        KeyFileWriter writer = request.format().open(out, request.includeSecrets(), request.rawCsv(), now);
        KeyPager.Outcome outcome = forEach(request, writer.streaming(), progress, cancellation);
        writer.finish();
        out.flush();
        return outcome;
    }

    private <T> KeyPager.Outcome forEach(ExportRequest request, KeyFileWriter.Streaming<T> streaming,
                                         ProgressListener progress, Cancellation cancellation) throws IOException {
        return pager.forEach(request.query(), request.scope(), streaming.reading(), streaming.sink(), progress,
                cancellation);
    }

    private ExportResult result(KeyPager.Outcome outcome, Path target, Instant start) {
        return new ExportResult(outcome.keys(), outcome.totalCount(), outcome.pages(), target,
                Duration.between(start, clock.instant()), outcome.integrity());
    }
}
