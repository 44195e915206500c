package bifrostconsole.export;

/**
 * Told how far a long operation has come. Called on the worker thread, at most every
 * {@link KeyPager#PROGRESS_EVERY} keys and at each page's end; a GUI hands the numbers to its UI thread.
 */
@FunctionalInterface
public interface ProgressListener {
    /** {@code total} is -1 until the server has said how many keys match. */
    void progress(long done, long total);

    ProgressListener NONE = (done, total) -> {
    };
}
