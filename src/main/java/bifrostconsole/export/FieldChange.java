package bifrostconsole.export;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One changed field of one item: its path ({@code budgets[1M].max_limit},
 * {@code provider_configs[openai].allowed_models}, {@code is_active}) and its old and new JSON values; a null
 * value means the field or element was absent on that side.
 */
public record FieldChange(String path, JsonNode oldValue, JsonNode newValue) {
}
