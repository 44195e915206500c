package bifrostconsole.demo;

import bifrostconsole.api.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Bifrost's own OpenAPI 3.1 files ({@code shared/bifrost/openapi}, copied verbatim from upstream) turned into
 * one JSON Schema 2020-12 document per route's 200 answer: the route is looked up in {@code openapi.yaml}'s path
 * map (its duplicate {@code rotate} key is tolerated, as VERSIONS.md advises), relative {@code $ref}s are pulled
 * into {@code $defs}, and references to files that were never published ({@code common.yaml}, {@code health.yaml},
 * {@code config.yaml}) are replaced by the shapes API.md gives for them, listed in {@link #SUBSTITUTES}.
 */
final class UpstreamSchemas {
    /** Where the copies live: beside the repository, as in every worktree of this project. */
    static final Path ROOT = locate();

    /** Schemas upstream references but never published, with API.md's word for their shape. */
    static final Map<String, String> SUBSTITUTES = Map.of(
            "schemas/management/common.yaml#/EnvVar", """
                    {"description": "API.md §11: a bare string or {value, env_var, from_env} or {value, ref, type}",
                     "anyOf": [{"type": "string"},
                               {"type": "object", "required": ["value"], "properties": {"value": {"type": "string"},
                                "env_var": {"type": "string"}, "from_env": {"type": "boolean"}}},
                               {"type": "object", "required": ["value", "type"], "properties": {
                                "value": {"type": "string"}, "ref": {"type": "string"}, "type": {"type": "string"}}}]}""",
            "schemas/management/health.yaml#/HealthResponse", """
                    {"description": "API.md §10.10", "type": "object", "required": ["status"],
                     "properties": {"status": {"type": "string"}, "components": {"type": "object"}}}""",
            "schemas/management/config.yaml#/Version", """
                    {"description": "API.md §10.10: a JSON string such as v1.4.3", "type": "string"}""");

    private static final YAMLMapper YAML = new YAMLMapper();
    private final Map<String, JsonNode> files = new HashMap<>();
    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    private static Path locate() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/bifrost/openapi");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return Path.of("/work/shared/bifrost/openapi");
    }

    /** The validator for {@code GET route}'s 200 answer, e.g. {@code /api/governance/virtual-keys/{vk_id}}. */
    Schema responseSchema(String route) throws IOException {
        JsonNode pathRef = file("openapi.yaml").path("paths").path(route).path("$ref");
        if (pathRef.isMissingNode()) {
            throw new IllegalArgumentException("openapi.yaml has no path " + route);
        }
        String[] target = pathRef.asText().split("#", 2);
        String pathFile = normalise("", target[0]);
        JsonNode item = file(pathFile).at(target[1]);
        JsonNode schema = item.path("get").path("responses").path("200").path("content").path("application/json")
                .path("schema");
        ObjectNode defs = Json.mapper().createObjectNode();
        JsonNode root = inline(schema.deepCopy(), pathFile, defs);
        ObjectNode document = root.isObject() ? (ObjectNode) root : Json.mapper().createObjectNode().set("allOf",
                Json.mapper().createArrayNode().add(root));
        document.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        document.set("$defs", defs);
        return registry.getSchema(Json.mapper().writeValueAsString(document), InputFormat.JSON);
    }

    static List<Error> validate(Schema schema, byte[] body) {
        return schema.validate(new String(body, java.nio.charset.StandardCharsets.UTF_8), InputFormat.JSON);
    }

    /** Rewrites every {@code $ref} in {@code node} (found in file {@code base}) to a {@code $defs} entry. */
    private JsonNode inline(JsonNode node, String base, ObjectNode defs) throws IOException {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isTextual()) {
                object.put("$ref", "#/$defs/" + define(ref.asText(), base, defs));
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getKey().equals("$ref")) {
                    e.setValue(inline(e.getValue(), base, defs));
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                ((com.fasterxml.jackson.databind.node.ArrayNode) node).set(i, inline(node.get(i), base, defs));
            }
        }
        return node;
    }

    private String define(String ref, String base, ObjectNode defs) throws IOException {
        String[] parts = ref.split("#", 2);
        String file = parts[0].isEmpty() ? base : normalise(dir(base), parts[0]);
        String qualified = file + "#" + parts[1];
        String name = qualified.replaceAll("[^A-Za-z0-9]", "_");
        if (defs.has(name)) {
            return name;
        }
        defs.putObject(name); // placeholder first: schemas refer to each other in cycles
        JsonNode definition;
        if (SUBSTITUTES.containsKey(qualified)) {
            definition = Json.mapper().readTree(SUBSTITUTES.get(qualified));
        } else {
            JsonNode document = file(file);
            definition = document.at(parts[1]);
            if (definition.isMissingNode()) {
                throw new IllegalStateException("upstream schema " + qualified + " does not exist");
            }
            definition = inline(definition.deepCopy(), file, defs);
        }
        defs.set(name, definition);
        return name;
    }

    private JsonNode file(String relative) throws IOException {
        JsonNode cached = files.get(relative);
        if (cached == null) {
            String yaml = Files.readString(ROOT.resolve(relative));
            // Jackson 3 reads the YAML (the validator brings it); the console's Jackson 2 works on the tree.
            cached = Json.mapper().readTree(YAML.readTree(yaml).toString());
            files.put(relative, cached);
        }
        return cached;
    }

    private static String dir(String file) {
        int slash = file.lastIndexOf('/');
        return slash < 0 ? "" : file.substring(0, slash);
    }

    private static String normalise(String base, String relative) {
        Path resolved = Path.of(base.isEmpty() ? "." : base).resolve(relative).normalize();
        return resolved.toString().replace('\\', '/');
    }
}
