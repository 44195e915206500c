package bifrostconsole.export;

import java.io.IOException;

/** Writes keys in one export format as they arrive; {@link #finish()} writes the trailer and flushes. */
public interface KeyFileWriter extends KeyPager.KeySink {
    void finish() throws IOException;
}
