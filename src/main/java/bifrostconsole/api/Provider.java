package bifrostconsole.api;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;

/** A configured LLM provider ({@code GET /api/providers}); its keys are fetched separately. */
public record Provider(String name, String providerStatus, String status, String description, String configHash,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> unknownFields) {

    public Provider {
        unknownFields = UnknownFields.of(unknownFields);
    }

    /** Without fields unknown to the console (and without any field listed after the last one given). */
    public Provider(String name, String providerStatus, String status, String description, String configHash) {
        this(name, providerStatus, status, description, configHash, null);
    }
}
