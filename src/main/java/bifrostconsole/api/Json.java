package bifrostconsole.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.time.Instant;

/**
 * The one Jackson configuration for Bifrost's wire format: snake_case names, RFC 3339 timestamps,
 * unknown fields ignored (Bifrost adds fields often), nulls left out when writing.
 */
public final class Json {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .addModule(new JavaTimeModule())
            .addModule(new SimpleModule("bifrost-timestamps").addDeserializer(Instant.class, new Rfc3339.Deserializer()))
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .addHandler(new PlaceholderCollections())
            .build();

    private Json() {
    }

    /**
     * A string where an array or object of values belongs (the API page's {@code "teams": "<array>"}) reads as
     * empty: one odd field should not make a whole page of keys unreadable.
     */
    private static final class PlaceholderCollections extends DeserializationProblemHandler {
        @Override
        public Object handleUnexpectedToken(DeserializationContext ctxt, JavaType targetType, JsonToken token,
                                            JsonParser p, String failureMsg) {
            if (token == JsonToken.VALUE_STRING && targetType.isCollectionLikeType()) {
                return new java.util.ArrayList<>();
            }
            if (token == JsonToken.VALUE_STRING && targetType.isMapLikeType()) {
                return new java.util.LinkedHashMap<>();
            }
            return NOT_HANDLED;
        }
    }

    /** Thread-safe and shared: an ObjectMapper is expensive to build and safe to reuse once configured. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
