package bifrostconsole.alerts;

import bifrostconsole.threads.BackgroundThreads;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * System notifications through the desktop's own command, run as a child process on a worker thread, so nothing
 * here needs AWT's tray (which the runtime image may drop) and the FX thread never waits:
 * <ul>
 *   <li>Linux and BSD: {@code notify-send} (libnotify) when it is on the PATH. Where it knows {@code --action}
 *   (libnotify 0.7.9 and later) the notification is clickable: with {@code --wait} it prints the action's name
 *   when clicked, and that runs {@code onClick}.</li>
 *   <li>macOS: {@code osascript -e 'display notification ...'}; macOS does not tell a script about a click, so
 *   clicking does nothing more than macOS does.</li>
 *   <li>Windows: none. Its toast notifications need a registered application id or a PowerShell module that is not
 *   installed by default, so there is no robust command; the window's own notifications remain.</li>
 * </ul>
 */
final class CommandNotifier implements SystemNotifier {
    static final String APP = "Bifrost Console";
    /** A clickable notify-send waits until its notification closes; after this long it is let go. */
    private static final long WAIT_MINUTES = 10;

    enum Kind { NOTIFY_SEND, OSASCRIPT }

    private final Kind kind;
    private final Path program;
    private final ExecutorService worker = Executors.newCachedThreadPool(BackgroundThreads.named("system-notifications"));
    private final Set<Process> live = ConcurrentHashMap.newKeySet();
    private volatile Boolean actions;

    /** The one notifier of this process, found on first use. */
    static final class Desktop {
        /** Headless (Monocle, as in the UI tests) there is no desktop session to notify. */
        static final SystemNotifier NOTIFIER = "Monocle".equals(System.getProperty("glass.platform"))
                ? unavailable("The console runs headless, so alerts show in the window only.")
                : detect(System.getProperty("os.name", ""), System.getenv("PATH"));

        private Desktop() {
        }
    }

    CommandNotifier(Kind kind, Path program) {
        this.kind = kind;
        this.program = program;
        // a notification still waiting for a click does not outlive the console
        Runtime.getRuntime().addShutdownHook(new Thread(() -> live.forEach(Process::destroy),
                "system-notifications-exit"));
    }

    /** What this operating system and PATH offer: a notifier, or one that says why there is none. */
    static SystemNotifier detect(String osName, String path) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            return unavailable("Windows offers no notification command the console can use without extra"
                    + " software, so alerts show in the window only.");
        }
        if (os.startsWith("mac")) {
            Path osascript = onPath("osascript", path);
            return osascript == null ? unavailable("osascript was not found, so alerts show in the window only.")
                    : new CommandNotifier(Kind.OSASCRIPT, osascript);
        }
        Path notifySend = onPath("notify-send", path);
        return notifySend == null ? unavailable("notify-send is not installed (package libnotify-bin or libnotify),"
                + " so alerts show in the window only.") : new CommandNotifier(Kind.NOTIFY_SEND, notifySend);
    }

    private static SystemNotifier unavailable(String reason) {
        return new SystemNotifier() {
            @Override
            public String unavailableReason() {
                return reason;
            }

            @Override
            public void send(String title, String text, Runnable onClick) {
            }
        };
    }

    /** The first executable {@code name} in the PATH's folders, or null. */
    static Path onPath(String name, String path) {
        if (path == null) {
            return null;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (dir.isBlank()) {
                continue;
            }
            Path candidate = Path.of(dir, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    @Override
    public String unavailableReason() {
        return null;
    }

    @Override
    public void send(String title, String text, Runnable onClick) {
        worker.execute(() -> run(title, text, onClick));
    }

    /** The command line for one notification; {@code clickable} asks notify-send for an action and to wait. */
    static List<String> command(Kind kind, Path program, String title, String text, boolean clickable) {
        List<String> cmd = new ArrayList<>();
        cmd.add(program.toString());
        if (kind == Kind.OSASCRIPT) {
            cmd.add("-e");
            cmd.add("display notification " + appleString(text) + " with title " + appleString(APP)
                    + " subtitle " + appleString(title));
            return cmd;
        }
        cmd.add("--app-name=" + APP);
        cmd.add("--icon=dialog-warning");
        cmd.add("--urgency=normal");
        if (clickable) {
            cmd.add("--action=default=Open");
            cmd.add("--wait");
        }
        cmd.add("--"); // a title that starts with "-" is not an option
        cmd.add(title);
        cmd.add(markupEscaped(text));
        return cmd;
    }

    /** An AppleScript string literal. */
    static String appleString(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** Notification servers may read the body as markup: a key named "a&b" must not break it. */
    static String markupEscaped(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private void run(String title, String text, Runnable onClick) {
        boolean clickable = kind == Kind.NOTIFY_SEND && onClick != null && supportsActions();
        Process p;
        try {
            p = new ProcessBuilder(command(kind, program, title, text, clickable)).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.PIPE).start();
        } catch (IOException e) {
            return; // the desktop refused: the window's own notification was shown anyway
        }
        live.add(p);
        CompletableFuture.delayedExecutor(WAIT_MINUTES, TimeUnit.MINUTES).execute(p::destroy);
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(),
                StandardCharsets.UTF_8))) {
            p.getOutputStream().close();
            for (String line; (line = out.readLine()) != null; ) {
                if (clickable && line.strip().equals("default")) {
                    onClick.run();
                }
            }
        } catch (IOException e) {
            // the process went away: nothing more to hear
        } finally {
            live.remove(p);
        }
    }

    /** Whether this notify-send knows {@code --action} (asked once, from its help, on the worker). */
    private boolean supportsActions() {
        Boolean known = actions;
        if (known == null) {
            known = false;
            try {
                Process help = new ProcessBuilder(program.toString(), "--help").redirectErrorStream(true).start();
                byte[] out = help.getInputStream().readAllBytes();
                known = help.waitFor(3, TimeUnit.SECONDS)
                        && new String(out, StandardCharsets.UTF_8).contains("--action");
            } catch (IOException e) {
                known = false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            actions = known;
        }
        return known;
    }
}
