package bifrostconsole.testing;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/**
 * Standard output or error of a command running on another thread: the test awaits its first line (e.g. the
 * address a server prints once it listens) instead of polling the text.
 */
public final class CapturedOutput {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final CompletableFuture<String> firstLine = new CompletableFuture<>();
    private final PrintStream stream = new PrintStream(new OutputStream() {
        @Override
        public void write(int b) {
            write(new byte[]{(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            synchronized (bytes) {
                bytes.write(b, off, len);
                String text = bytes.toString(StandardCharsets.UTF_8);
                int end = text.indexOf('\n');
                if (end >= 0) {
                    firstLine.complete(text.substring(0, end).strip());
                }
            }
        }
    }, true, StandardCharsets.UTF_8);

    public PrintStream stream() {
        return stream;
    }

    public String text() {
        synchronized (bytes) {
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }

    /** The first line, without its line break, once it has been written whole. */
    public String awaitFirstLine() throws Exception {
        return Wait.get(firstLine);
    }
}
