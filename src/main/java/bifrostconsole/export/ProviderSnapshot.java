package bifrostconsole.export;

import bifrostconsole.api.Provider;
import bifrostconsole.api.ProviderKey;

import java.util.List;

/** A provider as {@code GET /api/providers} lists it, with its keys (credentials redacted). */
public record ProviderSnapshot(Provider provider, List<ProviderKey> keys) {
    public ProviderSnapshot {
        keys = keys == null ? List.of() : List.copyOf(keys);
    }
}
