package bifrostconsole.api;

import com.fasterxml.jackson.databind.ObjectReader;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What the narrow readings straight off a server's bytes share (the CSV export's columns, {@code
 * export/CsvKeyReading}; the overview's limits, {@code headroom/ScanKeyReading}): the common field shapes, and the
 * rule that a key whose shape a reading does not expect is bound from its bytes by Jackson instead, so that a reading
 * gives what the binding gives or leaves the key to it.
 */
public final class ScannedFields {
    private ScannedFields() {
    }

    /** A shape a reading leaves to the binding; one instance, without a stack trace. */
    public static final class Unexpected extends Exception {
        private Unexpected() {
            super(null, null, false, false);
        }
    }

    public static final Unexpected UNEXPECTED = new Unexpected();

    @FunctionalInterface
    public interface Reader<E> {
        /** The scanner after the item's '{'; leaves it after its '}'. */
        E read(JsonScanner s) throws IOException, Unexpected;
    }

    /**
     * The key {@code key} reads from the scanner on its '{' (stream offset {@code start}, kept); for a shape it does
     * not expect, the key's bytes bound with {@code fallback}. Leaves the scanner after the key's '}'.
     */
    public static VirtualKey keyOrBinding(JsonScanner s, long start, int position, Reader<VirtualKey> key,
                                          ObjectReader fallback) throws IOException {
        int depth = s.depth();
        try {
            return key.read(s);
        } catch (Unexpected | JsonScanner.ShapeSignal e) {
            // back to the key's start, past its end, then bind what the server sent for it
            s.rewind(start, depth);
            s.skipValue();
            return VirtualKeyStream.bind(s.copy(start, s.offset()), fallback, position);
        }
    }

    /** An RFC 3339 time, or null for JSON null. */
    public static Instant time(JsonScanner s) throws IOException, Unexpected {
        int length = s.readChars();
        if (length < 0) {
            return null;
        }
        try {
            return Rfc3339.fromWire(s.chars(), 0, length);
        } catch (DateTimeException e) {
            throw UNEXPECTED;
        }
    }

    /** A primitive boolean: null is false. */
    public static boolean flag(JsonScanner s) throws IOException {
        Boolean b = s.readFlagOrNull();
        return b != null && b;
    }

    /** A primitive double: null is 0. */
    public static double amount(JsonScanner s) throws IOException {
        return s.readNull() ? 0 : s.readDouble();
    }

    public static Long count(JsonScanner s) throws IOException {
        return s.readNull() ? null : s.readLong();
    }

    /** False (and the null consumed) for JSON null; true, after its '{', for an object; anything else unexpected. */
    public static boolean object(JsonScanner s) throws IOException, Unexpected {
        if (s.readNull()) {
            return false;
        }
        expectObject(s);
        return true;
    }

    /** Past the object's '{'; anything but an object is unexpected. */
    public static void expectObject(JsonScanner s) throws IOException, Unexpected {
        if (s.peekValue() != '{') {
            throw UNEXPECTED;
        }
        s.startObject();
    }

    /** The list's objects read by {@code item}; null for JSON null (the model's empty list); a null item unexpected. */
    public static <E> List<E> list(JsonScanner s, Reader<E> item) throws IOException, Unexpected {
        if (s.readNull()) {
            return null;
        }
        if (s.peekValue() != '[') {
            throw UNEXPECTED;
        }
        s.startArray();
        List<E> items = new ArrayList<>();
        while (s.nextElement()) {
            expectObject(s);
            items.add(item.read(s));
        }
        return items;
    }
}
