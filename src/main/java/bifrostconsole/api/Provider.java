package bifrostconsole.api;

/** A configured LLM provider ({@code GET /api/providers}); its keys are fetched separately. */
public record Provider(String name, String providerStatus, String status, String description, String configHash) {
}
