package bifrostconsole;

import bifrostconsole.app.BifrostConsoleApp;
import bifrostconsole.cli.Subcommands;
import bifrostconsole.startup.StartupClock;

import java.util.Arrays;
import java.util.List;

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
        if (!list.isEmpty() && Subcommands.find(list.get(0)).isPresent()) {
            int code = Subcommands.find(list.get(0)).get()
                    .run(list.subList(1, list.size()), System.out, System.err, System.getenv());
            System.exit(code);
            return;
        }
        BifrostConsoleApp.launchGui(args);
    }

    public static String version() {
        String v = Launcher.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
