package bifrostconsole.cli;

import bifrostconsole.export.ProgressListener;

import java.io.PrintStream;
import java.util.Locale;

/** One self-overwriting progress line on a terminal's stderr: "Exporting: 20,000 of 100,000 keys (20%)". */
final class TerminalProgress implements ProgressListener {
    private final PrintStream err;
    private final String verb;
    private boolean shown;

    TerminalProgress(PrintStream err, String verb) {
        this.err = err;
        this.verb = verb;
    }

    @Override
    public synchronized void progress(long done, long total) {
        String line = total < 0
                ? String.format(Locale.ROOT, "%s: %,d keys", verb, done)
                : String.format(Locale.ROOT, "%s: %,d of %,d keys (%d%%)", verb, done, total,
                total == 0 ? 100 : done * 100 / total);
        err.print("\r" + line + "   ");
        err.flush();
        shown = true;
    }

    /** Ends the progress line so the next message starts on its own line. */
    synchronized void done() {
        if (shown) {
            err.println();
            shown = false;
        }
    }
}
