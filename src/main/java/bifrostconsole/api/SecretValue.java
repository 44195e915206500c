package bifrostconsole.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;

import java.io.IOException;

/**
 * A value that may be a secret or a reference to one: Bifrost sends it as a bare string, as the legacy
 * EnvVar object {@code {value, env_var, from_env}} or as the newer SecretVar {@code {value, ref, type}}.
 * {@code reference} is the environment variable or vault path the value comes from, when there is one.
 * {@code toString} masks the value, so records holding a SecretValue are safe to log.
 */
@JsonDeserialize(using = SecretValue.Deserializer.class)
@JsonSerialize(using = SecretValue.Serializer.class)
public record SecretValue(String value, String reference, Source source, String otherType) {

    /** Where the value comes from; {@code OTHER} is a {@code type} this console does not know, kept in {@code otherType}. */
    public enum Source { PLAIN_TEXT, ENV, VAULT, OTHER }

    public SecretValue(String value, String reference, Source source) {
        this(value, reference, source, null);
    }

    public static SecretValue plain(String value) {
        return new SecretValue(value, null, Source.PLAIN_TEXT);
    }

    public static SecretValue env(String variable, String resolvedValue) {
        return new SecretValue(resolvedValue, variable, Source.ENV);
    }

    /** Parses the bare-string form: {@code env.NAME}, {@code vault.path} or a literal. */
    public static SecretValue parse(String text) {
        if (text == null) {
            return null;
        }
        if (text.startsWith("env.")) {
            return new SecretValue("", text, Source.ENV);
        }
        if (text.startsWith("vault.")) {
            return new SecretValue("", text, Source.VAULT);
        }
        return plain(text);
    }

    public boolean fromEnvironment() {
        return source == Source.ENV;
    }

    /** The environment variable's name without Bifrost's {@code env.} prefix, or null. */
    public String environmentVariable() {
        if (source != Source.ENV || reference == null) {
            return null;
        }
        return reference.startsWith("env.") ? reference.substring(4) : reference;
    }

    public boolean isEmpty() {
        return (value == null || value.isEmpty()) && reference == null;
    }

    /** Copy without the secret part: the reference (an env var name is not secret) is kept. */
    public SecretValue withoutValue() {
        return new SecretValue(null, reference, source, otherType);
    }

    /**
     * Bifrost's {@code Redacted()}: empty stays empty, up to 8 characters all '*', else the first 4, 24 '*' and
     * the last 4. Idempotent, so a value the server already redacted stays exactly as it was.
     */
    public static String redact(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        if (value.length() <= 8) {
            return "*".repeat(value.length());
        }
        return value.substring(0, 4) + "*".repeat(24) + value.substring(value.length() - 4);
    }

    /** This value redacted the way Bifrost does; the env or vault reference (not a secret) is kept. */
    public SecretValue redacted() {
        return new SecretValue(redact(value), reference, source, otherType);
    }

    /** Shows at most the first {@code visible} characters, then a fixed run of bullets. */
    public static String mask(String value, int visible) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        int shown = Math.min(visible, value.length() / 2);
        return value.substring(0, shown) + "\u2022".repeat(12);
    }

    @Override
    public String toString() {
        return "SecretValue[" + (reference != null ? source + ":" + reference : "****") + "]";
    }

    static final class Deserializer extends JsonDeserializer<SecretValue> {
        @Override
        public SecretValue deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
            JsonToken token = p.currentToken();
            if (token == JsonToken.VALUE_STRING) {
                return parse(p.getText()); // a bare "env.NAME" or "vault.path" is a reference, as on input
            }
            if (token != JsonToken.START_OBJECT) {
                if (token == JsonToken.VALUE_NULL) {
                    return null;
                }
                if (token == JsonToken.START_ARRAY) {
                    p.skipChildren(); // no Bifrost version sends one: read as no value, not as a failure
                    return null;
                }
                return plain(p.getValueAsString());
            }
            String value = null;
            String envVar = null;
            Boolean fromEnv = null;
            String ref = null;
            String type = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken member = p.nextToken();
                if (member.isStructStart()) {
                    p.skipChildren(); // a member in a shape no version sends: ignored, the rest still read
                    continue;
                }
                switch (field) {
                    case "value" -> value = member == JsonToken.VALUE_NULL ? null : p.getValueAsString();
                    case "env_var" -> envVar = p.getValueAsString();
                    case "from_env" -> fromEnv = p.getValueAsBoolean();
                    case "ref" -> ref = p.getValueAsString();
                    case "type" -> type = p.getValueAsString();
                    default -> {
                        // unknown member: nothing to skip for a scalar
                    }
                }
            }
            if (type != null) {
                Source source = switch (type) {
                    case "env" -> Source.ENV;
                    case "vault" -> Source.VAULT;
                    case "plain_text", "" -> Source.PLAIN_TEXT;
                    default -> Source.OTHER; // a newer kind of reference: kept and shown as the server named it
                };
                return new SecretValue(value, blankToNull(ref), source, source == Source.OTHER ? type : null);
            }
            if (Boolean.TRUE.equals(fromEnv) || (envVar != null && !envVar.isBlank())) {
                return new SecretValue(value, blankToNull(envVar), Source.ENV);
            }
            return plain(value);
        }

        private static String blankToNull(String s) {
            return s == null || s.isBlank() ? null : s;
        }
    }

    /** Writes the newer SecretVar shape; the reader accepts every shape, so files round-trip. */
    static final class Serializer extends JsonSerializer<SecretValue> {
        @Override
        public void serialize(SecretValue v, JsonGenerator g, SerializerProvider provider) throws IOException {
            g.writeStartObject();
            if (v.value() != null) {
                g.writeStringField("value", v.value());
            }
            if (v.reference() != null) {
                g.writeStringField("ref", v.reference());
            }
            g.writeStringField("type", v.source() == null ? "plain_text"
                    : v.source() == Source.OTHER && v.otherType() != null ? v.otherType()
                    : v.source().name().toLowerCase(java.util.Locale.ROOT));
            g.writeEndObject();
        }
    }

    /** Writes only the value as a plain string: the wire shape of a virtual key's {@code value}. */
    public static final class PlainStringSerializer extends JsonSerializer<SecretValue> {
        @Override
        public void serialize(SecretValue v, JsonGenerator g, SerializerProvider provider) throws IOException {
            g.writeString(v.value() == null ? "" : v.value());
        }
    }
}
