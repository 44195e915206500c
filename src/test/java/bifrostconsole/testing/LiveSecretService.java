package bifrostconsole.testing;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real Secret Service for one test, on a D-Bus session bus of its own: {@code dbus-daemon} with a configuration
 * that activates no services (so nothing else starts on it, and a keyring that is stopped stays stopped), then
 * {@code gnome-keyring-daemon --unlock --components=secrets} with the keyring password on its standard input and its
 * home, data and control folders under {@code target/}, so neither the user's keyring nor the temp folder is used.
 * {@code secret-tool} and {@code gdbus} look at it from outside the JVM.
 *
 * <p>When the programs are missing the test is skipped with the reason, unless {@code -Dsecretservice.required=true}
 * (CI), which makes it fail instead.
 */
public final class LiveSecretService implements AutoCloseable {
    public static final String REQUIRED_PROPERTY = "secretservice.required";
    private static final List<String> PROGRAMS = List.of("dbus-daemon", "gnome-keyring-daemon", "secret-tool", "gdbus");
    private static final String PASSWORD = "live-secret-service-test";
    private static final long START_SECONDS = 20;

    private final Path home;
    private final Path socketDir;
    private final Process bus;
    private final String address;
    private Process keyring;

    private LiveSecretService(Path home, Path socketDir, Process bus, String address) {
        this.home = home;
        this.socketDir = socketDir;
        this.bus = bus;
        this.address = address;
    }

    /**
     * Starts a bus and an unlocked keyring on it; skips the calling test (or fails it, when required) if the
     * programs are not installed.
     */
    public static LiveSecretService start() throws IOException, InterruptedException {
        List<String> missing = PROGRAMS.stream().filter(p -> onPath(p).isEmpty()).toList();
        if (!missing.isEmpty()) {
            skipOrFail("No Secret Service to test against: " + String.join(", ", missing) + " not installed"
                    + " (apt-get install dbus-daemon gnome-keyring libsecret-tools libglib2.0-bin)");
        }
        try {
            return startDaemons();
        } catch (IllegalStateException e) {
            // Installed but not startable here (a sandbox without unix sockets, say): the same rule as missing.
            return skipOrFail("No Secret Service to test against: " + e.getMessage());
        }
    }

    private static LiveSecretService skipOrFail(String reason) {
        if (Boolean.getBoolean(REQUIRED_PROPERTY)) {
            Assertions.fail(reason + ", and -D" + REQUIRED_PROPERTY + "=true says this suite must run");
        }
        Assumptions.abort(reason);
        throw new AssertionError("unreachable");
    }

    private static LiveSecretService startDaemons() throws IOException, InterruptedException {
        Path home = Files.createDirectories(Path.of("target", "secret-service")).toAbsolutePath()
                .resolve("home-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
        Files.createDirectories(home.resolve("data"));
        // A runtime folder must be the user's alone (XDG base directory spec); gnome-keyring refuses others.
        Files.createDirectories(home.resolve("run"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        // A unix socket path may be at most 107 bytes, which a deep checkout exceeds: the socket alone goes to /tmp.
        Path socketDir = Files.createTempDirectory("ss-bus");
        Path config = home.resolve("bus.conf");
        Files.writeString(config, """
                <!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
                 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
                <busconfig>
                  <type>session</type>
                  <listen>unix:dir=%s</listen>
                  <auth>EXTERNAL</auth>
                  <policy context="default">
                    <allow send_destination="*" eavesdrop="true"/>
                    <allow eavesdrop="true"/>
                    <allow own="*"/>
                  </policy>
                </busconfig>
                """.formatted(socketDir));
        Process bus = new ProcessBuilder("dbus-daemon", "--config-file=" + config, "--nofork", "--print-address=1")
                .redirectError(home.resolve("dbus-daemon.log").toFile()).start();
        String address = new BufferedReader(new InputStreamReader(bus.getInputStream(), StandardCharsets.UTF_8))
                .readLine();
        if (address == null || address.isBlank()) {
            bus.destroyForcibly();
            throw new IllegalStateException("dbus-daemon printed no address: see " + home.resolve("dbus-daemon.log"));
        }
        LiveSecretService service = new LiveSecretService(home, socketDir, bus, address.strip());
        try {
            service.startKeyring();
        } catch (IOException | InterruptedException | RuntimeException e) {
            service.close();
            throw e;
        }
        return service;
    }

    private void startKeyring() throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("gnome-keyring-daemon", "--foreground", "--unlock",
                "--components=secrets", "--control-directory=" + home.resolve("run"))
                .redirectOutput(home.resolve("gnome-keyring.log").toFile())
                .redirectErrorStream(true);
        builder.environment().putAll(environment());
        keyring = builder.start();
        try (OutputStream stdin = keyring.getOutputStream()) {
            stdin.write(PASSWORD.getBytes(StandardCharsets.UTF_8));
        }
        // gdbus waits for the name itself: no polling, and a keyring that never comes up fails after the timeout.
        Result waited = gdbus("wait", "--session", "--timeout", Long.toString(START_SECONDS), "org.freedesktop.secrets");
        if (waited.exit() != 0 || !keyring.isAlive()) {
            throw new IllegalStateException("gnome-keyring-daemon did not take org.freedesktop.secrets on the bus: "
                    + waited.output() + " (see " + home.resolve("gnome-keyring.log") + ")");
        }
    }

    /** The bus's D-Bus address, e.g. {@code unix:path=/tmp/ss-bus123/dbus-abc,guid=...}. */
    public String address() {
        return address;
    }

    /** What a process needs to use this Secret Service (the bus) and nothing of the user's (home, data folders). */
    public Map<String, String> environment() {
        return Map.of("DBUS_SESSION_BUS_ADDRESS", address,
                "HOME", home.toString(),
                "XDG_DATA_HOME", home.resolve("data").toString(),
                "XDG_RUNTIME_DIR", home.resolve("run").toString());
    }

    /** {@code secret-tool lookup attribute value ...}: the stored secret, empty when none matches. */
    public Optional<String> lookup(String... attributes) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("secret-tool", "lookup"));
        command.addAll(List.of(attributes));
        Result result = run(command, null);
        // secret-tool exits 1 with no output when nothing matches.
        return result.exit() == 0 ? Optional.of(result.output()) : Optional.empty();
    }

    /** {@code secret-tool search --all attribute value ...}: what secret-tool prints about every matching item. */
    public String search(String... attributes) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("secret-tool", "search", "--all"));
        command.addAll(List.of(attributes));
        return run(command, null).output();
    }

    /** {@code secret-tool clear attribute value ...}, as the README tells a user to remove a key by hand. */
    public Result clear(String... attributes) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("secret-tool", "clear"));
        command.addAll(List.of(attributes));
        return run(command, null);
    }

    /** {@code secret-tool store}, with the secret on standard input as a user would type it. */
    public void store(String label, String secret, String... attributes) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("secret-tool", "store", "--label=" + label));
        command.addAll(List.of(attributes));
        Result result = run(command, secret);
        Assertions.assertEquals(0, result.exit(), "secret-tool store: " + result.output());
    }

    /** Locks the default keyring, as a screen lock or "Lock" in Passwords and Keys does. */
    public void lockDefaultKeyring() throws IOException, InterruptedException {
        Result alias = gdbus("call", "--session", "--dest", "org.freedesktop.secrets", "--object-path",
                "/org/freedesktop/secrets", "--method", "org.freedesktop.Secret.Service.ReadAlias", "default");
        String path = alias.output().replaceAll("(?s).*objectpath '([^']+)'.*", "$1");
        Result locked = gdbus("call", "--session", "--dest", "org.freedesktop.secrets", "--object-path",
                "/org/freedesktop/secrets", "--method", "org.freedesktop.Secret.Service.Lock",
                "[objectpath '" + path + "']");
        Assertions.assertEquals(0, locked.exit(), "Lock: " + locked.output());
        Result property = gdbus("call", "--session", "--dest", "org.freedesktop.secrets", "--object-path", path,
                "--method", "org.freedesktop.DBus.Properties.Get", "org.freedesktop.Secret.Collection", "Locked");
        Assertions.assertTrue(property.output().contains("true"), "the keyring did not lock: " + property.output());
    }

    /** Ends gnome-keyring-daemon (the bus stays): the Secret Service is gone from the session. */
    public void stopKeyring() throws InterruptedException {
        end(keyring);
    }

    /** Ends the bus itself: every connection to it is cut. */
    public void stopBus() throws InterruptedException {
        end(keyring);
        end(bus);
    }

    private static void end(Process process) throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /** The folder that holds the keyring's files (encrypted) and the daemons' logs. */
    public Path home() {
        return home;
    }

    public record Result(int exit, String output) {
    }

    private Result gdbus(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("gdbus"));
        command.addAll(List.of(args));
        return run(command, null);
    }

    private Result run(List<String> command, String stdin) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment());
        Process process = builder.start();
        try (OutputStream in = process.getOutputStream()) {
            if (stdin != null) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(START_SECONDS * 2, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " did not finish");
        }
        return new Result(process.exitValue(), output.strip());
    }

    private static Optional<Path> onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, program);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    @Override
    public void close() throws InterruptedException {
        end(keyring);
        end(bus);
        try (var files = Files.walk(socketDir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // A socket left in /tmp by a daemon that was killed: harmless, and the OS cleans /tmp.
        }
    }

    @Override
    public String toString() {
        return "LiveSecretService[" + address + "]";
    }
}
