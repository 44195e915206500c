package bifrostconsole.demo;

import bifrostconsole.api.Budget;
import bifrostconsole.api.Customer;
import bifrostconsole.api.Json;
import bifrostconsole.api.JsonScanner;
import bifrostconsole.api.ProviderConfig;
import bifrostconsole.api.ProviderKey;
import bifrostconsole.api.RateLimit;
import bifrostconsole.api.Team;
import bifrostconsole.api.VirtualKey;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.BeanPropertyWriter;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.RecordComponent;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How the demo gateway writes the model so that its answers are Bifrost's, field for field, where the console's
 * own writing (which leaves nulls out) would differ from what Bifrost's Go code sends: {@code config_hash} is
 * always there ({@code ""} when the item was not synced from config.json), a provider config's {@code weight} is
 * there even when null, the rate limit's window starts are Go's zero time when never set, and the provider keys
 * embedded in a virtual key's provider config are table rows whose {@code id} is the row's integer (the string
 * the keys API knows is their {@code key_id}). {@code DemoGatewaySchemaTest} holds the answers to Bifrost's schemas.
 */
final class BifrostWire {
    /** Go's zero {@code time.Time}, as {@code encoding/json} writes it. */
    static final String GO_ZERO_TIME = "0001-01-01T00:00:00Z";

    private static final Set<Class<?>> ALWAYS_HASHED = Set.of(VirtualKey.class, Budget.class, RateLimit.class,
            Team.class, Customer.class);
    private static final ObjectMapper MAPPER = Json.mapper().copy().registerModule(
            new SimpleModule("bifrost-wire").setSerializerModifier(new GoShapes()));

    /**
     * {@link #MAPPER} for a key written on its own inside another answer's writing: with buffers of its own (the
     * thread's are in use by the answer), so that it does not allocate fresh ones every time.
     */
    private static final ObjectMapper KEY_ALONE = MAPPER.copy();

    static {
        KEY_ALONE.getFactory().setRecyclerPool(JsonRecyclerPools.newLockFreePool());
    }

    private BifrostWire() {
    }

    static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * {@link #mapper()} for one gateway's answers, keeping the JSON of the keys it wrote lately
     * ({@link ServedKeys}): a key written into a write's answer, a page or a GET is written from those bytes the
     * next time it is served, until the store replaces it. The bytes are those {@link #mapper()} writes.
     */
    static ObjectMapper servingMapper() {
        ServedKeys served = new ServedKeys(ServedKeys.MAX_BYTES);
        return MAPPER.copy().registerModule(new SimpleModule("bifrost-wire-served-keys")
                .addSerializer(VirtualKey.class, new ServedKeySerializer(served)));
    }

    /** A key as {@link #mapper()} writes it, from {@link ServedKeys} when it was written before. */
    private static final class ServedKeySerializer extends StdSerializer<VirtualKey> {
        private final transient ServedKeys served;

        ServedKeySerializer(ServedKeys served) {
            super(VirtualKey.class);
            this.served = served;
        }

        @Override
        public void serialize(VirtualKey key, JsonGenerator g, SerializerProvider provider) throws IOException {
            byte[] json = served.get(key);
            if (json == null) {
                ServedKeys.Served before = served.lastOf(key.id());
                json = before == null ? null : toggled(before.key(), before.json(), key);
                if (json == null) {
                    json = KEY_ALONE.writeValueAsBytes(key);
                }
                served.put(key, json);
            }
            g.writeRawValue(new RawJson(json));
        }
    }

    /** The members a toggle changes ({@code {"is_active": b}} alone): the flag and the time of the write. */
    private static final JsonScanner.Names TOGGLED_MEMBERS = new JsonScanner.Names("is_active", "updated_at");

    /** The key's parts other than those two, read the way the record's own accessors read them. */
    private static final List<MethodHandle> UNTOGGLED_PARTS = untoggledParts();

    private static List<MethodHandle> untoggledParts() {
        List<MethodHandle> parts = new ArrayList<>();
        try {
            for (RecordComponent c : VirtualKey.class.getRecordComponents()) {
                if (!c.getName().equals("isActive") && !c.getName().equals("updatedAt")) {
                    parts.add(MethodHandles.publicLookup().unreflect(c.getAccessor()));
                }
            }
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("a record's accessors are public", e);
        }
        return List.copyOf(parts);
    }

    /**
     * The JSON of {@code after} made from {@code json}, the JSON of {@code before}, when the two differ only in
     * {@code is_active} and {@code updated_at} (a toggle, the commonest write: the store makes the new record from
     * the old one's very parts): those two members' values are replaced in place, the rest is the same bytes, as
     * writing {@code after} whole would give. Null when {@code after} differs otherwise, or the JSON does not hold
     * both members: then it is written whole.
     */
    static byte[] toggled(VirtualKey before, byte[] json, VirtualKey after) {
        if (after.isActive() == null || after.updatedAt() == null || !samePartsBesidesToggle(before, after)) {
            return null;
        }
        try {
            JsonScanner scanner = JsonScanner.over(json);
            scanner.startObject();
            int[] from = {-1, -1};
            int[] to = {-1, -1};
            for (int member = scanner.nextMember(TOGGLED_MEMBERS); member != JsonScanner.Names.END;
                 member = scanner.nextMember(TOGGLED_MEMBERS)) {
                scanner.peek();
                int start = (int) scanner.offset();
                scanner.skipValue();
                if (member >= 0) {
                    from[member] = start;
                    to[member] = (int) scanner.offset();
                }
            }
            if (from[0] < 0 || from[1] < 0 || scanner.peek() >= 0) {
                return null;
            }
            byte[][] values = {Boolean.toString(after.isActive()).getBytes(StandardCharsets.US_ASCII),
                    timeJson(after.updatedAt())};
            byte[] out = new byte[json.length + values[0].length - (to[0] - from[0]) + values[1].length
                    - (to[1] - from[1])];
            int read = 0;
            int written = 0;
            for (int member : from[0] < from[1] ? new int[] {0, 1} : new int[] {1, 0}) {
                System.arraycopy(json, read, out, written, from[member] - read);
                written += from[member] - read;
                System.arraycopy(values[member], 0, out, written, values[member].length);
                written += values[member].length;
                read = to[member];
            }
            System.arraycopy(json, read, out, written, json.length - read);
            return out;
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * Whether every part but the flag and the time is the very same object in both records, or an equal one of a
     * kind that always writes the same (text, flags, whole numbers, times): equal maps or JSON numbers can still
     * write differently (member order, {@code 1.10} against {@code 1.1}).
     */
    private static boolean samePartsBesidesToggle(VirtualKey before, VirtualKey after) {
        try {
            for (MethodHandle part : UNTOGGLED_PARTS) {
                Object a = part.invoke(before);
                Object b = part.invoke(after);
                if (a != b && !(a != null && WRITTEN_BY_VALUE.contains(a.getClass()) && a.equals(b))) {
                    return false;
                }
            }
            return true;
        } catch (Throwable e) {
            return false;
        }
    }

    private static final Set<Class<?>> WRITTEN_BY_VALUE = Set.of(String.class, Boolean.class, Integer.class,
            Long.class, Instant.class);

    private static byte[] timeJson(Instant time) {
        try {
            return MAPPER.writeValueAsBytes(time);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The JSON of the keys a gateway wrote lately, by the very record: the store never changes a record (a write
     * puts a new one in its place), so the same record always writes the same bytes. Bounded by their size; the
     * least recently served go first. Thread-safe.
     */
    static final class ServedKeys {
        /**
         * About 1,250 keys of the demo data's size: a dozen 100-key pages, or a bulk change's re-read and answer of
         * each key (the toggle fast path needs a key's JSON only from its re-read to its PUT). 8 MB (5,000 keys)
         * kept 6 MB more JSON and the records it is keyed by live in the window's heap, where the demo gateway runs
         * (README, "The console's own memory").
         */
        static final long MAX_BYTES = 2L << 20;

        /** A record by identity: two equal keys are still two records. */
        private record Same(VirtualKey key) {
            @Override
            public boolean equals(Object o) {
                return o instanceof Same other && other.key == key;
            }

            @Override
            public int hashCode() {
                return System.identityHashCode(key);
            }
        }

        /** A record and the JSON it was served as. */
        record Served(VirtualKey key, byte[] json) {
        }

        private final long maxBytes;
        private final java.util.LinkedHashMap<Same, byte[]> json = new java.util.LinkedHashMap<>(1024, 0.75f, true);
        /** The record of each key id put last, while its JSON is kept: what a write's new record is made from. */
        private final Map<String, VirtualKey> lastById = new HashMap<>();
        private long bytes;

        ServedKeys(long maxBytes) {
            this.maxBytes = maxBytes;
        }

        synchronized byte[] get(VirtualKey key) {
            return json.get(new Same(key));
        }

        /** The record of this key id put last, with its JSON; null when none is kept. */
        synchronized Served lastOf(String id) {
            VirtualKey key = id == null ? null : lastById.get(id);
            byte[] written = key == null ? null : json.get(new Same(key));
            return written == null ? null : new Served(key, written);
        }

        synchronized void put(VirtualKey key, byte[] written) {
            byte[] old = json.put(new Same(key), written);
            bytes += written.length - (old == null ? 0 : old.length);
            if (key.id() != null) {
                lastById.put(key.id(), key);
            }
            for (var eldest = json.entrySet().iterator(); bytes > maxBytes && eldest.hasNext(); ) {
                var gone = eldest.next();
                bytes -= gone.getValue().length;
                eldest.remove();
                VirtualKey goneKey = gone.getKey().key();
                if (goneKey.id() != null && lastById.get(goneKey.id()) == goneKey) {
                    lastById.remove(goneKey.id());
                }
            }
        }

        synchronized int size() {
            return json.size();
        }
    }

    /** JSON already written, as UTF-8 bytes, to write again as a raw value. */
    private record RawJson(byte[] utf8) implements SerializableString {
        @Override
        public String getValue() {
            return new String(utf8, StandardCharsets.UTF_8);
        }

        @Override
        public int charLength() {
            return getValue().length();
        }

        @Override
        public char[] asQuotedChars() {
            return new SerializedString(getValue()).asQuotedChars();
        }

        @Override
        public byte[] asUnquotedUTF8() {
            return utf8.clone();
        }

        @Override
        public byte[] asQuotedUTF8() {
            return new SerializedString(getValue()).asQuotedUTF8();
        }

        @Override
        public int appendQuotedUTF8(byte[] buffer, int offset) {
            return new SerializedString(getValue()).appendQuotedUTF8(buffer, offset);
        }

        @Override
        public int appendQuoted(char[] buffer, int offset) {
            return new SerializedString(getValue()).appendQuoted(buffer, offset);
        }

        @Override
        public int appendUnquotedUTF8(byte[] buffer, int offset) {
            if (offset + utf8.length > buffer.length) {
                return -1;
            }
            System.arraycopy(utf8, 0, buffer, offset, utf8.length);
            return utf8.length;
        }

        @Override
        public int appendUnquoted(char[] buffer, int offset) {
            return new SerializedString(getValue()).appendUnquoted(buffer, offset);
        }

        @Override
        public int writeQuotedUTF8(OutputStream out) throws IOException {
            return new SerializedString(getValue()).writeQuotedUTF8(out);
        }

        @Override
        public int writeUnquotedUTF8(OutputStream out) throws IOException {
            out.write(utf8);
            return utf8.length;
        }

        @Override
        public int putQuotedUTF8(ByteBuffer buffer) throws IOException {
            return new SerializedString(getValue()).putQuotedUTF8(buffer);
        }

        @Override
        public int putUnquotedUTF8(ByteBuffer buffer) throws IOException {
            if (buffer.remaining() < utf8.length) {
                return -1;
            }
            buffer.put(utf8);
            return utf8.length;
        }
    }

    private static final class GoShapes extends BeanSerializerModifier {
        @Override
        public List<BeanPropertyWriter> changeProperties(SerializationConfig config, BeanDescription bean,
                                                         List<BeanPropertyWriter> properties) {
            Class<?> type = bean.getBeanClass();
            for (int i = 0; i < properties.size(); i++) {
                BeanPropertyWriter p = properties.get(i);
                String name = p.getName();
                if (name.equals("config_hash") && ALWAYS_HASHED.contains(type)) {
                    properties.set(i, withNullAs(p, ""));
                } else if (type == ProviderConfig.class && name.equals("weight")) {
                    properties.set(i, withNullAs(p, null));
                } else if (type == RateLimit.class && (name.equals("token_last_reset")
                        || name.equals("request_last_reset"))) {
                    properties.set(i, withNullAs(p, GO_ZERO_TIME));
                } else if (type == ProviderKey.class && name.equals("id")) {
                    properties.set(i, new TableKeyId(p));
                }
            }
            return properties;
        }

        /** The property is always written; null as {@code whenNull} (a JSON null when that is null too). */
        private static BeanPropertyWriter withNullAs(BeanPropertyWriter p, String whenNull) {
            BeanPropertyWriter always = new AlwaysWritten(p);
            always.assignNullSerializer(new JsonSerializer<>() {
                @Override
                public void serialize(Object value, JsonGenerator g, SerializerProvider provider) throws IOException {
                    if (whenNull == null) {
                        g.writeNull();
                    } else {
                        g.writeString(whenNull);
                    }
                }
            });
            return always;
        }
    }

    /** A property written even when null, whatever the mapper's inclusion rule says. */
    private static final class AlwaysWritten extends BeanPropertyWriter {
        AlwaysWritten(BeanPropertyWriter base) {
            super(base);
        }

        @Override
        public void serializeAsField(Object bean, JsonGenerator g, SerializerProvider provider) throws Exception {
            Object value = get(bean);
            if (value == null) {
                g.writeFieldName(_name);
                _nullSerializer.serialize(null, g, provider);
                return;
            }
            super.serializeAsField(bean, g, provider);
        }
    }

    /** A provider config's embedded key is a table row: its numeric {@code id} goes out as a number. */
    private static final class TableKeyId extends BeanPropertyWriter {
        TableKeyId(BeanPropertyWriter base) {
            super(base);
        }

        @Override
        public void serializeAsField(Object bean, JsonGenerator g, SerializerProvider provider) throws Exception {
            ProviderKey key = (ProviderKey) bean;
            if (key.keyId() != null && key.id() != null && key.id().chars().allMatch(Character::isDigit)
                    && !key.id().isEmpty() && key.id().length() < 18) {
                g.writeNumberField(_name.getValue(), Long.parseLong(key.id()));
                return;
            }
            super.serializeAsField(bean, g, provider);
        }
    }
}
