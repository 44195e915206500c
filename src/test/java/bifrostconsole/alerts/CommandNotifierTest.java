package bifrostconsole.alerts;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The desktop commands: which one each system gets, the exact command line, and a real run of a stand-in. */
class CommandNotifierTest {
    @TempDir
    Path bin;

    private Path executable(String name, String script) throws Exception {
        Path file = bin.resolve(name);
        Files.writeString(file, "#!/bin/sh\n" + script);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    @Test
    void eachSystemGetsItsCommandOrASentenceWhyNot() throws Exception {
        assertTrue(CommandNotifier.detect("Linux", "").unavailableReason().contains("notify-send is not installed"));
        assertTrue(CommandNotifier.detect("Windows 11", bin.toString()).unavailableReason().startsWith("Windows"));
        assertFalse(CommandNotifier.detect("Mac OS X", bin.toString()).available(), "no osascript here");
        executable("notify-send", "exit 0\n");
        executable("osascript", "exit 0\n");
        String path = "/nonexistent" + java.io.File.pathSeparator + bin;
        assertNull(CommandNotifier.detect("Linux", path).unavailableReason());
        assertNull(CommandNotifier.detect("Mac OS X", path).unavailableReason());
    }

    @Test
    void theCommandLines() {
        Path notify = Path.of("/usr/bin/notify-send");
        assertEquals(List.of("/usr/bin/notify-send", "--app-name=Bifrost Console", "--icon=dialog-warning",
                        "--urgency=normal", "--action=default=Open", "--wait", "--", "-odd name",
                        "Used up: a&amp;b &lt;key&gt;"),
                CommandNotifier.command(CommandNotifier.Kind.NOTIFY_SEND, notify, "-odd name",
                        "Used up: a&b <key>", true));
        assertFalse(CommandNotifier.command(CommandNotifier.Kind.NOTIFY_SEND, notify, "t", "x", false)
                .contains("--wait"), "an old notify-send is not asked to wait for a click it cannot report");
        assertEquals(List.of("/usr/bin/osascript", "-e", "display notification \"85% used \\\"daily\\\"\" with title"
                        + " \"Bifrost Console\" subtitle \"key \\\\ one\""),
                CommandNotifier.command(CommandNotifier.Kind.OSASCRIPT, Path.of("/usr/bin/osascript"), "key \\ one",
                        "85% used \"daily\"", false));
    }

    @Test
    void aClickReportedByNotifySendRunsTheCallback() throws Exception {
        Path args = bin.resolve("args.txt");
        // a stand-in notify-send: knows --action, records its arguments, and reports a click on the default action
        executable("notify-send", "if [ \"$1\" = --help ]; then echo '  -A, --action=[NAME=]Text...'; exit 0; fi\n"
                + "printf '%s\\n' \"$@\" > '" + args + "'\necho default\n");
        SystemNotifier notifier = CommandNotifier.detect("Linux", bin.toString());
        CountDownLatch clicked = new CountDownLatch(1);
        notifier.send("checkout-prod", "Used up: key, daily.", clicked::countDown);
        assertTrue(clicked.await(20, TimeUnit.SECONDS), "the click came back");
        List<String> sent = Files.readAllLines(args);
        assertTrue(sent.contains("--action=default=Open") && sent.contains("--wait"), sent.toString());
        assertEquals(List.of("--", "checkout-prod", "Used up: key, daily."), sent.subList(sent.size() - 3,
                sent.size()));
    }
}
