package bifrostconsole.testing;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Hands over at most {@code chunk} bytes a read, as a slow network does: for readers that must not need more. */
public final class Dribble extends FilterInputStream {
    private final int chunk;

    public Dribble(InputStream in, int chunk) {
        super(in);
        this.chunk = chunk;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        return super.read(b, off, Math.min(len, chunk));
    }
}
