package bifrostconsole.alerts;

/**
 * A notification from the desktop itself (the notification centre, outside the console's window), for alerts that
 * arrive while the window is in the background. Implementations never block the caller and never need AWT: the
 * runtime image may drop {@code java.desktop}'s tray support.
 */
public interface SystemNotifier {

    /** The desktop offers nothing the console can reach. */
    SystemNotifier NONE = new SystemNotifier() {
        @Override
        public String unavailableReason() {
            return "This desktop offers no notifications the console can send.";
        }

        @Override
        public void send(String title, String text, Runnable onClick) {
        }
    };

    /** Null when notifications can be sent; otherwise one sentence saying why not. */
    String unavailableReason();

    default boolean available() {
        return unavailableReason() == null;
    }

    /**
     * Shows one notification and returns at once. {@code onClick} runs, on a worker thread, if the user clicks it
     * and the desktop reports that (not every desktop does). Neither text may hold a secret.
     */
    void send(String title, String text, Runnable onClick);

    /** This desktop's, found once: {@link CommandNotifier} where a notification command is on the PATH. */
    static SystemNotifier forThisDesktop() {
        return CommandNotifier.Desktop.NOTIFIER;
    }
}
