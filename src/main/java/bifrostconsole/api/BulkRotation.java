package bifrostconsole.api;

import java.util.List;
import java.util.Map;

/**
 * The answer of {@code POST /api/governance/virtual-keys/rotate}: the keys rotated (with their new values) and,
 * per id, why a key was not. Bifrost answers 200 when at least one key rotated and 500 with the same shape when
 * none did; both arrive here, not as an exception. {@code toString} never shows a value.
 */
public record BulkRotation(String message, List<VirtualKey> rotated, Map<String, String> errors) {
    public BulkRotation {
        rotated = Lists.orEmpty(rotated);
        errors = errors == null ? Map.of() : Map.copyOf(errors);
    }

    @Override
    public String toString() {
        return "BulkRotation[" + rotated.size() + " rotated, " + errors.size() + " failed]";
    }
}
