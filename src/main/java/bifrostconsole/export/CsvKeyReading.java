package bifrostconsole.export;

import bifrostconsole.api.Budget;
import bifrostconsole.api.Customer;
import bifrostconsole.api.JsonScanner;
import bifrostconsole.api.McpClientConfig;
import bifrostconsole.api.McpConfig;
import bifrostconsole.api.ProviderConfig;
import bifrostconsole.api.RateLimit;
import bifrostconsole.api.ScannedFields;
import bifrostconsole.api.ScannedFields.Unexpected;
import bifrostconsole.api.SecretValue;
import bifrostconsole.api.Team;
import bifrostconsole.api.VirtualKey;

import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static bifrostconsole.api.ScannedFields.UNEXPECTED;
import static bifrostconsole.api.ScannedFields.amount;
import static bifrostconsole.api.ScannedFields.count;
import static bifrostconsole.api.ScannedFields.list;
import static bifrostconsole.api.ScannedFields.time;
import static bifrostconsole.api.ScannedFields.expectObject;

/**
 * The CSV export's reading: each key's columns read straight off its bytes ({@link JsonScanner}) into a model holding only
 * them (what {@link CsvKeyWriter#KEY_READER} binds, without Jackson's data binding, which was most of a CSV
 * export's CPU), the rest of the key skipped. Only the shapes Bifrost sends are read this way; a key with anything
 * else in a field the row reads (a number where text belongs, an object where a list does, the single
 * {@code budget} of servers before v1.5.0, a time that is not one) is bound from its bytes with
 * {@code KEY_READER}, so every row is the one the model gives (CsvKeyWriterTest compares them).
 */
final class CsvKeyReading {
    private CsvKeyReading() {
    }

    private static final JsonScanner.Names KEY = new JsonScanner.Names("id", "name", "description", "value",
            "is_active", "expires_at", "created_at", "updated_at", "team_id", "customer_id", "team", "customer",
            "budgets", "rate_limit", "provider_configs", "mcp_configs", "metadata", "budget");
    private static final JsonScanner.Names ID_NAME = new JsonScanner.Names("id", "name");
    private static final JsonScanner.Names BUDGET = new JsonScanner.Names("max_limit", "current_usage",
            "reset_duration", "override_amount");
    private static final JsonScanner.Names RATE_LIMIT = new JsonScanner.Names("token_max_limit",
            "token_current_usage", "token_reset_duration", "request_max_limit", "request_current_usage",
            "request_reset_duration");
    private static final JsonScanner.Names PROVIDER = new JsonScanner.Names("provider");
    private static final JsonScanner.Names MCP = new JsonScanner.Names("mcp_client_id", "mcp_client");

    static KeyReading<VirtualKey> reading() {
        return KeyReading.scanning(CsvKeyReading::decode, key -> key, key -> key);
    }

    /** The scanner on the key's '{' (stream offset {@code start}, kept); leaves it after the key's '}'. */
    static VirtualKey decode(JsonScanner s, long start, int position) throws IOException {
        return ScannedFields.keyOrBinding(s, start, position, CsvKeyReading::key, CsvKeyWriter.KEY_READER);
    }

    private static VirtualKey key(JsonScanner s) throws IOException, Unexpected {
        String id = null;
        String name = null;
        String description = null;
        SecretValue value = null;
        Boolean active = null;
        Instant expiresAt = null;
        List<ProviderConfig> providers = null;
        List<McpConfig> mcp = null;
        String teamId = null;
        String customerId = null;
        Team team = null;
        Customer customer = null;
        RateLimit rateLimit = null;
        List<Budget> budgets = null;
        Instant createdAt = null;
        Instant updatedAt = null;
        Map<String, String> metadata = null;
        s.startObject();
        for (int field; (field = s.nextMember(KEY)) != JsonScanner.Names.END; ) {
            switch (field) {
                case 0 -> id = s.readStringOrNull();
                case 1 -> name = s.readStringOrNull();
                case 2 -> description = s.readStringOrNull();
                case 3 -> value = SecretValue.parse(s.readStringOrNull());
                case 4 -> active = s.readFlagOrNull();
                case 5 -> expiresAt = time(s);
                case 6 -> createdAt = time(s);
                case 7 -> updatedAt = time(s);
                case 8 -> teamId = s.readStringOrNull();
                case 9 -> customerId = s.readStringOrNull();
                case 10 -> {
                    String[] idName = idAndName(s);
                    team = idName == null ? null : new Team(idName[0], idName[1], null, null, null, null, null,
                            null, null, null, false, null, null, null);
                }
                case 11 -> {
                    String[] idName = idAndName(s);
                    customer = idName == null ? null : new Customer(idName[0], idName[1], null, null, null, null,
                            null, null, false, null, null, null);
                }
                case 12 -> budgets = list(s, CsvKeyReading::budget);
                case 13 -> rateLimit = rateLimit(s);
                case 14 -> providers = list(s, CsvKeyReading::provider);
                case 15 -> mcp = list(s, CsvKeyReading::mcpConfig);
                case 16 -> metadata = metadata(s);
                case 17 -> {
                    if (!s.readNull()) {
                        throw UNEXPECTED; // a server before v1.5.0: the model folds it into budgets
                    }
                }
                default -> s.skipValue();
            }
        }
        return new VirtualKey(id, name, description, value, active, expiresAt, providers, mcp, teamId, customerId,
                null, false, null, team, customer, rateLimit, budgets, null, null, null, null, null, null, createdAt,
                updatedAt, metadata, null, null, null, null);
    }

    /** A team's or customer's id and name, or null for JSON null. */
    private static String[] idAndName(JsonScanner s) throws IOException, Unexpected {
        if (s.readNull()) {
            return null;
        }
        expectObject(s);
        String[] idName = new String[2];
        for (int field; (field = s.nextMember(ID_NAME)) != JsonScanner.Names.END; ) {
            switch (field) {
                case 0 -> idName[0] = s.readStringOrNull();
                case 1 -> idName[1] = s.readStringOrNull();
                default -> s.skipValue();
            }
        }
        return idName;
    }

    private static Budget budget(JsonScanner s) throws IOException {
        double max = 0;
        double usage = 0;
        String window = null;
        Double override = null;
        for (int field; (field = s.nextMember(BUDGET)) != JsonScanner.Names.END; ) {
            switch (field) {
                case 0 -> max = amount(s);
                case 1 -> usage = amount(s);
                case 2 -> window = s.readStringOrNull();
                case 3 -> override = s.readNull() ? null : s.readDouble();
                default -> s.skipValue();
            }
        }
        return new Budget(null, max, window, null, usage, null, null, null, null, null, null, override, null, null,
                null, null, null);
    }

    private static RateLimit rateLimit(JsonScanner s) throws IOException, Unexpected {
        if (s.readNull()) {
            return null;
        }
        expectObject(s);
        Long tokenMax = null;
        Long tokenUsage = null;
        String tokenWindow = null;
        Long requestMax = null;
        Long requestUsage = null;
        String requestWindow = null;
        for (int field; (field = s.nextMember(RATE_LIMIT)) != JsonScanner.Names.END; ) {
            switch (field) {
                case 0 -> tokenMax = count(s);
                case 1 -> tokenUsage = count(s);
                case 2 -> tokenWindow = s.readStringOrNull();
                case 3 -> requestMax = count(s);
                case 4 -> requestUsage = count(s);
                case 5 -> requestWindow = s.readStringOrNull();
                default -> s.skipValue();
            }
        }
        return new RateLimit(null, tokenMax, tokenWindow, tokenUsage == null ? 0 : tokenUsage, null, requestMax,
                requestWindow, requestUsage == null ? 0 : requestUsage, null, null, null, null, null);
    }

    private static ProviderConfig provider(JsonScanner s) throws IOException {
        String provider = null;
        for (int field; (field = s.nextMember(PROVIDER)) != JsonScanner.Names.END; ) {
            if (field == 0) {
                provider = s.readStringOrNull();
            } else {
                s.skipValue();
            }
        }
        return new ProviderConfig(null, null, provider, null, null, null, false, null, null, null, null, null);
    }

    private static McpConfig mcpConfig(JsonScanner s) throws IOException, Unexpected {
        Long clientId = null;
        McpClientConfig client = null;
        for (int field; (field = s.nextMember(MCP)) != JsonScanner.Names.END; ) {
            switch (field) {
                case 0 -> clientId = count(s);
                case 1 -> {
                    String[] idName = idAndName(s);
                    client = idName == null ? null : new McpClientConfig(null, idName[1], false, null, null, null,
                            null, null, null, null, null, null, null, false, null, false);
                }
                default -> s.skipValue();
            }
        }
        return new McpConfig(null, null, clientId, client, null);
    }

    private static Map<String, String> metadata(JsonScanner s) throws IOException, Unexpected {
        if (s.readNull()) {
            return null;
        }
        expectObject(s);
        Map<String, String> entries = new LinkedHashMap<>();
        for (String key; (key = s.nextMemberName()) != null; ) {
            entries.put(key, s.readStringOrNull());
        }
        return entries;
    }
}
