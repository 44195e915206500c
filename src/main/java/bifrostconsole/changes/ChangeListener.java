package bifrostconsole.changes;

/** Hears each key's outcome as a run goes, on the executor the run was started with (the UI's, in the window). */
@FunctionalInterface
public interface ChangeListener {
    ChangeListener NONE = (outcome, finished, total) -> { };

    /** {@code finished} of {@code total} keys have ended, this one last. */
    void outcome(KeyOutcome outcome, int finished, int total);
}
