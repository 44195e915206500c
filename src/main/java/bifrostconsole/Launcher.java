package bifrostconsole;

import bifrostconsole.app.BifrostConsoleApp;
import bifrostconsole.cli.CommandLauncher;
import bifrostconsole.cli.Subcommands;
import bifrostconsole.startup.StartupClock;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The entry point for {@code java -jar}, {@code mvn javafx:run} and the installed launcher: a subcommand
 * when the first argument names one, otherwise the GUI. Not an {@code Application} subclass, so JavaFX can
 * be loaded from the class path.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        StartupClock.mark("main");
        List<String> list = Arrays.asList(args);
        if (!list.isEmpty() && (list.get(0).equals("--help") || list.get(0).equals("-h"))) {
            System.out.print(Subcommands.usage());
            return;
        }
        if (!list.isEmpty() && list.get(0).equals("--version")) {
            System.out.println("bifrost-console " + version());
            return;
        }
        // No command's name starts with a dash: the GUI's options (--demo, --smoke-test) skip making every command
        // to ask its name, which was part of the main thread's time before the toolkit starts.
        if (!list.isEmpty() && !list.get(0).startsWith("-") && Subcommands.find(list.get(0)).isPresent()) {
            System.exit(runCommand(list));
            return;
        }
        BifrostConsoleApp.launchGui(args);
    }

    /** A subcommand: in the installed console's command launcher when there is one, else in this process. */
    private static int runCommand(List<String> args) {
        Optional<Path> cli = CommandLauncher.handsOver(args.get(0)) ? CommandLauncher.besideThisLauncher()
                : Optional.empty();
        if (cli.isPresent()) {
            try {
                return CommandLauncher.run(cli.get(), args);
            } catch (IOException e) {
                // The command launcher is there but cannot be started: run the command here, only with other options.
                System.err.println("bifrost-console: " + cli.get() + " could not be started (" + e.getMessage()
                        + "); running the command in this process.");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 130;
            }
        }
        return Subcommands.find(args.get(0)).orElseThrow()
                .run(args.subList(1, args.size()), System.out, System.err, System.getenv());
    }

    public static String version() {
        String v = Launcher.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
