package bifrostconsole.api;

import java.util.Map;

/** {@code GET /health}: {@code {"status":"ok","components":{"db_pings":"ok"}}}. */
public record Health(String status, Map<String, String> components) {
    public Health {
        components = Lists.orEmpty(components);
    }

    public boolean ok() {
        return "ok".equalsIgnoreCase(status);
    }
}
