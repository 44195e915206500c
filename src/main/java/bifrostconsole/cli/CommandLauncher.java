package bifrostconsole.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * In an installed console, runs a command in the launcher made for commands ({@code bin/bifrost-console-cli})
 * instead of the window's launcher. A jpackage launcher has one set of java options, and the two kinds of work want
 * different ones: the window starts fastest with an AOT cache and C2 held back, while a long export wants a small
 * fixed heap and a serial collector (peak memory flat at about 150 MB whatever the number of keys) and the
 * optimising compiler as soon as it pays. The command's output, input and exit code are its own; the window's JVM
 * only waits for it. Outside an app-image ({@code java -jar}, {@code mvn}) commands run in the same process.
 */
public final class CommandLauncher {
    /** The command launcher's name; jpackage adds its platform suffix. */
    public static final String NAME = "bifrost-console-cli";
    static final String JPACKAGE_LAUNCHER_VARIABLE = "_JPACKAGE_LAUNCHER";
    /** How long the window's JVM waits, on Ctrl+C, for the command to clean up (a half-written export file). */
    private static final long INTERRUPT_GRACE_SECONDS = 10;

    private CommandLauncher() {
    }

    /**
     * The command launcher beside this process's launcher, when this process is an installed console's window
     * launcher ({@code jpackage.app-path} names the launcher binary); empty in the command launcher itself and
     * outside an app-image.
     */
    public static Optional<Path> besideThisLauncher() {
        String appPath = System.getProperty("jpackage.app-path");
        if (appPath == null || appPath.isBlank()) {
            return Optional.empty();
        }
        return besideLauncher(Path.of(appPath));
    }

    static Optional<Path> besideLauncher(Path launcher) {
        String self = launcher.getFileName().toString();
        if (self.startsWith(NAME)) {
            return Optional.empty();
        }
        String suffix = self.endsWith(".exe") ? ".exe" : "";
        Path cli = launcher.resolveSibling(NAME + suffix);
        return Files.isExecutable(cli) ? Optional.of(cli) : Optional.empty();
    }

    /**
     * Runs {@code args} (a subcommand and its options) in {@code cli} with this process's standard streams and
     * returns its exit code. On Ctrl+C both processes get the signal; this one then waits a little for the command
     * to finish its own clean-up, so the shell's prompt does not come back before the command has stopped.
     */
    public static int run(Path cli, List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(cli.toString());
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        // Set by the window's launcher for its own JVM; a launcher that finds it set acts as a plain java launcher
        // and would take the subcommand for a main class.
        builder.environment().remove(JPACKAGE_LAUNCHER_VARIABLE);
        Process process = builder.start();
        Thread waitOnInterrupt = new Thread(() -> {
            try {
                process.waitFor(INTERRUPT_GRACE_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "wait-for-command");
        Runtime.getRuntime().addShutdownHook(waitOnInterrupt);
        int code = process.waitFor();
        Runtime.getRuntime().removeShutdownHook(waitOnInterrupt);
        return code;
    }
}
