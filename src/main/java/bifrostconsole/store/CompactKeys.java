package bifrostconsole.store;

import bifrostconsole.api.Budget;
import bifrostconsole.api.McpConfig;
import bifrostconsole.api.ModelBudget;
import bifrostconsole.api.ProviderConfig;
import bifrostconsole.api.RateLimit;
import bifrostconsole.api.SecretValue;
import bifrostconsole.api.VirtualKey;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Virtual keys held as compact bytes instead of object graphs: about a third of the memory per key (README, "The
 * console's own memory"), decoded again into an equal record on every read.
 *
 * <p>A key's own parts (the key, its budgets, rate limits, provider and MCP configs, its value) are written field by
 * field in record component order, after a mask of the components that are absent (null, false or zero), which take
 * no more than their bit: numbers as variable-length integers (amounts in cents when exact), times as the
 * milliseconds from the key's previous time, strings holding a UUID as its 16 bytes, a string the key already
 * holds (its id as a budget's key id) as a reference to it. Everything else a key holds (its team and customer,
 * metadata, model and key lists, unknown fields, short texts such as a provider or a reset duration) is the same
 * for many keys, so each distinct value is kept once in a table shared by all keys and written as its position
 * there; reading gives back that very object. The table only grows (a write adds what is new). The key's name,
 * config hash and creator id are always written in place: they are mostly unique.
 *
 * <p>Thread-safe: encoding is serialized; decoding reads only what was published before the bytes it decodes.
 */
final class CompactKeys {
    /** The records written field by field: they are different for every key (ids, usage, the key's own value). */
    private static final Set<Class<?>> OWN_PARTS = Set.of(VirtualKey.class, Budget.class, RateLimit.class,
            ProviderConfig.class, McpConfig.class, ModelBudget.class, SecretValue.class);

    private static final Map<Class<?>, Shape> SHAPES = new ConcurrentHashMap<>();

    /**
     * The strings written in place though short: they are nearly unique per key, so sharing them cost more than it
     * saved (the demo's 20,706 creator ids and 10,067 config hashes took about 3 MB as shared strings and their
     * index entries, against 0.3 MB in place).
     */
    private static final Set<String> IN_PLACE = Set.of("name", "configHash", "createdByUserId");

    private final Map<Object, Integer> sharedIndex = new HashMap<>();
    /** The shared values by position; replaced by a longer copy when one is added, so readers need no lock. */
    private volatile Object[] shared = new Object[64];
    private int sharedCount;
    private byte[] buffer = new byte[4096];
    private int length;
    /** The strings written in place in the key being written, for references to them. */
    private final List<String> written = new ArrayList<>();
    private Instant previousTime;

    /** The bytes of {@code key}. */
    synchronized byte[] encode(VirtualKey key) {
        length = 0;
        written.clear();
        previousTime = null;
        writeRecord(key, shape(VirtualKey.class));
        byte[] bytes = Arrays.copyOf(buffer, length);
        recent.remember(bytes, key);
        return bytes;
    }

    /**
     * A record equal to the one that was encoded: the very record when the key was encoded or read lately. Giving
     * back the same record for the same bytes is what lets the demo gateway reuse the JSON it served a key as, and
     * write a toggled key's answer from the bytes of the record it was made from (demo/BifrostWire).
     */
    VirtualKey decode(byte[] bytes) {
        VirtualKey key = recent.get(bytes);
        if (key == null) {
            key = (VirtualKey) new Reader(bytes, shared).record(shape(VirtualKey.class));
            recent.remember(bytes, key);
        }
        return key;
    }

    private final RecentRecords recent = new RecentRecords();

    /**
     * The records of the bytes encoded or decoded lately, by the bytes' identity (a key's bytes are never changed:
     * a write stores new bytes). Direct-mapped and lock-free: a slot holds the last pair that fell in it, so it
     * stays small (2,048 records at most, about 2.5 MB of the demo's keys) while the keys a session is reading and
     * writing stay decoded. 2,048 covers the demo gateway's served JSON (BifrostWire.ServedKeys, about 1,250 keys),
     * which finds a key's JSON only by its very record; 8,192 kept about 7 MB more records live in the window's
     * heap (README, "The console's own memory").
     */
    private static final class RecentRecords {
        private record Pair(byte[] bytes, VirtualKey key) {
        }

        private final AtomicReferenceArray<Pair> slots =
                new AtomicReferenceArray<>(2048);

        VirtualKey get(byte[] bytes) {
            Pair pair = slots.get(slot(bytes));
            return pair != null && pair.bytes() == bytes ? pair.key() : null;
        }

        void remember(byte[] bytes, VirtualKey key) {
            slots.set(slot(bytes), new Pair(bytes, key));
        }

        private int slot(byte[] bytes) {
            return System.identityHashCode(bytes) & (slots.length() - 1);
        }
    }

    /** The key's id without decoding the rest: the key's first component. */
    String id(byte[] bytes) {
        Reader reader = new Reader(bytes, shared);
        return (reader.unsigned() & 1) != 0 ? null : reader.string();
    }

    /** The key's name without decoding the rest: its second component. */
    String name(byte[] bytes) {
        Reader reader = new Reader(bytes, shared);
        long absent = reader.unsigned();
        if ((absent & 1) == 0) {
            reader.string();
        }
        return (absent & 2) != 0 ? null : reader.string();
    }

    // ---- the shape of each record ------------------------------------------------------------------------------

    private enum Kind { NAME, STRING, INSTANT, BOOLEAN, INT, LONG, DOUBLE, BOXED_BOOLEAN, BOXED_INT, BOXED_LONG, BOXED_DOUBLE,
        ENUM, OWN_RECORD, OWN_LIST, SHARED }

    private record Part(Kind kind, MethodHandle getter, Class<?> type) {
    }

    /** How one record type is written and made again: its components and its canonical constructor. */
    private record Shape(Part[] parts, MethodHandle constructor) {
    }

    private static Shape shape(Class<?> type) {
        return SHAPES.computeIfAbsent(type, CompactKeys::shapeOf);
    }

    private static Shape shapeOf(Class<?> type) {
        try {
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            RecordComponent[] components = type.getRecordComponents();
            Part[] parts = new Part[components.length];
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                RecordComponent c = components[i];
                types[i] = c.getType();
                Kind kind = c.getType() == String.class && IN_PLACE.contains(c.getName()) ? Kind.NAME
                        : kind(c.getType(), c.getGenericType());
                parts[i] = new Part(kind, lookup.unreflect(c.getAccessor()),
                        elementType(c.getType(), c.getGenericType()));
            }
            if (components.length > Long.SIZE) {
                throw new IllegalStateException("more components than a mask holds: " + type.getName());
            }
            MethodHandle constructor = lookup.unreflectConstructor(type.getConstructor(types))
                    .asSpreader(Object[].class, components.length);
            return new Shape(parts, constructor);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot encode " + type.getName(), e);
        }
    }

    private static Kind kind(Class<?> type, Type generic) {
        if (type == String.class) {
            return Kind.STRING;
        } else if (type == Instant.class) {
            return Kind.INSTANT;
        } else if (type == boolean.class) {
            return Kind.BOOLEAN;
        } else if (type == int.class) {
            return Kind.INT;
        } else if (type == long.class) {
            return Kind.LONG;
        } else if (type == double.class) {
            return Kind.DOUBLE;
        } else if (type == Boolean.class) {
            return Kind.BOXED_BOOLEAN;
        } else if (type == Integer.class) {
            return Kind.BOXED_INT;
        } else if (type == Long.class) {
            return Kind.BOXED_LONG;
        } else if (type == Double.class) {
            return Kind.BOXED_DOUBLE;
        } else if (type.isEnum()) {
            return Kind.ENUM;
        } else if (OWN_PARTS.contains(type)) {
            return Kind.OWN_RECORD;
        } else if (type == List.class && OWN_PARTS.contains(elementType(type, generic))) {
            return Kind.OWN_LIST;
        }
        return Kind.SHARED;
    }

    /** A list's element type, a record's own type, else the component's type. */
    private static Class<?> elementType(Class<?> type, Type generic) {
        if (type == List.class && generic instanceof ParameterizedType p
                && p.getActualTypeArguments()[0] instanceof Class<?> element) {
            return element;
        }
        return type;
    }

    // ---- writing -------------------------------------------------------------------------------------------------

    /**
     * A record is a mask of its absent components (null, false, zero), then each present component: most of a
     * key's components are absent (a budget's 21 hold about 9), so one bit each instead of a byte each saves about
     * a tenth of the bytes.
     */
    private void writeRecord(Object record, Shape shape) {
        Part[] parts = shape.parts();
        Object[] values = new Object[parts.length];
        long absent = 0;
        try {
            for (int i = 0; i < parts.length; i++) {
                values[i] = parts[i].getter().invoke(record);
                if (absent(parts[i].kind(), values[i])) {
                    absent |= 1L << i;
                }
            }
        } catch (Throwable e) {
            throw new IllegalStateException("cannot encode " + record.getClass().getName(), e);
        }
        writeUnsigned(absent);
        for (int i = 0; i < parts.length; i++) {
            if ((absent & (1L << i)) == 0) {
                writePart(parts[i], values[i]);
            }
        }
    }

    /** Null, or a primitive's default (a double's +0.0 only: -0.0 is written as its bits). */
    private static boolean absent(Kind kind, Object value) {
        return switch (kind) {
            case BOOLEAN -> !(Boolean) value;
            case INT, LONG -> ((Number) value).longValue() == 0;
            case DOUBLE -> Double.doubleToRawLongBits((Double) value) == 0;
            default -> value == null;
        };
    }

    /** A present component: never null, so no part writes a null mark of its own. */
    private void writePart(Part part, Object value) {
        switch (part.kind()) {
            case NAME -> writeString((String) value, false);
            case STRING -> writeString((String) value, true);
            case INSTANT -> writeInstant((Instant) value);
            case BOOLEAN -> {
                // present means true: nothing more to say
            }
            case INT, LONG, BOXED_INT, BOXED_LONG -> writeLong(((Number) value).longValue());
            case DOUBLE, BOXED_DOUBLE -> writeDouble((Double) value);
            case BOXED_BOOLEAN -> writeFlag((Boolean) value);
            case ENUM -> writeUnsigned(((Enum<?>) value).ordinal());
            case OWN_RECORD -> writeRecord(value, shape(part.type()));
            case OWN_LIST -> {
                List<?> list = (List<?>) value;
                writeUnsigned(list.size());
                Shape element = shape(part.type());
                for (Object item : list) {
                    writeFlag(item != null);
                    if (item != null) {
                        writeRecord(item, element);
                    }
                }
            }
            case SHARED -> writeUnsigned(sharedPosition(value));
        }
    }

    private int sharedPosition(Object value) {
        Integer known = sharedIndex.get(value);
        if (known != null) {
            return known;
        }
        Object[] table = shared;
        if (sharedCount == table.length) {
            table = Arrays.copyOf(table, table.length * 2);
        }
        table[sharedCount] = value;
        shared = table; // published before any bytes that refer to it
        sharedIndex.put(value, sharedCount);
        return sharedCount++;
    }

    // how a string is written: a tag, then what it says
    private static final int NULL = 0;
    private static final int SHARED_STRING = 1;
    private static final int SAME_AS = 2;
    private static final int ENDS_WITH_UUID = 3;
    private static final int TEXT = 4;
    private static final int UUID_LENGTH = 36;
    private static final int LONGEST_SHARED = 64;

    private void writeString(String s, boolean shareable) {
        if (s == null) {
            writeUnsigned(NULL);
            return;
        }
        int same = written.indexOf(s);
        if (same >= 0) {
            writeUnsigned(SAME_AS);
            writeUnsigned(same);
            return;
        }
        UUID uuid = trailingUuid(s);
        if (uuid == null && shareable && s.length() <= LONGEST_SHARED) {
            writeUnsigned(SHARED_STRING);
            writeUnsigned(sharedPosition(s));
            return;
        }
        written.add(s);
        writeUnsigned(uuid == null ? TEXT : ENDS_WITH_UUID);
        writeUtf8(uuid == null ? s : s.substring(0, s.length() - UUID_LENGTH));
        if (uuid != null) {
            writeRawLong(uuid.getMostSignificantBits());
            writeRawLong(uuid.getLeastSignificantBits());
        }
    }

    /** The UUID {@code s} ends with, when it ends with one as {@link UUID#toString()} writes it. */
    private static UUID trailingUuid(String s) {
        if (s.length() < UUID_LENGTH || s.charAt(s.length() - 28) != '-') {
            return null;
        }
        String tail = s.substring(s.length() - UUID_LENGTH);
        try {
            UUID uuid = UUID.fromString(tail);
            return uuid.toString().equals(tail) ? uuid : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private void writeUtf8(String s) {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        writeUnsigned(utf8.length);
        ensure(utf8.length);
        System.arraycopy(utf8, 0, buffer, length, utf8.length);
        length += utf8.length;
    }

    // how a time is written: 0 for none, else the low bits say which form follows
    private static final int MILLIS_FROM_PREVIOUS = 1;
    private static final int SECONDS_AND_NANOS = 2;

    /** A key's times are close to each other: most take a few bytes as milliseconds from the one before. */
    private void writeInstant(Instant instant) {
        if (instant == null) {
            writeUnsigned(NULL);
            return;
        }
        Long delta = millisFrom(previousTime, instant);
        previousTime = instant;
        if (delta != null) {
            writeUnsigned((zigZag(delta) << 2) | MILLIS_FROM_PREVIOUS);
            return;
        }
        writeUnsigned(SECONDS_AND_NANOS);
        writeLong(instant.getEpochSecond());
        writeUnsigned(instant.getNano());
    }

    /** Whole milliseconds from {@code previous} to {@code instant}, or null (no previous, not whole, too far). */
    private static Long millisFrom(Instant previous, Instant instant) {
        if (previous == null || instant.getNano() % 1_000_000 != 0 || previous.getNano() % 1_000_000 != 0) {
            return null;
        }
        long seconds = instant.getEpochSecond() - previous.getEpochSecond();
        if (Math.abs(seconds) > (1L << 40)) {
            return null; // beyond what fits the tag's bits as milliseconds
        }
        return seconds * 1000 + (instant.getNano() - previous.getNano()) / 1_000_000;
    }

    private void writeFlag(boolean flag) {
        writeUnsigned(flag ? 1 : 0);
    }

    // how an amount is written: in cents when that is exact, else its bits
    private static final int CENTS = 0;
    private static final int BITS = 1;
    private static final long MOST_CENTS = 1L << 52;

    private void writeDouble(double d) {
        double cents = d * 100;
        long whole = (long) cents;
        if (whole == cents && Math.abs(whole) < MOST_CENTS && whole / 100.0 == d
                && Double.doubleToRawLongBits(d) != Double.doubleToRawLongBits(-0.0)) {
            writeUnsigned((zigZag(whole) << 1) | CENTS);
            return;
        }
        writeUnsigned(BITS);
        writeRawLong(Double.doubleToRawLongBits(d));
    }

    private void writeRawLong(long bits) {
        ensure(8);
        for (int i = 0; i < 8; i++) {
            buffer[length++] = (byte) (bits >>> (8 * i));
        }
    }

    private void writeLong(long v) {
        writeUnsigned(zigZag(v));
    }

    /** Small negative numbers stay short too. */
    private static long zigZag(long v) {
        return (v << 1) ^ (v >> 63);
    }

    private static long unZigZag(long v) {
        return (v >>> 1) ^ -(v & 1);
    }

    private void writeUnsigned(long v) {
        ensure(10);
        while ((v & ~0x7FL) != 0) {
            buffer[length++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        buffer[length++] = (byte) v;
    }

    private void ensure(int more) {
        if (length + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
        }
    }

    // ---- reading -------------------------------------------------------------------------------------------------

    private static final class Reader {
        private final byte[] bytes;
        private final Object[] shared;
        private final List<String> read = new ArrayList<>();
        private Instant previousTime;
        private int position;

        Reader(byte[] bytes, Object[] shared) {
            this.bytes = bytes;
            this.shared = shared;
        }

        Object record(Shape shape) {
            Part[] parts = shape.parts();
            Object[] values = new Object[parts.length];
            long absent = unsigned();
            for (int i = 0; i < parts.length; i++) {
                values[i] = (absent & (1L << i)) != 0 ? absentValue(parts[i].kind()) : part(parts[i]);
            }
            try {
                return shape.constructor().invoke(values);
            } catch (Throwable e) {
                throw new IllegalStateException("cannot decode a stored key", e);
            }
        }

        private static Object absentValue(Kind kind) {
            return switch (kind) {
                case BOOLEAN -> false;
                case INT -> 0;
                case LONG -> 0L;
                case DOUBLE -> 0.0;
                default -> null;
            };
        }

        private Object part(Part part) {
            return switch (part.kind()) {
                case NAME, STRING -> string();
                case INSTANT -> instant();
                case BOOLEAN -> true;
                case INT, BOXED_INT -> (int) signed();
                case LONG, BOXED_LONG -> signed();
                case DOUBLE, BOXED_DOUBLE -> readDouble();
                case BOXED_BOOLEAN -> flag();
                case ENUM -> part.type().getEnumConstants()[(int) unsigned()];
                case OWN_RECORD -> record(shape(part.type()));
                case OWN_LIST -> {
                    int size = (int) unsigned();
                    Shape element = shape(part.type());
                    List<Object> list = new ArrayList<>(size);
                    for (int i = 0; i < size; i++) {
                        list.add(flag() ? record(element) : null);
                    }
                    yield java.util.Collections.unmodifiableList(list);
                }
                case SHARED -> shared[(int) unsigned()];
            };
        }

        String string() {
            int tag = (int) unsigned();
            switch (tag) {
                case NULL:
                    return null;
                case SHARED_STRING:
                    return (String) shared[(int) unsigned()];
                case SAME_AS:
                    return read.get((int) unsigned());
                default:
                    int n = (int) unsigned();
                    String s = new String(bytes, position, n, StandardCharsets.UTF_8);
                    position += n;
                    if (tag == ENDS_WITH_UUID) {
                        s += new UUID(rawLong(), rawLong());
                    }
                    read.add(s);
                    return s;
            }
        }

        private Instant instant() {
            long v = unsigned();
            if (v == NULL) {
                return null;
            }
            Instant instant = (v & 3) == MILLIS_FROM_PREVIOUS ? previousTime.plusMillis(unZigZag(v >>> 2))
                    : Instant.ofEpochSecond(signed(), unsigned());
            previousTime = instant;
            return instant;
        }

        private boolean flag() {
            return unsigned() != 0;
        }

        private double readDouble() {
            long v = unsigned();
            return (v & 1) == CENTS ? unZigZag(v >>> 1) / 100.0 : Double.longBitsToDouble(rawLong());
        }

        private long rawLong() {
            long bits = 0;
            for (int i = 0; i < 8; i++) {
                bits |= (bytes[position++] & 0xFFL) << (8 * i);
            }
            return bits;
        }

        private long signed() {
            return unZigZag(unsigned());
        }

        long unsigned() {
            long v = 0;
            int shift = 0;
            byte b;
            do {
                b = bytes[position++];
                v |= (long) (b & 0x7F) << shift;
                shift += 7;
            } while (b < 0);
            return v;
        }
    }
}
