package bifrostconsole.export;

import bifrostconsole.api.Budget;
import bifrostconsole.api.Customer;
import bifrostconsole.api.McpClientConfig;
import bifrostconsole.api.McpConfig;
import bifrostconsole.api.ProviderConfig;
import bifrostconsole.api.RateLimit;
import bifrostconsole.api.Rfc3339;
import bifrostconsole.api.SecretValue;
import bifrostconsole.api.Team;
import bifrostconsole.api.VirtualKey;
import bifrostconsole.api.VirtualKeyStream;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The CSV export's reading: each key's columns read straight off the parser's tokens into a model holding only
 * them (what {@link CsvKeyWriter#KEY_READER} binds, without Jackson's data binding, which was most of a CSV
 * export's CPU), the rest of the key skipped. Only the shapes Bifrost sends are read this way; a key with anything
 * else in a field the row reads (a number where text belongs, an object where a list does, the single
 * {@code budget} of servers before v1.5.0, a time that is not one) is bound from its bytes with
 * {@code KEY_READER}, so every row is the one the model gives (CsvKeyWriterTest compares them).
 */
final class CsvKeyReading {
    private CsvKeyReading() {
    }

    /** A shape this reader leaves to the model. */
    private static final class Unexpected extends Exception {
        Unexpected() {
            super(null, null, false, false);
        }
    }

    private static final Unexpected UNEXPECTED = new Unexpected();

    static KeyReading<VirtualKey> reading() {
        return KeyReading.model(CsvKeyReading::decode);
    }

    /** The parser on the key's START_OBJECT; leaves it on the key's END_OBJECT. */
    static VirtualKey decode(JsonParser p, VirtualKeyStream.KeyBytes bytes, int position) throws IOException {
        long start = p.currentTokenLocation().getByteOffset();
        JsonStreamContext list = p.getParsingContext().getParent();
        try {
            return key(p);
        } catch (Unexpected e) {
            // past the key's end, then bind what the server sent for it as the model would
            while (!(p.currentToken() == JsonToken.END_OBJECT && p.getParsingContext() == list)) {
                if (p.nextToken() == null) {
                    throw new IOException("the page ended inside a virtual key");
                }
            }
            byte[] json = bytes.slice(start, p.currentLocation().getByteOffset());
            if (json == null) {
                throw new IOException("the bytes of a virtual key were not kept");
            }
            return VirtualKeyStream.bind(json, CsvKeyWriter.KEY_READER, position);
        }
    }

    private static VirtualKey key(JsonParser p) throws IOException, Unexpected {
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
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken t = p.nextToken();
            switch (field) {
                case "id" -> id = text(p, t);
                case "name" -> name = text(p, t);
                case "description" -> description = text(p, t);
                case "value" -> value = SecretValue.parse(text(p, t));
                case "is_active" -> active = flag(t);
                case "expires_at" -> expiresAt = time(p, t);
                case "created_at" -> createdAt = time(p, t);
                case "updated_at" -> updatedAt = time(p, t);
                case "team_id" -> teamId = text(p, t);
                case "customer_id" -> customerId = text(p, t);
                case "team" -> {
                    String[] idName = idAndName(p, t);
                    team = idName == null ? null : new Team(idName[0], idName[1], null, null, null, null, null,
                            null, null, null, false, null, null, null);
                }
                case "customer" -> {
                    String[] idName = idAndName(p, t);
                    customer = idName == null ? null : new Customer(idName[0], idName[1], null, null, null, null,
                            null, null, false, null, null, null);
                }
                case "budgets" -> budgets = budgets(p, t);
                case "rate_limit" -> rateLimit = rateLimit(p, t);
                case "provider_configs" -> providers = providers(p, t);
                case "mcp_configs" -> mcp = mcpConfigs(p, t);
                case "metadata" -> metadata = metadata(p, t);
                case "budget" -> {
                    if (t != JsonToken.VALUE_NULL) {
                        throw UNEXPECTED; // a server before v1.5.0: the model folds it into budgets
                    }
                }
                default -> p.skipChildren();
            }
        }
        return new VirtualKey(id, name, description, value, active, expiresAt, providers, mcp, teamId, customerId,
                null, false, null, team, customer, rateLimit, budgets, null, null, null, null, null, null, createdAt,
                updatedAt, metadata, null, null, null, null);
    }

    private static String text(JsonParser p, JsonToken t) throws IOException, Unexpected {
        if (t == JsonToken.VALUE_STRING) {
            return p.getText();
        }
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        throw UNEXPECTED;
    }

    private static Boolean flag(JsonToken t) throws Unexpected {
        return switch (t) {
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            default -> throw UNEXPECTED;
        };
    }

    private static Instant time(JsonParser p, JsonToken t) throws IOException, Unexpected {
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t != JsonToken.VALUE_STRING) {
            throw UNEXPECTED;
        }
        try {
            return Rfc3339.fromWire(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
        } catch (DateTimeException e) {
            throw UNEXPECTED;
        }
    }

    private static double amount(JsonParser p, JsonToken t) throws IOException, Unexpected {
        if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
            return p.getDoubleValue();
        }
        if (t == JsonToken.VALUE_NULL) {
            return 0;
        }
        throw UNEXPECTED;
    }

    private static Long count(JsonParser p, JsonToken t) throws IOException, Unexpected {
        if (t == JsonToken.VALUE_NUMBER_INT) {
            return p.getLongValue();
        }
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        throw UNEXPECTED;
    }

    private static void expectObject(JsonToken t) throws Unexpected {
        if (t != JsonToken.START_OBJECT) {
            throw UNEXPECTED;
        }
    }

    /** A team's or customer's id and name, or null for JSON null. */
    private static String[] idAndName(JsonParser p, JsonToken t) throws IOException, Unexpected {
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        expectObject(t);
        String[] idName = new String[2];
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken v = p.nextToken();
            switch (field) {
                case "id" -> idName[0] = text(p, v);
                case "name" -> idName[1] = text(p, v);
                default -> p.skipChildren();
            }
        }
        return idName;
    }

    /** The list's objects read by {@code item}; null for JSON null (the model's empty list). */
    private static <E> List<E> list(JsonParser p, JsonToken t, Item<E> item) throws IOException, Unexpected {
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t != JsonToken.START_ARRAY) {
            throw UNEXPECTED;
        }
        List<E> items = new ArrayList<>();
        JsonToken e;
        while ((e = p.nextToken()) != JsonToken.END_ARRAY) {
            expectObject(e);
            items.add(item.read(p));
        }
        return items;
    }

    @FunctionalInterface
    private interface Item<E> {
        E read(JsonParser p) throws IOException, Unexpected;
    }

    private static List<Budget> budgets(JsonParser p, JsonToken t) throws IOException, Unexpected {
        return list(p, t, CsvKeyReading::budget);
    }

    private static Budget budget(JsonParser p) throws IOException, Unexpected {
        double max = 0;
        double usage = 0;
        String window = null;
        Double override = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken v = p.nextToken();
            switch (field) {
                case "max_limit" -> max = amount(p, v);
                case "current_usage" -> usage = amount(p, v);
                case "reset_duration" -> window = text(p, v);
                case "override_amount" -> override = v == JsonToken.VALUE_NULL ? null : amount(p, v);
                default -> p.skipChildren();
            }
        }
        return new Budget(null, max, window, null, usage, null, null, null, null, null, null, override, null, null,
                null, null, null);
    }

    private static RateLimit rateLimit(JsonParser p, JsonToken t) throws IOException, Unexpected {
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        expectObject(t);
        Long tokenMax = null;
        Long tokenUsage = null;
        String tokenWindow = null;
        Long requestMax = null;
        Long requestUsage = null;
        String requestWindow = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken v = p.nextToken();
            switch (field) {
                case "token_max_limit" -> tokenMax = count(p, v);
                case "token_current_usage" -> tokenUsage = count(p, v);
                case "token_reset_duration" -> tokenWindow = text(p, v);
                case "request_max_limit" -> requestMax = count(p, v);
                case "request_current_usage" -> requestUsage = count(p, v);
                case "request_reset_duration" -> requestWindow = text(p, v);
                default -> p.skipChildren();
            }
        }
        return new RateLimit(null, tokenMax, tokenWindow, tokenUsage == null ? 0 : tokenUsage, null, requestMax,
                requestWindow, requestUsage == null ? 0 : requestUsage, null, null, null, null, null);
    }

    private static List<ProviderConfig> providers(JsonParser p, JsonToken t) throws IOException, Unexpected {
        return list(p, t, q -> {
            String provider = null;
            while (q.nextToken() == JsonToken.FIELD_NAME) {
                String field = q.currentName();
                JsonToken v = q.nextToken();
                if (field.equals("provider")) {
                    provider = text(q, v);
                } else {
                    q.skipChildren();
                }
            }
            return new ProviderConfig(null, null, provider, null, null, null, false, null, null, null, null, null);
        });
    }

    private static List<McpConfig> mcpConfigs(JsonParser p, JsonToken t) throws IOException, Unexpected {
        return list(p, t, q -> {
            Long clientId = null;
            McpClientConfig client = null;
            while (q.nextToken() == JsonToken.FIELD_NAME) {
                String field = q.currentName();
                JsonToken v = q.nextToken();
                switch (field) {
                    case "mcp_client_id" -> clientId = count(q, v);
                    case "mcp_client" -> {
                        String[] idName = idAndName(q, v);
                        client = idName == null ? null : new McpClientConfig(null, idName[1], false, null, null, null,
                                null, null, null, null, null, null, null, false, null, false);
                    }
                    default -> q.skipChildren();
                }
            }
            return new McpConfig(null, null, clientId, client, null);
        });
    }

    private static Map<String, String> metadata(JsonParser p, JsonToken t) throws IOException, Unexpected {
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        expectObject(t);
        Map<String, String> entries = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            entries.put(key, text(p, p.nextToken()));
        }
        return entries;
    }
}
