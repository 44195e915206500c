package bifrostconsole.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Property: whatever shape Bifrost gives a field (upstream schemas in {@code shared/bifrost/openapi} and API.md's
 * notes: absent, null, {@code []}, a plain string or either secret-object shape for every secret/env field, an
 * enum value this console does not know, fields it has never heard of), every virtual key, team, customer, MCP
 * client and provider key parses, keeps its known fields and keeps the unknown ones.
 *
 * <p>Payloads come from a seeded generator, 400 per kind; a failure names the seed and the payload, so it can be
 * replayed. (jqwik was considered; its 1.10 engine prints a notice asking AI agents not to use it, so this test
 * generates its own cases on plain JUnit 5.)
 */
class PayloadPropertyTest {
    private static final int CASES = 400;
    private static final ObjectMapper MAPPER = Json.mapper();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    @TestFactory
    Stream<DynamicTest> everyVirtualKeyParsesAndKeepsItsFields() {
        return cases("virtual key", Payloads::virtualKey, (payload, gen) -> {
            VirtualKey key = read(payload, VirtualKey.class);
            assertFalse(key.isUnreadable());
            assertEquals(gen.text(payload, "id"), key.id());
            assertEquals(gen.text(payload, "name"), key.name());
            assertEquals(secretValue(payload.get("value")), key.value() == null ? null : key.value().value());
            assertEquals(payload.path("metadata").isObject() ? payload.get("metadata").size() : 0,
                    key.metadata().size(), "metadata entries");
            assertEquals(payload.path("allow_all_providers").asBoolean(false), key.allowsAllProviders());
            assertEquals(count(payload.get("provider_configs")), key.providerConfigs().size());
            for (int i = 0; i < key.providerConfigs().size(); i++) {
                JsonNode pc = payload.get("provider_configs").get(i);
                ProviderConfig config = key.providerConfigs().get(i);
                assertEquals(gen.text(pc, "provider"), config.provider());
                assertEquals(count(pc.get("keys")), config.keys().size());
                assertEquals(count(pc.get("allowed_models")), config.allowedModels().size());
                for (int k = 0; k < config.keys().size(); k++) {
                    assertEquals(secretValue(pc.get("keys").get(k).get("value")),
                            config.keys().get(k).value() == null ? null : config.keys().get(k).value().value());
                }
            }
            assertEquals(count(payload.get("budgets")) + (payload.path("budget").isObject() ? 1 : 0),
                    key.budgets().size(), "budgets[] plus the legacy budget");
            assertKeepsUnknown(payload, key.unknownFields());
        });
    }

    @TestFactory
    Stream<DynamicTest> everyProviderKeyParsesWithEverySecretShape() {
        return cases("provider key", Payloads::providerKey, (payload, gen) -> {
            ProviderKey key = read(payload, ProviderKey.class);
            assertEquals(gen.text(payload, "id"), key.id());
            assertEquals(secretValue(payload.get("value")), key.value() == null ? null : key.value().value());
            JsonNode azure = payload.get("azure_key_config");
            if (azure != null && azure.isObject()) {
                assertNotNull(key.azure());
                assertEquals(secretValue(azure.get("api_version")),
                        key.azure().apiVersion() == null ? null : key.azure().apiVersion().value());
                assertEquals(secretValue(azure.get("client_secret")),
                        key.azure().clientSecret() == null ? null : key.azure().clientSecret().value());
            }
            JsonNode bedrock = payload.get("bedrock_key_config");
            if (bedrock != null && bedrock.isObject()) {
                assertEquals(secretValue(bedrock.get("secret_key")),
                        key.bedrock().secretKey() == null ? null : key.bedrock().secretKey().value());
            }
            assertKeepsUnknown(payload, key.unknownFields());
        });
    }

    @TestFactory
    Stream<DynamicTest> everyMcpClientParsesUnderEitherFlagName() {
        return cases("MCP client", Payloads::mcpClient, (payload, gen) -> {
            McpClient client = read(payload, McpClient.class);
            JsonNode config = payload.get("config");
            assertEquals(gen.text(config, "client_id"), client.config().clientId());
            assertEquals(secretValue(config.get("connection_string")),
                    client.config().connectionString() == null ? null : client.config().connectionString().value());
            boolean byDefault = config.path("allow_by_default").asBoolean(false)
                    || config.path("allow_on_all_virtual_keys").asBoolean(false);
            assertEquals(byDefault, client.config().allowedByDefault());
            assertEquals(gen.text(payload, "state"), client.state(), "a state this console does not know is kept");
            assertEquals(count(payload.get("tools")), client.tools().size());
            assertKeepsUnknown(config, client.config().unknownFields());
        });
    }

    @TestFactory
    Stream<DynamicTest> everyTeamAndCustomerParses() {
        return cases("team and customer", Payloads::teamAndCustomer, (payload, gen) -> {
            Team team = read(payload.get("team"), Team.class);
            Customer customer = read(payload.get("customer"), Customer.class);
            assertEquals(gen.text(payload.get("team"), "id"), team.id());
            assertEquals(gen.text(payload.get("customer"), "name"), customer.name());
            assertEquals(count(payload.get("team").get("budgets")) + (payload.get("team").path("budget").isObject()
                    ? 1 : 0), team.allBudgets().size());
            assertKeepsUnknown(payload.get("team"), team.unknownFields());
            assertKeepsUnknown(payload.get("customer"), customer.unknownFields());
        });
    }

    /** What a model keeps of a secret-shaped field: the text, the secret object's value, or nothing. */
    private static String secretValue(JsonNode node) {
        if (node == null || node.isNull() || node.isArray()) {
            return null;
        }
        if (node.isObject()) {
            JsonNode v = node.get("value");
            return v == null || v.isNull() ? null : v.asText();
        }
        String text = node.asText();
        return text.startsWith("env.") || text.startsWith("vault.") ? "" : text;
    }

    private static int count(JsonNode node) {
        return node != null && node.isArray() ? node.size() : 0;
    }

    private static void assertKeepsUnknown(JsonNode payload, java.util.Map<String, JsonNode> unknown) {
        payload.fieldNames().forEachRemaining(name -> {
            if (name.startsWith("x_future_")) {
                assertTrue(unknown.containsKey(name), "unknown field " + name + " kept");
                assertEquals(payload.get(name).toString(), unknown.get(name).toString(), "kept as sent: " + name);
            }
        });
    }

    private static <T> T read(JsonNode payload, Class<T> type) {
        try {
            return MAPPER.readValue(MAPPER.writeValueAsBytes(payload), type);
        } catch (java.io.IOException e) {
            throw new AssertionError(type.getSimpleName() + " did not parse: " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    private interface Check {
        void check(JsonNode payload, Payloads gen);
    }

    private static Stream<DynamicTest> cases(String kind, java.util.function.Function<Payloads, JsonNode> make,
                                             Check check) {
        long base = Long.getLong("payloads.seed", 20261201L);
        return IntStream.range(0, CASES).mapToObj(i -> {
            long seed = base + i * 7919L;
            Payloads gen = new Payloads(seed);
            JsonNode payload = make.apply(gen);
            return DynamicTest.dynamicTest(kind + " #" + i + " (seed " + seed + ")", () -> {
                try {
                    check.check(payload, gen);
                } catch (AssertionError e) {
                    throw new AssertionError(e.getMessage() + "\nseed " + seed + ", payload " + payload, e);
                }
            });
        });
    }

    /** Builds payloads field by field, each field drawn from the shapes Bifrost versions are known to send. */
    static final class Payloads {
        private final SplittableRandom random;

        Payloads(long seed) {
            this.random = new SplittableRandom(seed);
        }

        String text(JsonNode node, String field) {
            JsonNode v = node == null ? null : node.get(field);
            return v == null || v.isNull() ? null : v.asText();
        }

        private boolean chance(int percent) {
            return random.nextInt(100) < percent;
        }

        private String token(String prefix) {
            return prefix + Long.toHexString(random.nextLong());
        }

        /** Absent, null, or the value: the caller sets it only when this returns true. */
        private void maybe(ObjectNode o, String field, Consumer<ObjectNode> set) {
            int r = random.nextInt(10);
            if (r == 0) {
                o.putNull(field);
            } else if (r > 2) {
                set.accept(o);
            }
        }

        /** A plain string, an env/vault reference string, the EnvVar object or the SecretVar object. */
        JsonNode secret(String plain) {
            return switch (random.nextInt(7)) {
                case 0 -> F.textNode(plain);
                case 1 -> F.textNode("env.VAR_" + random.nextInt(100));
                case 2 -> F.objectNode().put("value", plain).put("env_var", "").put("from_env", false);
                case 3 -> F.objectNode().put("value", plain).put("env_var", "env.OPENAI_KEY").put("from_env", true);
                case 4 -> F.objectNode().put("value", plain).put("type", "plain_text");
                case 5 -> F.objectNode().put("value", plain).put("ref", "vault.secret/p").put("type", "vault");
                default -> F.objectNode().put("value", plain).put("ref", "arn:aws:sm:x").put("type",
                        "aws_secrets_manager"); // a type this console does not know
            };
        }

        private ArrayNode strings(String... pool) {
            ArrayNode a = F.arrayNode();
            int n = random.nextInt(4);
            for (int i = 0; i < n; i++) {
                a.add(pool[random.nextInt(pool.length)]);
            }
            return a;
        }

        private String time() {
            return switch (random.nextInt(4)) {
                case 0 -> "2026-03-04T10:11:12Z";
                case 1 -> "2026-03-04T10:11:12.123456789+05:30";
                case 2 -> "0001-01-01T00:00:00Z";
                default -> "2027-01-01T00:00:00.5-08:00";
            };
        }

        private void unknown(ObjectNode o) {
            if (chance(60)) {
                switch (random.nextInt(4)) {
                    case 0 -> o.put("x_future_flag", random.nextBoolean());
                    case 1 -> o.set("x_future_object", F.objectNode().put("mode", "new").set("list",
                            F.arrayNode().add(1).add(F.numberNode(new java.math.BigDecimal("2.50")))));
                    case 2 -> o.putNull("x_future_null");
                    default -> o.put("x_future_text", "\u00e9t\u00e9 \u2603");
                }
            }
        }

        ObjectNode budget() {
            ObjectNode b = F.objectNode().put("id", token("b-")).put("max_limit", random.nextInt(1000) + 0.25)
                    .put("reset_duration", new String[]{"1h", "1d", "1w", "1M", "1Q", "1Y", "daily"}[random.nextInt(7)])
                    .put("current_usage", random.nextInt(500));
            maybe(b, "last_reset", o -> o.put("last_reset", time()));
            maybe(b, "config_hash", o -> o.put("config_hash", ""));
            maybe(b, "quarter_start_month", o -> o.put("quarter_start_month", 1 + random.nextInt(12)));
            if (chance(30)) {
                b.put("override_amount", 100.0).put("override_mode", chance(50) ? "cycles" : "forever")
                        .put("override_cycles_remaining", 2).put("override_cycles_total", 3);
            }
            unknown(b);
            return b;
        }

        ObjectNode rateLimit() {
            ObjectNode r = F.objectNode().put("id", token("rl-"));
            maybe(r, "token_max_limit", o -> o.put("token_max_limit", 10_000));
            maybe(r, "token_reset_duration", o -> o.put("token_reset_duration", "1h"));
            r.put("token_current_usage", random.nextInt(100)).put("request_current_usage", 1);
            maybe(r, "request_max_limit", o -> o.put("request_max_limit", 60));
            maybe(r, "metric", o -> o.put("metric", chance(50) ? "tokens" : "a_new_metric"));
            unknown(r);
            return r;
        }

        private ArrayNode list(int max, java.util.function.Supplier<JsonNode> item) {
            ArrayNode a = F.arrayNode();
            int n = random.nextInt(max + 1);
            for (int i = 0; i < n; i++) {
                a.add(item.get());
            }
            return a;
        }

        ObjectNode tableKey() {
            ObjectNode k = F.objectNode().put("id", random.nextInt(1000)).put("name", token("key-"))
                    .put("key_id", token("")).put("provider", "openai");
            maybe(k, "value", o -> o.set("value", secret("")));
            maybe(k, "models", o -> o.set("models", strings("gpt-4o", "regex:^gpt-.*$")));
            maybe(k, "weight", o -> o.put("weight", 1.0));
            maybe(k, "azure_endpoint", o -> o.set("azure_endpoint", secret("https://a.openai.azure.com")));
            unknown(k);
            return k;
        }

        ObjectNode providerConfig() {
            ObjectNode pc = F.objectNode().put("id", random.nextInt(10_000)).put("provider",
                    new String[]{"openai", "anthropic", "a-provider-from-2027"}[random.nextInt(3)]);
            maybe(pc, "weight", o -> o.put("weight", 0.5));
            pc.set("allowed_models", strings("*", "gpt-4o", "regex:(?i)^claude-.*$"));
            maybe(pc, "blacklisted_models", o -> o.set("blacklisted_models", strings("o3", "regex:.*-preview")));
            maybe(pc, "allow_all_keys", o -> o.put("allow_all_keys", random.nextBoolean()));
            maybe(pc, "budgets", o -> o.set("budgets", list(2, this::budget)));
            maybe(pc, "rate_limit", o -> o.set("rate_limit", rateLimit()));
            maybe(pc, "keys", o -> o.set("keys", list(3, this::tableKey)));
            unknown(pc);
            return pc;
        }

        JsonNode virtualKey() {
            ObjectNode k = F.objectNode().put("id", token("vk-")).put("name", token("name-"));
            // the key value: a plain string (newest), or the object of intermediate revisions
            k.set("value", chance(80) ? F.textNode(token("sk-bf-"))
                    : F.objectNode().put("value", token("sk-bf-")).put("type", "plain_text"));
            maybe(k, "description", o -> o.put("description", "d"));
            maybe(k, "is_active", o -> o.put("is_active", random.nextBoolean()));
            maybe(k, "expires_at", o -> o.put("expires_at", time()));
            maybe(k, "provider_configs", o -> o.set("provider_configs", list(3, this::providerConfig)));
            maybe(k, "mcp_configs", o -> o.set("mcp_configs", list(2, () -> F.objectNode()
                    .put("id", 1).put("mcp_client_id", 2).set("tools_to_execute", strings("*", "search")))));
            maybe(k, "team_id", o -> o.put("team_id", token("t-")));
            maybe(k, "calendar_aligned", o -> o.put("calendar_aligned", random.nextBoolean()));
            maybe(k, "allow_all_providers", o -> o.put("allow_all_providers", random.nextBoolean()));
            maybe(k, "budgets", o -> o.set("budgets", list(3, this::budget)));
            if (chance(10)) {
                k.set("budget", budget()); // servers before v1.5.0
            }
            maybe(k, "rate_limit", o -> o.set("rate_limit", rateLimit()));
            maybe(k, "config_hash", o -> o.put("config_hash", chance(50) ? "" : "abc123"));
            maybe(k, "metadata", o -> o.set("metadata", F.objectNode().put("cost_center", "cc-42")
                    .put("env", "prod")));
            maybe(k, "delete_after_expire", o -> o.put("delete_after_expire", random.nextBoolean()));
            maybe(k, "disable_content_logging", o -> o.put("disable_content_logging", random.nextBoolean()));
            maybe(k, "previous_value_expires_at", o -> o.put("previous_value_expires_at", time()));
            maybe(k, "rotated_at", o -> o.put("rotated_at", time()));
            maybe(k, "is_access_profile_managed", o -> o.put("is_access_profile_managed", random.nextBoolean()));
            if (chance(30)) {
                k.putNull("assigned_user"); // Enterprise: null = unassigned, absent = not resolved
            }
            maybe(k, "created_at", o -> o.put("created_at", time()));
            unknown(k);
            return k;
        }

        JsonNode providerKey() {
            ObjectNode k = F.objectNode().put("id", token("")).put("name", token("pk-"));
            maybe(k, "value", o -> o.set("value", secret("sk-" + token(""))));
            maybe(k, "models", o -> o.set("models", strings("gpt-4o", "*")));
            maybe(k, "weight", o -> o.put("weight", 1.0));
            maybe(k, "aliases", o -> o.set("aliases", F.objectNode().put("fast", "gpt-4o-mini")));
            maybe(k, "enabled", o -> o.put("enabled", random.nextBoolean()));
            maybe(k, "azure_key_config", o -> {
                ObjectNode a = F.objectNode();
                maybe(a, "endpoint", x -> x.set("endpoint", secret("https://acme.openai.azure.com")));
                maybe(a, "api_version", x -> x.set("api_version", secret("2024-10-21")));
                maybe(a, "client_id", x -> x.set("client_id", secret("cid")));
                maybe(a, "client_secret", x -> x.set("client_secret", secret("csecret-123456789")));
                maybe(a, "tenant_id", x -> x.set("tenant_id", secret("tenant")));
                maybe(a, "deployments", x -> x.set("deployments", F.objectNode().put("gpt-4o", "prod")));
                maybe(a, "scopes", x -> x.set("scopes", strings("https://cognitiveservices.azure.com/.default")));
                o.set("azure_key_config", a);
            });
            maybe(k, "vertex_key_config", o -> o.set("vertex_key_config", F.objectNode()
                    .set("project_id", secret("acme")).deepCopy()));
            maybe(k, "bedrock_key_config", o -> {
                ObjectNode b = F.objectNode();
                maybe(b, "access_key", x -> x.set("access_key", secret("AKIA1234")));
                maybe(b, "secret_key", x -> x.set("secret_key", secret("very-secret-key-123")));
                maybe(b, "region", x -> x.set("region", secret("us-east-1")));
                maybe(b, "batch_s3_config", x -> x.set("batch_s3_config", F.objectNode().set("buckets",
                        F.arrayNode().add(F.objectNode().put("bucket_name", "b").put("is_default", true)))));
                o.set("bedrock_key_config", b);
            });
            maybe(k, "vllm_key_config", o -> o.set("vllm_key_config", F.objectNode()
                    .<ObjectNode>set("url", secret("http://vllm:8000")).put("model_name", "llama")));
            maybe(k, "status", o -> o.put("status", chance(50) ? "success" : "list_models_failed"));
            unknown(k);
            return k;
        }

        JsonNode mcpClient() {
            ObjectNode c = F.objectNode().put("client_id", token("mcp_")).put("name", token("srv-"))
                    .put("connection_type", new String[]{"http", "sse", "stdio", "inprocess", "websocket"}
                            [random.nextInt(5)]);
            maybe(c, "connection_string", o -> o.set("connection_string", secret("http://localhost:3001/")));
            maybe(c, "headers", o -> o.set("headers", F.objectNode().set("Authorization", secret("Bearer x"))));
            maybe(c, "tools_to_execute", o -> o.set("tools_to_execute", strings("*", "read")));
            maybe(c, "tool_pricing", o -> o.set("tool_pricing", F.objectNode().put("read", 0.001)));
            if (chance(50)) {
                maybe(c, "allow_by_default", o -> o.put("allow_by_default", random.nextBoolean()));
            } else {
                maybe(c, "allow_on_all_virtual_keys", o -> o.put("allow_on_all_virtual_keys", random.nextBoolean()));
            }
            maybe(c, "tls_config", o -> o.set("tls_config", F.objectNode().put("insecure_skip_verify", false)
                    .set("ca_cert_pem", secret("<redacted>"))));
            maybe(c, "stdio_config", o -> o.set("stdio_config", F.objectNode().put("command", "npx")
                    .set("envs", strings("DATABASE_URL"))));
            maybe(c, "endpoint_slug", o -> o.put("endpoint_slug", "github"));
            maybe(c, "last_failure", o -> o.set("last_failure", F.objectNode().put("stage", "connect")));
            unknown(c);
            ObjectNode client = F.objectNode();
            client.set("config", c);
            maybe(client, "tools", o -> o.set("tools", list(3, () -> chance(50) ? F.textNode("read_file")
                    : F.objectNode().put("name", "search").put("description", "d")
                    .set("parameters", F.objectNode().put("type", "object")))));
            client.put("state", new String[]{"connected", "error", "pending_tools", "needs_reauth", "a_state_of_2027"}
                    [random.nextInt(5)]);
            maybe(client, "vk_configs", o -> o.set("vk_configs", list(2, () -> F.objectNode()
                    .put("virtual_key_id", "vk").set("tools_to_execute", strings("*")))));
            return client;
        }

        JsonNode teamAndCustomer() {
            ObjectNode team = F.objectNode().put("id", token("team-")).put("name", token("Team "));
            maybe(team, "customer_id", o -> o.put("customer_id", "c1"));
            maybe(team, "budgets", o -> o.set("budgets", list(2, this::budget)));
            if (chance(20)) {
                team.set("budget", budget()); // the docs' singular team budget
            }
            maybe(team, "rate_limit", o -> o.set("rate_limit", rateLimit()));
            maybe(team, "virtual_key_count", o -> o.put("virtual_key_count", 3));
            maybe(team, "profile", o -> o.set("profile", F.objectNode().put("dept", "x")));
            maybe(team, "claims", o -> o.set("claims", F.objectNode()));
            maybe(team, "config_hash", o -> o.put("config_hash", ""));
            unknown(team);
            ObjectNode customer = F.objectNode().put("id", token("cust-")).put("name", token("Customer "));
            maybe(customer, "budgets", o -> o.set("budgets", list(2, this::budget)));
            maybe(customer, "teams", o -> o.set("teams", chance(20) ? F.textNode("<array>") : list(2,
                    () -> F.objectNode().put("id", "t").put("name", "n"))));
            maybe(customer, "virtual_keys", o -> o.set("virtual_keys", F.arrayNode().add(F.objectNode()
                    .put("id", "vk").put("value", "sk-bf-leaks-here"))));
            unknown(customer);
            ObjectNode both = F.objectNode();
            both.set("team", team);
            both.set("customer", customer);
            return both;
        }

        List<JsonNode> all() {
            return new ArrayList<>(List.of(virtualKey(), providerKey(), mcpClient(), teamAndCustomer()));
        }
    }
}
