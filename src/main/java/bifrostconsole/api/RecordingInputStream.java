package bifrostconsole.api;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Keeps the bytes read since the start of the item being parsed, so that when one item of a streamed list
 * cannot be read, the JSON the server sent for it can still be kept (and a snapshot lose nothing) without
 * buffering the whole 10,000-key page or parsing every key twice. Offsets are counted from the start of the
 * stream, as Jackson's byte offsets are.
 */
final class RecordingInputStream extends FilterInputStream implements VirtualKeyStream.KeyBytes {
    private byte[] kept = new byte[64 * 1024];
    private int length;
    /** Stream offset of {@code kept[0]}. */
    private long base;

    RecordingInputStream(InputStream in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            ensure(1);
            kept[length++] = (byte) b;
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            ensure(n);
            System.arraycopy(b, off, kept, length, n);
            length += n;
        }
        return n;
    }

    /** Bytes before {@code offset} are no longer needed; they are dropped once they fill half the buffer. */
    void forgetBefore(long offset) {
        int drop = (int) Math.min(length, Math.max(0, offset - base));
        if (drop > kept.length / 2) {
            System.arraycopy(kept, drop, kept, 0, length - drop);
            length -= drop;
            base += drop;
        }
    }

    /** The bytes from {@code from} to {@code to} (exclusive), or null when they were already dropped. */
    @Override
    public byte[] slice(long from, long to) {
        if (from < base || to > base + length || from > to) {
            return null;
        }
        return Arrays.copyOfRange(kept, (int) (from - base), (int) (to - base));
    }

    private void ensure(int more) {
        if (length + more > kept.length) {
            kept = Arrays.copyOf(kept, Math.max(kept.length * 2, length + more));
        }
    }
}
