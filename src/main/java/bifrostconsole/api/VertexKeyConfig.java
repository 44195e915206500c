package bifrostconsole.api;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;

/** Google Vertex settings of a provider key. */
public record VertexKeyConfig(
        SecretValue projectId,
        SecretValue projectNumber,
        SecretValue region,
        SecretValue authCredentials,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> unknownFields) {

    public VertexKeyConfig {
        unknownFields = UnknownFields.of(unknownFields);
    }

    /** Without fields unknown to the console (and without any field listed after the last one given). */
    public VertexKeyConfig(SecretValue projectId, SecretValue projectNumber, SecretValue region, SecretValue
            authCredentials) {
        this(projectId, projectNumber, region, authCredentials, null);
    }
}
