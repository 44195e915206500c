package bifrostconsole.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;

/**
 * The one Jackson configuration for Bifrost's wire format: snake_case names, RFC 3339 timestamps,
 * unknown fields ignored or kept by the model (Bifrost adds fields often), nulls left out when writing.
 * Numbers in kept JSON stay as the server wrote them ({@code 1.10} is not turned into {@code 1.1}), so what
 * a snapshot keeps is byte-for-byte what the server sent.
 *
 * <p>One field in a shape the model does not expect never fails the item it is in (see {@link ShapeTolerance}):
 * a secret object where text belongs reads as its value, a list or object where a number or flag belongs reads
 * as absent, a string where a list belongs reads as empty, a malformed number or time reads as absent.
 */
public final class Json {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .addModule(new JavaTimeModule())
            .addModule(new SimpleModule("bifrost-timestamps").addDeserializer(Instant.class, new Rfc3339.Deserializer())
                    .addSerializer(Instant.class, new Rfc3339.Serializer()))
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .addHandler(new ShapeTolerance())
            .build();

    private Json() {
    }

    /**
     * Reads a field in an unexpected shape as the nearest sensible value instead of failing the whole item:
     * Bifrost's Go types change between releases (a string becomes a secret object, a list becomes a map), and one
     * odd field should cost at most that field, never a page of keys or a snapshot.
     */
    static final class ShapeTolerance extends DeserializationProblemHandler {
        @Override
        public Object handleUnexpectedToken(DeserializationContext ctxt, JavaType targetType, JsonToken token,
                                            JsonParser p, String failureMsg) throws IOException {
            Class<?> raw = targetType.getRawClass();
            if (token == JsonToken.VALUE_STRING && targetType.isCollectionLikeType()) {
                return new ArrayList<>(); // the API page's "teams": "<array>" placeholder
            }
            if (token == JsonToken.VALUE_STRING && targetType.isMapLikeType()) {
                return new LinkedHashMap<>();
            }
            if (raw == String.class && (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY)) {
                JsonNode node = p.readValueAsTree();
                // {value, env_var, from_env} or {value, ref, type} where a plain string was expected: its value.
                if (node.isObject() && node.hasNonNull("value") && node.get("value").isValueNode()) {
                    return node.get("value").asText();
                }
                return node.toString();
            }
            if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                p.skipChildren(); // a structure where a number, flag, time or list of another kind belongs
                return targetType.isCollectionLikeType() ? new ArrayList<>()
                        : targetType.isMapLikeType() ? new LinkedHashMap<>() : null;
            }
            if (targetType.isCollectionLikeType() || targetType.isMapLikeType()) {
                return targetType.isCollectionLikeType() ? new ArrayList<>() : new LinkedHashMap<>();
            }
            return NOT_HANDLED;
        }

        @Override
        public Object handleWeirdStringValue(DeserializationContext ctxt, Class<?> targetType, String valueToConvert,
                                             String failureMsg) {
            return null; // "soon" for a time, "n/a" for a number, an enum value this console does not know
        }

        @Override
        public Object handleWeirdNumberValue(DeserializationContext ctxt, Class<?> targetType, Number valueToConvert,
                                             String failureMsg) {
            return null;
        }
    }

    /** Thread-safe and shared: an ObjectMapper is expensive to build and safe to reuse once configured. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
