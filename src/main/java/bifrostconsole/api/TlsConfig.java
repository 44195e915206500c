package bifrostconsole.api;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;

/** TLS settings of an MCP connection; the CA PEM is redacted by the server. */
public record TlsConfig(boolean insecureSkipVerify, String caCertPem,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> unknownFields) {

    public TlsConfig {
        unknownFields = UnknownFields.of(unknownFields);
    }

    /** Without fields unknown to the console (and without any field listed after the last one given). */
    public TlsConfig(boolean insecureSkipVerify, String caCertPem) {
        this(insecureSkipVerify, caCertPem, null);
    }
}
