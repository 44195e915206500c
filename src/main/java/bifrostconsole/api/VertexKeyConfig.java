package bifrostconsole.api;

/** Google Vertex settings of a provider key. */
public record VertexKeyConfig(
        SecretValue projectId,
        SecretValue projectNumber,
        SecretValue region,
        SecretValue authCredentials) {
}
