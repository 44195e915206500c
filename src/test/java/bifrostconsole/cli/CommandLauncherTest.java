package bifrostconsole.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CommandLauncherTest {
    @TempDir
    Path bin;

    @Test
    void theWindowLauncherHandsCommandsToTheCommandLauncherBesideIt() throws Exception {
        Path window = executable("bifrost-console");
        Path cli = executable("bifrost-console-cli");

        assertEquals(Optional.of(cli), CommandLauncher.besideLauncher(window));
    }

    @Test
    void theCommandLauncherRunsCommandsItselfSoTheyAreNeverHandedOnTwice() throws Exception {
        executable("bifrost-console");
        Path cli = executable("bifrost-console-cli");

        assertEquals(Optional.empty(), CommandLauncher.besideLauncher(cli));
    }

    @Test
    void anImageWithoutACommandLauncherRunsCommandsInTheWindowLauncher() throws Exception {
        Path window = executable("bifrost-console");

        assertEquals(Optional.empty(), CommandLauncher.besideLauncher(window));
    }

    @Test
    void onWindowsTheCommandLauncherHasTheExeSuffixToo() throws Exception {
        Path window = executable("bifrost-console.exe");
        Path cli = executable("bifrost-console-cli.exe");

        assertEquals(Optional.of(cli), CommandLauncher.besideLauncher(window));
    }

    private Path executable(String name) throws Exception {
        Path file = Files.writeString(bin.resolve(name), "#!/bin/sh\n");
        file.toFile().setExecutable(true);
        return file;
    }
}
