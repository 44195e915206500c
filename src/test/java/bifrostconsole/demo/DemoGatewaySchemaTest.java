package bifrostconsole.demo;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The demo gateway answers as Bifrost does: every list and get route's answer is run through an OpenAPI 3.1
 * validator with Bifrost's own schemas. Where those schemas disagree with Bifrost's Go code, API.md says which
 * side wins and the demo follows the code; each such difference is one line of {@link #ALLOWED}, with its reason.
 */
class DemoGatewaySchemaTest {
    static final Instant NOW = Instant.parse("2026-11-27T06:00:00Z");

    /**
     * (route or * for every route | where in the answer | the validator's complaint) → why the demo follows
     * Bifrost's Go code there. Everything else must match the schemas exactly.
     */
    static final Map<String, String> ALLOWED = Map.ofEntries(
            Map.entry("*|/connection_string|object found, string expected", "API.md §10.9, §11: the"
                    + " Go type is an EnvVar, written as {value, env_var, from_env}; the schema says string"),
            Map.entry("*|/headers/|object found, string expected", "API.md §10.9, §11: header values"
                    + " are EnvVars (redacted), written as objects; the schema says string"));

    static DemoGateway gateway;
    static UpstreamSchemas schemas;
    static String keyId;
    static String teamId;
    static String customerId;

    @BeforeAll
    static void start() throws Exception {
        gateway = DemoGateway.start(DemoGateway.Options.of(DemoDataGenerator.generate(11, 400, NOW)));
        schemas = new UpstreamSchemas();
        keyId = gateway.store().virtualKeys().get(7).id();
        teamId = gateway.store().teams().get(0).id();
        customerId = gateway.store().customers().get(0).id();
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "/health|/health",
            "/api/version|/api/version",
            "/api/governance/virtual-keys|/api/governance/virtual-keys?limit=100",
            "/api/governance/virtual-keys|/api/governance/virtual-keys?export=true",
            "/api/governance/virtual-keys|/api/governance/virtual-keys?from_memory=true",
            "/api/governance/virtual-keys/{vk_id}|/api/governance/virtual-keys/{key}",
            "/api/governance/teams|/api/governance/teams",
            "/api/governance/teams/{team_id}|/api/governance/teams/{team}",
            "/api/governance/customers|/api/governance/customers?limit=100",
            "/api/governance/customers/{customer_id}|/api/governance/customers/{customer}",
            "/api/mcp/clients|/api/mcp/clients?limit=100",
            "/api/providers|/api/providers",
            "/api/providers/{provider}|/api/providers/azure",
            "/api/providers/{provider}/keys|/api/providers/azure/keys",
            "/api/providers/{provider}/keys|/api/providers/bedrock/keys",
            "/api/providers/{provider}/keys|/api/providers/vertex/keys",
            "/api/providers/{provider}/keys|/api/providers/openai/keys"})
    void answersMatchBifrostsOwnSchemas(String route, String request) throws Exception {
        String uri = request.replace("{key}", keyId).replace("{team}", teamId).replace("{customer}", customerId);
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(gateway.baseUrl() + uri)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode(), uri);
        Schema schema = schemas.responseSchema(route);
        List<Error> errors = UpstreamSchemas.validate(schema, response.body()).stream()
                .filter(e -> !allowed(route, e)).toList();
        assertTrue(errors.isEmpty(), uri + " differs from Bifrost's schema in " + errors.size() + " places:\n"
                + errors.stream().limit(25).map(e -> e.getInstanceLocation() + " " + e.getMessage())
                .collect(Collectors.joining("\n")));
    }

    private static boolean allowed(String route, Error e) {
        String where = e.getInstanceLocation().toString();
        return ALLOWED.keySet().stream().anyMatch(rule -> {
            String[] p = rule.split("\\|", -1);
            return (p[0].equals("*") || p[0].equals(route)) && where.contains(p[1]) && e.getMessage().contains(p[2]);
        });
    }
}
