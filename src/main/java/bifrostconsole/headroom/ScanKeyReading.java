package bifrostconsole.headroom;

import bifrostconsole.api.Budget;
import bifrostconsole.api.Customer;
import bifrostconsole.api.JsonScanner;
import bifrostconsole.api.ModelBudget;
import bifrostconsole.api.ProviderConfig;
import bifrostconsole.api.RateLimit;
import bifrostconsole.api.ScannedFields;
import bifrostconsole.api.ScannedFields.Unexpected;
import bifrostconsole.api.Team;
import bifrostconsole.api.VirtualKey;
import bifrostconsole.export.KeyReading;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

import static bifrostconsole.api.ScannedFields.UNEXPECTED;
import static bifrostconsole.api.ScannedFields.amount;
import static bifrostconsole.api.ScannedFields.count;
import static bifrostconsole.api.ScannedFields.list;
import static bifrostconsole.api.ScannedFields.time;
import static bifrostconsole.api.ScannedFields.flag;
import static bifrostconsole.api.ScannedFields.object;

/**
 * The scan's reading: each key's fields that {@link ScanKeyReader#READER} binds, read straight off its bytes
 * ({@link JsonScanner}) without Jackson's data binding, the rest skipped (as the CSV export's {@code CsvKeyReading}
 * does). Only the shapes Bifrost sends are read this way; a key with anything else in a field the scan reads (a
 * number as text, an object where a list belongs, the single {@code budget} of servers before v1.5.0, a time that
 * is not one, an integer out of range) is bound from its bytes with {@code ScanKeyReader.READER}, so every key is
 * the one that reader gives (GatewayScanReadingTest compares them).
 */
final class ScanKeyReading {
    private ScanKeyReading() {
    }

    private static final JsonScanner.Names KEY = new JsonScanner.Names("id", "name", "is_active", "expires_at",
            "provider_configs", "team_id", "customer_id", "calendar_aligned", "allow_all_providers", "team",
            "customer", "rate_limit", "budgets", "budget");
    private static final JsonScanner.Names PROVIDER = new JsonScanner.Names("provider", "rate_limit", "budgets",
            "budget", "model_budgets");
    private static final JsonScanner.Names MODEL_BUDGET = new JsonScanner.Names("model_name");
    private static final JsonScanner.Names TEAM = new JsonScanner.Names("id", "name", "customer_id", "customer",
            "budgets", "budget", "rate_limit", "calendar_aligned");
    private static final JsonScanner.Names CUSTOMER = new JsonScanner.Names("id", "name", "budgets", "budget",
            "rate_limit", "calendar_aligned");
    private static final JsonScanner.Names BUDGET = new JsonScanner.Names("id", "max_limit", "reset_duration",
            "last_reset", "current_usage", "calendar_aligned", "override_amount", "override_mode",
            "override_cycles_remaining", "quarter_start_month");
    private static final JsonScanner.Names RATE_LIMIT = new JsonScanner.Names("token_max_limit",
            "token_reset_duration", "token_current_usage", "token_last_reset", "request_max_limit",
            "request_reset_duration", "request_current_usage", "request_last_reset");

    static KeyReading<VirtualKey> reading() {
        return reading(Owners.EMBEDDED);
    }

    /**
     * For a scan with these team and customer lists: a key's embedded team (or customer) is skipped, not read,
     * when the key names it by {@code team_id} ({@code customer_id}) and the list has it, since the scan then
     * counts the listed one and never looks at the embedded copy (its name, its customer, its budgets). The keys
     * differ from {@link #reading()}'s only there; the scan's result does not (GatewayScanReadingTest).
     */
    static KeyReading<VirtualKey> reading(Owners listed) {
        return KeyReading.scanning((s, start, position) -> decode(s, start, position, listed), key -> key,
                key -> key);
    }

    /** The scanner on the key's '{' (stream offset {@code start}, kept); leaves it after the key's '}'. */
    static VirtualKey decode(JsonScanner s, long start, int position) throws IOException {
        return decode(s, start, position, Owners.EMBEDDED);
    }

    private static VirtualKey decode(JsonScanner s, long start, int position, Owners listed) throws IOException {
        return ScannedFields.keyOrBinding(s, start, position, scanner -> key(scanner, listed), ScanKeyReader.READER);
    }

    /** An embedded owner object, skipped: the listed owner of the same id stands for it. */
    private static <T> T skipped(JsonScanner s) throws IOException, Unexpected {
        if (!s.readNull()) {
            if (s.peekValue() != '{') {
                throw UNEXPECTED;
            }
            s.skipValue();
        }
        return null;
    }

    private static VirtualKey key(JsonScanner s, Owners listed) throws IOException, Unexpected {
        String id = null;
        String name = null;
        Boolean active = null;
        Instant expiresAt = null;
        List<ProviderConfig> providers = null;
        String teamId = null;
        String customerId = null;
        boolean aligned = false;
        Boolean allProviders = null;
        Team team = null;
        Customer customer = null;
        RateLimit rateLimit = null;
        List<Budget> budgets = null;
        s.startObject();
        for (int field; (field = s.nextMember(KEY)) != JsonScanner.Names.END; ) {
            switch (field) {
                case 0 -> id = s.readStringOrNull();
                case 1 -> name = s.readStringOrNull();
                case 2 -> active = s.readFlagOrNull();
                case 3 -> expiresAt = time(s);
                case 4 -> providers = list(s, ScanKeyReading::provider);
                case 5 -> teamId = s.readStringOrNull();
                case 6 -> customerId = s.readStringOrNull();
                case 7 -> aligned = flag(s);
                case 8 -> allProviders = s.readFlagOrNull();
                case 9 -> team = teamId != null && listed.team(teamId).isPresent() ? skipped(s)
                        : object(s) ? team(s) : null;
                case 10 -> customer = customerId != null && listed.customer(customerId).isPresent() ? skipped(s)
                        : object(s) ? customer(s) : null;
                case 11 -> rateLimit = object(s) ? rateLimit(s) : null;
                case 12 -> budgets = list(s, ScanKeyReading::budget);
                case 13 -> noLegacyBudget(s);
                default -> s.skipValue();
            }
        }
        return new VirtualKey(id, name, null, null, active, expiresAt, providers, null, teamId, customerId, null,
                aligned, allProviders, team, customer, rateLimit, budgets, null, null, null, null, null, null, null,
                null, null, null, null, null, null);
    }

    /** A single {@code budget} (servers before v1.5.0) is folded into the budgets by the model: left to it. */
    private static void noLegacyBudget(JsonScanner s) throws IOException, Unexpected {
        if (!s.readNull()) {
            throw UNEXPECTED;
        }
    }

    private static Integer smallCount(JsonScanner s) throws IOException, Unexpected {
        if (s.readNull()) {
            return null;
        }
        long v = s.readLong();
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw UNEXPECTED;
        }
        return (int) v;
    }

    private static ProviderConfig provider(JsonScanner s) throws IOException, Unexpected {
        String provider = null;
        RateLimit rateLimit = null;
        List<Budget> budgets = null;
        List<ModelBudget> modelBudgets = null;
        for (int field; (field = s.nextMember(PROVIDER)) != JsonScanner.Names.END; ) {
            switch (field) {
                case 0 -> provider = s.readStringOrNull();
                case 1 -> rateLimit = object(s) ? rateLimit(s) : null;
                case 2 -> budgets = list(s, ScanKeyReading::budget);
                case 3 -> noLegacyBudget(s);
                case 4 -> modelBudgets = list(s, ScanKeyReading::modelBudget);
                default -> s.skipValue();
            }
        }
        return new ProviderConfig(null, null, provider, null, null, null, false, null, rateLimit, budgets, null,
                modelBudgets);
    }

    private static ModelBudget modelBudget(JsonScanner s) throws IOException, Unexpected {
        String model = null;
        for (int field; (field = s.nextMember(MODEL_BUDGET)) != JsonScanner.Names.END; ) {
            if (field == 0) {
                model = s.readStringOrNull();
            } else {
                s.skipValue();
            }
        }
        return new ModelBudget(model, null, null);
    }

    private static Team team(JsonScanner s) throws IOException, Unexpected {
        String id = null;
        String name = null;
        String customerId = null;
        Customer customer = null;
        List<Budget> budgets = null;
        RateLimit rateLimit = null;
        boolean aligned = false;
        for (int field; (field = s.nextMember(TEAM)) != JsonScanner.Names.END; ) {
            switch (field) {
                case 0 -> id = s.readStringOrNull();
                case 1 -> name = s.readStringOrNull();
                case 2 -> customerId = s.readStringOrNull();
                case 3 -> customer = object(s) ? customer(s) : null;
                case 4 -> budgets = list(s, ScanKeyReading::budget);
                case 5 -> noLegacyBudget(s);
                case 6 -> rateLimit = object(s) ? rateLimit(s) : null;
                case 7 -> aligned = flag(s);
                default -> s.skipValue();
            }
        }
        return new Team(id, name, customerId, null, null, customer, budgets, null, rateLimit, null, aligned, null,
                null, null);
    }

    private static Customer customer(JsonScanner s) throws IOException, Unexpected {
        String id = null;
        String name = null;
        List<Budget> budgets = null;
        RateLimit rateLimit = null;
        boolean aligned = false;
        for (int field; (field = s.nextMember(CUSTOMER)) != JsonScanner.Names.END; ) {
            switch (field) {
                case 0 -> id = s.readStringOrNull();
                case 1 -> name = s.readStringOrNull();
                case 2 -> budgets = list(s, ScanKeyReading::budget);
                case 3 -> noLegacyBudget(s);
                case 4 -> rateLimit = object(s) ? rateLimit(s) : null;
                case 5 -> aligned = flag(s);
                default -> s.skipValue();
            }
        }
        return new Customer(id, name, null, budgets, null, rateLimit, null, null, aligned, null, null, null);
    }

    private static Budget budget(JsonScanner s) throws IOException, Unexpected {
        String id = null;
        double max = 0;
        String window = null;
        Instant lastReset = null;
        double usage = 0;
        Boolean aligned = null;
        Double override = null;
        String overrideMode = null;
        Integer cycles = null;
        Integer quarterStart = null;
        for (int field; (field = s.nextMember(BUDGET)) != JsonScanner.Names.END; ) {
            switch (field) {
                case 0 -> id = s.readStringOrNull();
                case 1 -> max = amount(s);
                case 2 -> window = s.readStringOrNull();
                case 3 -> lastReset = time(s);
                case 4 -> usage = amount(s);
                case 5 -> aligned = s.readFlagOrNull();
                case 6 -> override = s.readNull() ? null : s.readDouble();
                case 7 -> overrideMode = s.readStringOrNull();
                case 8 -> cycles = smallCount(s);
                case 9 -> quarterStart = smallCount(s);
                default -> s.skipValue();
            }
        }
        return new Budget(id, max, window, lastReset, usage, aligned, null, null, null, null, null, override,
                overrideMode, cycles, null, null, null, quarterStart);
    }

    private static RateLimit rateLimit(JsonScanner s) throws IOException, Unexpected {
        Long tokenMax = null;
        String tokenWindow = null;
        long tokenUsage = 0;
        Instant tokenReset = null;
        Long requestMax = null;
        String requestWindow = null;
        long requestUsage = 0;
        Instant requestReset = null;
        for (int field; (field = s.nextMember(RATE_LIMIT)) != JsonScanner.Names.END; ) {
            switch (field) {
                case 0 -> tokenMax = count(s);
                case 1 -> tokenWindow = s.readStringOrNull();
                case 2 -> tokenUsage = s.readNull() ? 0 : s.readLong();
                case 3 -> tokenReset = time(s);
                case 4 -> requestMax = count(s);
                case 5 -> requestWindow = s.readStringOrNull();
                case 6 -> requestUsage = s.readNull() ? 0 : s.readLong();
                case 7 -> requestReset = time(s);
                default -> s.skipValue();
            }
        }
        return new RateLimit(null, tokenMax, tokenWindow, tokenUsage, tokenReset, requestMax, requestWindow,
                requestUsage, requestReset, null, null, null, null);
    }
}
