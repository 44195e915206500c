package bifrostconsole.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the items of a list one by one, so that an item the model cannot read costs that item, not the list:
 * the rest is read and the failure is kept as an {@link UnreadableItem} with the JSON the server sent. The
 * reason names the field that could not be read but never quotes its value (it may be a key or a credential).
 */
final class ItemReader<T> {
    private final ObjectReader reader;
    private final String kind;

    ItemReader(ObjectReader reader, String kind) {
        this.reader = reader;
        this.kind = kind;
    }

    /** Every readable item of {@code array}, and what could not be read. */
    Result<T> readAll(JsonNode array) {
        List<T> items = new ArrayList<>();
        List<UnreadableItem> unreadable = new ArrayList<>();
        int position = 0;
        for (JsonNode element : array) {
            try {
                if (!element.isObject()) {
                    throw JsonMappingException.from((JsonParser) null, "not an object");
                }
                T item = reader.readValue(element);
                items.add(item);
            } catch (IOException | RuntimeException e) {
                unreadable.add(UnreadableItem.of(kind, position, element, reason(e)));
            }
            position++;
        }
        return new Result<>(List.copyOf(items), List.copyOf(unreadable));
    }

    /**
     * Reads one item at the parser's {@code START_OBJECT}. On failure the parser is moved past the item's end so
     * the next item can be read, and {@code recovered} (the item's JSON, when the caller could keep it) is used
     * for the entry; null raw when it could not be kept.
     */
    T readOne(JsonParser p, int position, java.util.function.Supplier<JsonNode> recovered,
              java.util.function.Function<UnreadableItem, T> placeholder) throws IOException {
        JsonStreamContext arrayContext = p.getParsingContext().getParent();
        try {
            return reader.readValue(p);
        } catch (JsonMappingException e) {
            skipToEnd(p, arrayContext);
            return placeholder.apply(UnreadableItem.of(kind, position, recovered.get(), reason(e)));
        }
    }

    /** Moves past the current item: the END_OBJECT whose enclosing context is the list. */
    private static void skipToEnd(JsonParser p, JsonStreamContext arrayContext) throws IOException {
        while (!(p.currentToken() == JsonToken.END_OBJECT && p.getParsingContext() == arrayContext)) {
            if (p.nextToken() == null) {
                return;
            }
        }
    }

    /** "field provider_configs[0].weight has a shape the console cannot read", without the value. */
    static String reason(Throwable e) {
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            StringBuilder path = new StringBuilder();
            for (JsonMappingException.Reference r : m.getPath()) {
                if (r.getFieldName() != null) {
                    path.append(path.length() == 0 ? "" : ".").append(r.getFieldName());
                } else if (r.getIndex() >= 0) {
                    path.append('[').append(r.getIndex()).append(']');
                }
            }
            if (path.length() > 0) {
                return "its field " + path + " has a shape this console cannot read";
            }
        }
        if (e instanceof JsonMappingException && "not an object".equals(e.getMessage())) {
            return "it is not a JSON object";
        }
        return "it has a shape this console cannot read (" + e.getClass().getSimpleName() + ")";
    }

    record Result<T>(List<T> items, List<UnreadableItem> unreadable) {
    }
}
