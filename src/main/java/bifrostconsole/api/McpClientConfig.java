package bifrostconsole.api;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

/**
 * An MCP server the gateway connects to (http, sse, stdio or in-process), with its tool permissions. Whether every
 * virtual key may use it unassigned is {@code allow_by_default} since v2.1.0 and {@code allow_on_all_virtual_keys}
 * before; both are kept as the server sent them and {@link #allowedByDefault()} reads either.
 */
public record McpClientConfig(
        String clientId,
        String name,
        boolean isCodeModeClient,
        String connectionType,
        SecretValue connectionString,
        StdioConfig stdioConfig,
        TlsConfig tlsConfig,
        String authType,
        String oauthConfigId,
        Map<String, SecretValue> headers,
        List<String> toolsToExecute,
        List<String> toolsToAutoExecute,
        Map<String, Double> toolPricing,
        Boolean allowOnAllVirtualKeys,
        List<String> perUserHeaderKeys,
        boolean disabled,
        Boolean allowByDefault,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> unknownFields) {

    public McpClientConfig {
        unknownFields = UnknownFields.of(unknownFields);
        headers = Lists.orEmpty(headers);
        toolsToExecute = Lists.orEmpty(toolsToExecute);
        toolsToAutoExecute = Lists.orEmpty(toolsToAutoExecute);
        toolPricing = Lists.orEmpty(toolPricing);
        perUserHeaderKeys = Lists.orEmpty(perUserHeaderKeys);
    }

    /** Without fields unknown to the console (and without any field listed after the last one given). */
    public McpClientConfig(String clientId, String name, boolean isCodeModeClient, String connectionType,
            SecretValue connectionString, StdioConfig stdioConfig, TlsConfig tlsConfig, String authType, String oauthConfigId,
            Map<String, SecretValue> headers, List<String> toolsToExecute, List<String> toolsToAutoExecute,
            Map<String, Double> toolPricing, boolean allowOnAllVirtualKeys, List<String> perUserHeaderKeys,
            boolean disabled) {
        this(clientId, name, isCodeModeClient, connectionType, connectionString, stdioConfig, tlsConfig, authType,
                oauthConfigId, headers, toolsToExecute, toolsToAutoExecute, toolPricing, allowOnAllVirtualKeys,
                perUserHeaderKeys, disabled, null, null);
    }

    /** True when every virtual key may use this client without an assignment, under either name. */
    public boolean allowedByDefault() {
        return Boolean.TRUE.equals(allowByDefault) || Boolean.TRUE.equals(allowOnAllVirtualKeys);
    }
}
