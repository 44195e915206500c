package bifrostconsole.demo;

import bifrostconsole.api.AzureKeyConfig;
import bifrostconsole.api.BedrockKeyConfig;
import bifrostconsole.api.Budget;
import bifrostconsole.api.Customer;
import bifrostconsole.api.McpClient;
import bifrostconsole.api.McpClientConfig;
import bifrostconsole.api.McpConfig;
import bifrostconsole.api.McpTool;
import bifrostconsole.api.McpVirtualKeyAccess;
import bifrostconsole.api.Provider;
import bifrostconsole.api.ProviderConfig;
import bifrostconsole.api.ProviderKey;
import bifrostconsole.api.RateLimit;
import bifrostconsole.api.SecretValue;
import bifrostconsole.api.StdioConfig;
import bifrostconsole.api.Team;
import bifrostconsole.api.TlsConfig;
import bifrostconsole.api.VertexKeyConfig;
import bifrostconsole.api.VirtualKey;
import bifrostconsole.store.GovernanceStore;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.Executor;

/**
 * Seeded, realistic governance data for the demo gateway: the same seed and {@code now} always give the same
 * customers, teams, virtual keys, provider keys and MCP clients, so tests can assert on them.
 *
 * <p>What it covers, on purpose: keys on a team, on a customer or on neither; 0 to 3 budgets (1h, 1d, 1w, 1M,
 * calendar-aligned or rolling, with {@code last_reset} inside the current window); token and request rate limits;
 * 1 to 4 provider configs with weights, allowed models ({@code ["*"]} or a list), blacklisted models and allowed
 * provider keys; MCP configs on some keys; keys that are inactive, expired, about to expire, near their budget
 * (80 % or more), over budget, rate-limited, or managed by an access profile; env-backed and literal provider keys
 * with Azure, Vertex and Bedrock settings; http, sse and stdio MCP clients with tools and tool pricing.
 *
 * <p>Team, customer, provider-key and MCP-client objects embedded in keys are shared, and name parts come from
 * small pools, so 100,000 keys stay within a few hundred megabytes and generate in a couple of seconds. Equal
 * values that many keys hold (weights, limits, window starts, metadata maps, model and provider-key lists) are one
 * object each ({@link #shared}): the demo runs inside the console, whose memory they are (README, Performance).
 */
public final class DemoDataGenerator {

    public static final int MAX_KEYS = 100_000;

    private static final String[] SERVICES = {
            "checkout-service", "data-science-notebooks", "search-api", "support-chatbot", "fraud-detection",
            "recommendations", "email-summarizer", "code-review-bot", "invoice-parser", "translation-service",
            "marketing-copy", "sales-assistant", "analytics-pipeline", "document-qa", "voice-agent",
            "onboarding-wizard", "knowledge-base", "ticket-triage", "contract-review", "product-catalog",
            "mobile-app", "web-frontend", "batch-embeddings", "eval-harness", "red-team", "hr-helpdesk",
            "legal-research", "ops-copilot", "sql-generator", "log-summarizer", "release-notes", "qa-agent",
            "pricing-engine", "churn-model", "image-captioning", "meeting-notes", "crm-enrichment",
            "security-scanner", "docs-search", "partner-portal"};
    private static final String[] ENVIRONMENTS = {"prod", "staging", "dev", "canary", "eu-prod", "us-east", "ci",
            "sandbox"};
    private static final String[] DESCRIPTIONS = {
            "Production traffic for the public API", "Used by the nightly batch jobs",
            "Shared by the analysts' Jupyter notebooks", "Customer-facing chat assistant",
            "Evaluation runs before each model upgrade", "Temporary key for the Q3 migration",
            "CI pipeline smoke tests", "Internal tooling, low volume", "Partner integration (contract #4471)",
            "Load tests: keep the rate limit low", "Owned by the platform on-call rotation",
            "Pilot with the EU data-residency providers", "Hackathon project, delete after review"};
    private static final String[] CUSTOMERS = {"Acme Retail", "Globex Health", "Initech Finance", "Umbrella Labs",
            "Stark Logistics", "Wayne Media", "Hooli Cloud", "Soylent Foods", "Cyberdyne Robotics", "Tyrell Bio",
            "Wonka Confectionery", "Oscorp Energy", "Massive Dynamic", "Vandelay Imports", "Pied Piper",
            "Aperture Science", "Black Mesa Research", "Gringotts Banking", "Monsters Inc", "Nakatomi Trading"};
    private static final String[] TEAMS = {"Payments", "Search Relevance", "Data Science", "Mobile", "Growth",
            "Support Automation", "Risk & Fraud", "ML Platform", "Internal Tools", "Marketing Analytics", "Legal Ops",
            "Developer Experience"};
    private static final String[] BUDGET_DURATIONS = {"1h", "1d", "1w", "1M"};

    /** The providers every demo gateway has, with the models its keys may allow. */
    private static final Map<String, List<String>> MODELS = new LinkedHashMap<>();

    static {
        MODELS.put("openai", List.of("gpt-4o", "gpt-4o-mini", "gpt-4.1", "o3-mini", "text-embedding-3-large"));
        MODELS.put("anthropic", List.of("claude-sonnet-4-5", "claude-opus-4-1", "claude-3-5-haiku-latest"));
        MODELS.put("azure", List.of("gpt-4o", "gpt-4o-mini", "text-embedding-3-small"));
        MODELS.put("bedrock", List.of("anthropic.claude-3-5-sonnet-20241022-v2:0", "amazon.nova-pro-v1:0",
                "meta.llama3-1-70b-instruct-v1:0"));
        MODELS.put("vertex", List.of("gemini-2.5-pro", "gemini-2.5-flash", "claude-sonnet-4-5@20250929"));
        MODELS.put("gemini", List.of("gemini-2.5-pro", "gemini-2.5-flash", "gemini-2.0-flash-lite"));
        MODELS.put("mistral", List.of("mistral-large-latest", "codestral-latest", "mistral-small-latest"));
        MODELS.put("groq", List.of("llama-3.3-70b-versatile", "llama-3.1-8b-instant", "qwen/qwen3-32b"));
    }

    private static final List<String> ALL_MODELS = List.of("*");

    private final SplittableRandom random;
    /**
     * Draws for the Bifrost 2.x fields (metadata, overrides, quarterly budgets, regex patterns, expiry and rotation
     * details): a stream of its own, so the keys, names and budgets every earlier seed gave stay exactly as they were.
     */
    private final SplittableRandom twoX;
    private final Instant now;
    private long nextProviderConfigId = 1;
    private long nextMcpConfigId = 1;
    /** One instance per distinct value, for {@link #shared}; dropped with the generator once the store is built. */
    private final Map<Object, Object> sharedValues = new HashMap<>();

    private DemoDataGenerator(long seed, Instant now) {
        this.random = new SplittableRandom(seed);
        this.twoX = new SplittableRandom(seed ^ 0x2A2A_2026L);
        this.now = now.truncatedTo(ChronoUnit.MILLIS);
    }

    /**
     * The instance equal to {@code value} that an earlier call returned, else {@code value}: immutable values many
     * keys hold are kept once (a boxed weight costs 16 bytes, a metadata map about 250). Draws nothing.
     */
    @SuppressWarnings("unchecked")
    private <T> T shared(T value) {
        return value == null ? null : (T) sharedValues.computeIfAbsent(value, v -> v);
    }

    /** A store holding {@code keyCount} generated keys (0 to 100,000) and everything around them. */
    public static GovernanceStore generate(long seed, int keyCount, Instant now) {
        return generate(seed, keyCount, now, null);
    }

    /**
     * The same store as {@link #generate(long, int, Instant)}, with the keys encoded for it on a thread of
     * {@code encoder} while this thread goes on drawing the next ones (null: on this thread). The draws stay one
     * sequence and the keys are encoded one at a time in their order, so the store is the same, byte for byte; on
     * two cores the demo's data is ready sooner (README, Performance, "Start-up").
     */
    public static GovernanceStore generate(long seed, int keyCount, Instant now, Executor encoder) {
        if (keyCount < 0 || keyCount > MAX_KEYS) {
            throw new IllegalArgumentException("keyCount must be between 0 and " + MAX_KEYS + ": " + keyCount);
        }
        return new DemoDataGenerator(seed, now).build(keyCount, encoder);
    }

    // ---- the whole data set ---------------------------------------------------------------------------

    private GovernanceStore build(int keyCount, Executor encoder) {
        Map<String, List<ProviderKey>> providerKeys = providerKeys();
        List<Provider> providers = new ArrayList<>();
        for (String name : MODELS.keySet()) {
            providers.add(new Provider(name, name.equals("groq") ? "error" : "active", null,
                    name.equals("groq") ? "Last health check failed: 401 from api.groq.com" : null, null));
        }
        List<McpClientConfig> mcpConfigs = mcpClientConfigs();
        Map<String, List<McpTool>> mcpTools = mcpTools();

        int customerCount = Math.max(3, Math.min(CUSTOMERS.length * 2, keyCount / 2_000 + 4));
        List<Customer> bareCustomers = new ArrayList<>();
        for (int i = 0; i < customerCount; i++) {
            String name = CUSTOMERS[i % CUSTOMERS.length] + (i >= CUSTOMERS.length ? " " + (i / CUSTOMERS.length + 1) : "");
            bareCustomers.add(customer(name, i, customerCount));
        }
        // Teams: a few per customer, plus some that belong to no customer.
        List<Team> bareTeams = new ArrayList<>();
        List<Integer> teamCustomer = new ArrayList<>();
        for (int c = 0; c < customerCount; c++) {
            int teams = 1 + random.nextInt(4);
            for (int t = 0; t < teams; t++) {
                String base = TEAMS[(c * 5 + t * 7) % TEAMS.length];
                String customerWord = bareCustomers.get(c).name().split(" ")[0];
                bareTeams.add(team(customerWord + " " + base, bareCustomers.get(c), bareTeams.size()));
                teamCustomer.add(c);
            }
        }
        for (int t = 0; t < 3; t++) {
            bareTeams.add(team("Platform " + TEAMS[(t * 3 + 1) % TEAMS.length], null, bareTeams.size()));
            teamCustomer.add(-1);
        }

        // Assign keys first, so team and customer objects can carry their key counts and still be shared.
        int[] keyTeam = new int[keyCount];
        int[] keyCustomer = new int[keyCount];
        int[] teamKeyCount = new int[bareTeams.size()];
        int[] customerKeyCount = new int[customerCount];
        for (int i = 0; i < keyCount; i++) {
            double r = random.nextDouble();
            keyTeam[i] = -1;
            keyCustomer[i] = -1;
            if (r < 0.55) {
                keyTeam[i] = random.nextInt(bareTeams.size());
                teamKeyCount[keyTeam[i]]++;
            } else if (r < 0.80) {
                keyCustomer[i] = random.nextInt(customerCount);
                customerKeyCount[keyCustomer[i]]++;
            }
        }
        List<Team> teamsForKeys = new ArrayList<>(); // what a key embeds: the team without its customer
        for (int t = 0; t < bareTeams.size(); t++) {
            Team b = bareTeams.get(t);
            teamsForKeys.add(new Team(b.id(), b.name(), b.customerId(), b.rateLimitId(), b.sourceId(), null,
                    b.budgets(), null, b.rateLimit(), teamKeyCount[t], b.calendarAligned(), b.configHash(),
                    b.createdAt(), b.updatedAt()));
        }
        List<Customer> customersForKeys = new ArrayList<>(); // what keys and teams embed: without teams
        List<Customer> customers = new ArrayList<>();
        for (int c = 0; c < customerCount; c++) {
            Customer b = bareCustomers.get(c);
            Customer counted = new Customer(b.id(), b.name(), b.rateLimitId(), b.budgets(), null, b.rateLimit(),
                    null, customerKeyCount[c], b.calendarAligned(), b.configHash(), b.createdAt(), b.updatedAt());
            customersForKeys.add(counted);
            List<Team> own = new ArrayList<>();
            for (int t = 0; t < teamsForKeys.size(); t++) {
                if (teamCustomer.get(t) == c) {
                    own.add(teamsForKeys.get(t));
                }
            }
            customers.add(new Customer(b.id(), b.name(), b.rateLimitId(), b.budgets(), null, b.rateLimit(), own,
                    customerKeyCount[c], b.calendarAligned(), b.configHash(), b.createdAt(), b.updatedAt()));
        }
        List<Team> teams = new ArrayList<>();
        for (int t = 0; t < teamsForKeys.size(); t++) {
            Team k = teamsForKeys.get(t);
            Customer owner = teamCustomer.get(t) < 0 ? null : customersForKeys.get(teamCustomer.get(t));
            teams.add(new Team(k.id(), k.name(), k.customerId(), k.rateLimitId(), k.sourceId(), owner, k.budgets(),
                    null, k.rateLimit(), k.virtualKeyCount(), k.calendarAligned(), k.configHash(), k.createdAt(),
                    k.updatedAt()));
        }

        Map<String, List<ProviderKey>> tableKeys = tableKeys(providerKeys);
        Map<String, List<List<String>>> modelChoices = modelChoices();
        Map<String, Integer> nameUse = new HashMap<>();
        // each key is encoded as it is made: the store's compact bytes, never all 100,000 records at once
        GovernanceStore.Keys keys = new GovernanceStore.Keys(keyCount);
        // a few keys are not worth a thread
        InOrderHandOff<VirtualKey> handOff = encoder == null || keyCount < 2 * InOrderHandOff.BATCH ? null
                : new InOrderHandOff<>(keys::add, encoder);
        List<List<McpVirtualKeyAccess>> mcpAccess = new ArrayList<>();
        for (int m = 0; m < mcpConfigs.size(); m++) {
            mcpAccess.add(new ArrayList<>());
        }
        Instant firstCreated = now.minus(Duration.ofDays(540));
        long spanMillis = Duration.between(firstCreated, now.minus(Duration.ofHours(1))).toMillis();
        Instant previousCreated = firstCreated;
        for (int i = 0; i < keyCount; i++) {
            // Keys are created over 18 months, oldest first; every 25th one in the same second as the one before,
            // as when config.json syncs a batch, so created_at has ties the id tie-breaker must settle.
            Instant created = random.nextInt(25) == 0 && i > 0 ? previousCreated
                    : firstCreated.plusMillis(spanMillis * i / Math.max(1, keyCount)
                    + random.nextLong(Math.max(1, spanMillis / Math.max(1, keyCount))));
            previousCreated = created;
            VirtualKey key = virtualKey(i, created, nameUse,
                    keyTeam[i] >= 0 ? teamsForKeys.get(keyTeam[i]) : null,
                    keyCustomer[i] >= 0 ? customersForKeys.get(keyCustomer[i]) : null,
                    tableKeys, modelChoices, mcpConfigs, mcpAccess);
            VirtualKey full = withTwoXFields(key);
            if (handOff == null) {
                keys.add(full);
            } else {
                handOff.add(full);
            }
        }
        if (handOff != null) {
            handOff.finish();
        }

        List<McpClient> mcpClients = new ArrayList<>();
        String[] states = {"connected", "connected", "connected", "error", "connected", "disconnected"};
        for (int m = 0; m < mcpConfigs.size(); m++) {
            McpClientConfig config = mcpConfigs.get(m);
            mcpClients.add(new McpClient(config, mcpTools.get(config.name()),
                    config.disabled() ? "disabled" : states[m % states.length], mcpAccess.get(m)));
        }
        return new GovernanceStore(keys, teams, customers, mcpClients, providers, providerKeys);
    }

    // ---- virtual keys ---------------------------------------------------------------------------------

    private VirtualKey virtualKey(int index, Instant created, Map<String, Integer> nameUse, Team team,
                                  Customer customer, Map<String, List<ProviderKey>> tableKeys,
                                  Map<String, List<List<String>>> modelChoices, List<McpClientConfig> mcpConfigs,
                                  List<List<McpVirtualKeyAccess>> mcpAccess) {
        String id = uuid();
        String base = SERVICES[random.nextInt(SERVICES.length)] + "-" + ENVIRONMENTS[random.nextInt(ENVIRONMENTS.length)];
        int use = nameUse.merge(base, 1, Integer::sum);
        String name = use == 1 ? base : base + "-" + use;
        String description = random.nextInt(5) == 0 ? null : DESCRIPTIONS[random.nextInt(DESCRIPTIONS.length)];
        SecretValue value = SecretValue.plain("sk-bf-" + uuid());
        Instant updated = created.plusSeconds(random.nextLong(Math.max(1, Duration.between(created, now).getSeconds())));

        // The state this key is meant to show: most are healthy; the rest exercise every status the UI knows.
        double state = random.nextDouble();
        boolean inactive = state < 0.07;
        boolean expired = state >= 0.07 && state < 0.12;
        boolean expiresSoon = state >= 0.12 && state < 0.27;
        boolean nearBudget = state >= 0.27 && state < 0.37;
        boolean overBudget = state >= 0.37 && state < 0.42;
        boolean rateLimited = state >= 0.42 && state < 0.44;

        Instant expiresAt = null;
        if (expired) {
            expiresAt = now.minus(Duration.ofHours(1 + random.nextInt(24 * 60)));
        } else if (expiresSoon) {
            expiresAt = now.plus(Duration.ofHours(2 + random.nextInt(24 * 90)));
        }
        boolean calendarAligned = random.nextInt(10) < 3;
        int budgetCount = pickBudgetCount();
        if ((nearBudget || overBudget) && budgetCount == 0) {
            budgetCount = 1;
        }
        List<Budget> budgets = budgets(budgetCount, calendarAligned, nearBudget, overBudget, id, null, created);
        RateLimit rateLimit = random.nextInt(100) < 55 || rateLimited ? rateLimit(rateLimited, created) : null;

        int providerCount = pickProviderCount();
        List<String> providerNames = new ArrayList<>(MODELS.keySet());
        List<ProviderConfig> providerConfigs = new ArrayList<>(providerCount);
        double remainingWeight = 1.0;
        for (int p = 0; p < providerCount; p++) {
            // openai and anthropic are the most common first choice, as in real deployments
            String provider = p == 0 && random.nextInt(3) > 0
                    ? providerNames.remove(random.nextInt(2))
                    : providerNames.remove(random.nextInt(providerNames.size()));
            double weight = p == providerCount - 1 ? remainingWeight
                    : Math.round(remainingWeight * (0.5 + random.nextDouble() * 0.3) * 10) / 10.0;
            remainingWeight = Math.round((remainingWeight - weight) * 10) / 10.0;
            providerConfigs.add(providerConfig(id, provider, providerCount == 1 && random.nextBoolean() ? null : shared(weight),
                    tableKeys.get(provider), modelChoices.get(provider), created));
        }

        List<McpConfig> mcp = List.of();
        if (random.nextInt(100) < 4) {
            mcp = new ArrayList<>();
            int first = random.nextInt(mcpConfigs.size());
            int count = 1 + random.nextInt(2);
            for (int m = 0; m < count; m++) {
                int client = (first + m) % mcpConfigs.size();
                McpClientConfig config = mcpConfigs.get(client);
                List<String> tools = random.nextBoolean() || config.toolsToExecute().isEmpty() ? ALL_MODELS
                        : config.toolsToExecute().subList(0, 1 + random.nextInt(config.toolsToExecute().size()));
                mcp.add(new McpConfig(nextMcpConfigId++, id, (long) client + 1, config, tools));
                mcpAccess.get(client).add(new McpVirtualKeyAccess(id, name, tools));
            }
        }

        Boolean accessProfileManaged = random.nextInt(100) < 3 ? Boolean.TRUE : Boolean.FALSE;
        String configHash = random.nextInt(10) == 0 ? Long.toHexString(random.nextLong()) : null;
        Instant rotatedAt = random.nextInt(20) == 0 ? updated : null;
        return new VirtualKey(id, name, description, value, inactive ? Boolean.FALSE : Boolean.TRUE, expiresAt,
                providerConfigs, mcp, team == null ? null : team.id(), customer == null ? null : customer.id(),
                rateLimit == null ? null : rateLimit.id(), calendarAligned, random.nextInt(20) == 0, team, customer,
                rateLimit, budgets, accessProfileManaged, null, configHash, null, rotatedAt,
                random.nextInt(4) == 0 ? "usr_" + Integer.toHexString(random.nextInt(0x10000)) : null, created,
                updated);
    }

    private static final String[] COST_CENTERS = {"cc-42", "cc-17", "cc-108", "cc-7", "cc-300"};
    private static final String[] OWNERS = {"platform", "data", "growth", "support", "security"};

    /**
     * What Bifrost 2.x adds to a key (API.md §5, §10.1, §12): metadata on two keys in five; delete-after-expire on
     * half the keys that expire; a rotation grace period on some rotated keys; a quarterly budget with its fiscal
     * start on one key in twelve; a budget override (for some cycles or for good) on one budgeted key in eight;
     * {@code regex:} model patterns in one provider config in ten.
     */
    private VirtualKey withTwoXFields(VirtualKey k) {
        Map<String, String> metadata = Map.of();
        if (twoX.nextInt(5) < 2) {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("cost_center", COST_CENTERS[twoX.nextInt(COST_CENTERS.length)]);
            m.put("owner", OWNERS[twoX.nextInt(OWNERS.length)]);
            if (twoX.nextBoolean()) {
                m.put("env", shared(k.name() == null ? "prod" : k.name().substring(k.name().lastIndexOf('-') + 1)));
            }
            metadata = shared(m); // always in the same order, so equal maps are the same map
        }
        Boolean deleteAfterExpire = k.expiresAt() != null && twoX.nextBoolean() ? Boolean.TRUE : null;
        Instant graceUntil = k.rotatedAt() != null && twoX.nextInt(3) == 0
                ? now.plus(Duration.ofHours(1 + twoX.nextInt(47))) : null;
        List<Budget> budgets = new ArrayList<>();
        for (Budget b : k.budgets()) {
            budgets.add(twoX.nextInt(8) == 0 ? withOverride(b) : b);
        }
        if (twoX.nextInt(12) == 0 && budgets.stream().noneMatch(b -> "1Q".equals(b.resetDuration()))) {
            int startMonth = new int[]{1, 4, 7, 10}[twoX.nextInt(4)];
            double limit = 3_000 + 1_000 * twoX.nextInt(10);
            Instant quarterStart = quarterStart(startMonth);
            budgets.add(new Budget(uuidFrom(twoX), limit, "1Q",
                    quarterStart.isBefore(k.createdAt()) ? k.createdAt() : quarterStart,
                    Math.round(limit * twoX.nextDouble() * 0.8 * 100) / 100.0, null, null, k.id(), null, null, null,
                    null, null, null, null, k.createdAt(), k.createdAt(), startMonth, null, null, null));
        }
        List<ProviderConfig> configs = new ArrayList<>();
        for (ProviderConfig c : k.providerConfigs()) {
            configs.add(twoX.nextInt(10) == 0 ? withPatterns(c) : c);
        }
        return new VirtualKey(k.id(), k.name(), k.description(), k.value(), k.isActive(), k.expiresAt(), configs,
                k.mcpConfigs(), k.teamId(), k.customerId(), k.rateLimitId(), k.calendarAligned(),
                k.allowAllProviders(), k.team(), k.customer(), k.rateLimit(), budgets, k.isAccessProfileManaged(),
                k.assignedUser(), k.configHash(), graceUntil, k.rotatedAt(), k.createdByUserId(), k.createdAt(),
                k.updatedAt(), metadata, deleteAfterExpire, null, null, null);
    }

    private Budget withOverride(Budget b) {
        boolean forever = twoX.nextInt(3) == 0;
        int total = 2 + twoX.nextInt(3);
        return new Budget(b.id(), b.maxLimit(), b.resetDuration(), b.lastReset(), b.currentUsage(),
                b.calendarAligned(), b.teamId(), b.virtualKeyId(), b.providerConfigId(), b.customerId(),
                b.modelConfigId(), (double) Math.max(5, Math.round(b.maxLimit() * 0.5)), forever ? "forever" : "cycles",
                forever ? null : 1 + twoX.nextInt(total), b.configHash(), b.createdAt(), b.updatedAt(),
                b.quarterStartMonth(), forever ? null : total, null, null);
    }

    /** The start of the fiscal quarter that contains now, for quarters that begin in {@code startMonth}. */
    private Instant quarterStart(int startMonth) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        int monthsIn = Math.floorMod(today.getMonthValue() - startMonth, 3);
        return today.withDayOfMonth(1).minusMonths(monthsIn).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** Bifrost's {@code regex:} entries (API.md §5.10): whole-name, case-insensitive RE2 patterns. */
    private static ProviderConfig withPatterns(ProviderConfig c) {
        List<String> allowed = c.allowsAllModels() ? c.allowedModels()
                : List.of("regex:^(gpt|claude|gemini)-.*$", "regex:.*-mini$");
        List<String> blocked = List.of("regex:.*-preview$");
        return new ProviderConfig(c.id(), c.virtualKeyId(), c.provider(), c.weight(), allowed, blocked,
                c.allowAllKeys(), c.rateLimitId(), c.rateLimit(), c.budgets(), c.keys(), c.modelBudgets(),
                c.unknownFields());
    }

    private static String uuidFrom(SplittableRandom r) {
        long most = (r.nextLong() & ~0xF000L) | 0x4000L;
        long least = (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(most, least).toString();
    }

    private int pickBudgetCount() {
        int r = random.nextInt(100);
        return r < 25 ? 0 : r < 65 ? 1 : r < 90 ? 2 : 3;
    }

    private int pickProviderCount() {
        int r = random.nextInt(100);
        return r < 45 ? 1 : r < 80 ? 2 : r < 95 ? 3 : 4;
    }

    private ProviderConfig providerConfig(String keyId, String provider, Double weight, List<ProviderKey> keys,
                                          List<List<String>> modelChoices, Instant created) {
        List<String> allowed = random.nextInt(4) == 0 ? ALL_MODELS : modelChoices.get(random.nextInt(modelChoices.size()));
        List<String> models = MODELS.get(provider);
        List<String> blacklisted = random.nextInt(100) < 15 ? shared(List.of(models.get(models.size() - 1))) : List.of();
        boolean allowAllKeys = random.nextBoolean();
        List<ProviderKey> allowedKeys = allowAllKeys ? List.of()
                : shared(List.copyOf(keys.subList(0, 1 + random.nextInt(keys.size()))));
        Long configId = nextProviderConfigId++; // one box for the config and its budget
        List<Budget> budgets = random.nextInt(100) < 15
                ? budgets(1, false, false, false, null, configId, created) : List.of();
        RateLimit rateLimit = random.nextInt(100) < 10 ? rateLimit(false, created) : null;
        return new ProviderConfig(configId, keyId, provider, weight, allowed, blacklisted, allowAllKeys,
                rateLimit == null ? null : rateLimit.id(), rateLimit, budgets, allowedKeys, List.of());
    }

    /** A few allowed-model subsets per provider, shared by every key that picks them. */
    private static Map<String, List<List<String>>> modelChoices() {
        Map<String, List<List<String>>> choices = new HashMap<>();
        MODELS.forEach((provider, models) -> {
            List<List<String>> subsets = new ArrayList<>();
            subsets.add(List.of(models.get(0)));
            subsets.add(List.copyOf(models.subList(0, 2)));
            subsets.add(List.copyOf(models.subList(1, models.size())));
            subsets.add(models);
            choices.put(provider, subsets);
        });
        return choices;
    }

    // ---- budgets and rate limits ------------------------------------------------------------------------

    private List<Budget> budgets(int count, boolean calendarAligned, boolean near, boolean over, String keyId,
                                 Long providerConfigId, Instant created) {
        if (count == 0) {
            return List.of();
        }
        List<Budget> budgets = new ArrayList<>(count);
        int start = random.nextInt(BUDGET_DURATIONS.length - count + 1);
        for (int b = 0; b < count; b++) {
            String duration = BUDGET_DURATIONS[start + b];
            double limit = switch (duration) {
                case "1h" -> 5 + 5 * random.nextInt(10);
                case "1d" -> 50 + 50 * random.nextInt(10);
                case "1w" -> 200 + 100 * random.nextInt(19);
                default -> 500 + 500 * random.nextInt(40);
            };
            // The last budget carries the "near" or "over" state, the others stay comfortable.
            double fraction = b == count - 1 && over ? 1.0 + random.nextDouble() * 0.3
                    : b == count - 1 && near ? 0.8 + random.nextDouble() * 0.19
                    : random.nextDouble() * 0.7;
            if (!over && !near && random.nextInt(8) == 0) {
                fraction = 0;
            }
            double usage = Math.round(limit * fraction * 100) / 100.0;
            budgets.add(new Budget(uuid(), limit, duration, lastReset(duration, calendarAligned, created), usage,
                    null, null, keyId, providerConfigId, null, null, null, null, null, null, created, created));
        }
        return budgets;
    }

    /**
     * The start of the current window: the calendar period start for aligned day/week/month budgets (Bifrost's
     * GetCalendarPeriodStart), otherwise a point less than one window ago, never before the budget existed.
     */
    private Instant lastReset(String duration, boolean calendarAligned, Instant created) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        Instant reset;
        if (calendarAligned && !duration.equals("1h")) {
            LocalDate start = switch (duration) {
                case "1d" -> today;
                case "1w" -> today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                default -> today.withDayOfMonth(1);
            };
            reset = start.atStartOfDay(ZoneOffset.UTC).toInstant();
        } else {
            long window = switch (duration) {
                case "1h" -> 3_600;
                case "1d" -> 86_400;
                case "1w" -> 7 * 86_400;
                default -> 30 * 86_400;
            };
            reset = now.minusSeconds(random.nextLong(window));
        }
        return reset.isBefore(created) ? created : shared(reset);
    }

    private RateLimit rateLimit(boolean exhausted, Instant created) {
        boolean tokens = random.nextInt(3) > 0;
        boolean requests = !tokens || random.nextBoolean();
        Long tokenMax = tokens ? shared(100_000L * (1 + random.nextInt(50))) : null;
        Long requestMax = requests ? shared(60L * (1 + random.nextInt(100))) : null;
        String tokenWindow = tokens ? (random.nextBoolean() ? "1h" : "1d") : null;
        String requestWindow = requests ? (random.nextBoolean() ? "1m" : "1h") : null;
        long tokenUsage = tokens ? (exhausted && !requests ? tokenMax : (long) (tokenMax * random.nextDouble() * 0.9)) : 0;
        long requestUsage = requests ? (exhausted ? requestMax : (long) (requestMax * random.nextDouble() * 0.9)) : 0;
        Instant tokenReset = tokens ? shared(max(created, now.minusSeconds(random.nextInt(3_600)))) : null;
        Instant requestReset = requests ? shared(max(created, now.minusSeconds(random.nextInt(60)))) : null;
        return new RateLimit(uuid(), tokenMax, tokenWindow, tokenUsage, tokenReset, requestMax, requestWindow,
                requestUsage, requestReset, null, null, created, created);
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    // ---- teams and customers -----------------------------------------------------------------------------

    private Customer customer(String name, int index, int count) {
        Instant created = now.minus(Duration.ofDays(600 - 500L * index / Math.max(1, count)));
        boolean aligned = random.nextBoolean();
        String id = uuid();
        List<Budget> budgets = random.nextInt(3) > 0
                ? budgets(1, aligned, random.nextInt(5) == 0, false, null, null, created).stream()
                .map(b -> withOwner(b, null, id)).toList() : List.of();
        RateLimit rateLimit = random.nextBoolean() ? rateLimit(false, created) : null;
        return new Customer(id, name, rateLimit == null ? null : rateLimit.id(), budgets, null, rateLimit, null, 0,
                aligned, null, created, created.plus(Duration.ofDays(random.nextInt(30))));
    }

    private Team team(String name, Customer customer, int index) {
        Instant created = now.minus(Duration.ofDays(580 - index * 3L % 480));
        boolean aligned = random.nextBoolean();
        String id = uuid();
        List<Budget> budgets = random.nextInt(2) == 0
                ? budgets(1 + random.nextInt(2), aligned, false, random.nextInt(10) == 0, null, null, created)
                .stream().map(b -> withOwner(b, id, null)).toList() : List.of();
        RateLimit rateLimit = random.nextInt(3) == 0 ? rateLimit(false, created) : null;
        String sourceId = random.nextInt(6) == 0 ? "scim:okta/" + name.toLowerCase().replace(' ', '-') : null;
        return new Team(id, name, customer == null ? null : customer.id(), rateLimit == null ? null : rateLimit.id(),
                sourceId, null, budgets, null, rateLimit, 0, aligned, null, created, created);
    }

    private static Budget withOwner(Budget b, String teamId, String customerId) {
        return new Budget(b.id(), b.maxLimit(), b.resetDuration(), b.lastReset(), b.currentUsage(), null, teamId,
                null, null, customerId, null, null, null, null, null, b.createdAt(), b.updatedAt());
    }

    // ---- providers and their keys ------------------------------------------------------------------------

    private Map<String, List<ProviderKey>> providerKeys() {
        Map<String, List<ProviderKey>> keys = new LinkedHashMap<>();
        Instant created = now.minus(Duration.ofDays(620));
        keys.put("openai", List.of(
                key("openai", "openai-primary", env("OPENAI_API_KEY", "sk-proj-"), MODELS.get("openai"), 0.7, null, null, null, created),
                key("openai", "openai-batch", literal("sk-proj-"), List.of("gpt-4o-mini", "text-embedding-3-large"), 0.3, null, null, null, created)));
        keys.put("anthropic", List.of(
                key("anthropic", "anthropic-main", env("ANTHROPIC_API_KEY", "sk-ant-api03-"), ALL_MODELS, 1.0, null, null, null, created),
                key("anthropic", "anthropic-eu", literal("sk-ant-api03-"), List.of("claude-sonnet-4-5"), 0.5, null, null, null, created)));
        keys.put("azure", List.of(key("azure", "azure-eastus-prod", env("AZURE_OPENAI_API_KEY", ""), MODELS.get("azure"), 1.0,
                new AzureKeyConfig(SecretValue.env("env.AZURE_OPENAI_ENDPOINT", "https://acme-eastus.openai.azure.com"),
                        SecretValue.env("env.AZURE_CLIENT_ID", "3f2b8c1e-7d44-4a0b-9a63-5c2e1f0d9b77"),
                        env("AZURE_CLIENT_SECRET", "azs~"), SecretValue.plain("72f988bf-86f1-41af-91ab-2d7cd011db47"),
                        SecretValue.plain("2024-10-21"), Map.of("gpt-4o", "gpt4o-prod", "gpt-4o-mini", "gpt4o-mini-prod")),
                null, null, created)));
        keys.put("bedrock", List.of(key("bedrock", "bedrock-us-east-1", SecretValue.plain(""), MODELS.get("bedrock"), 1.0, null, null,
                new BedrockKeyConfig(env("AWS_ACCESS_KEY_ID", "AKIA"), env("AWS_SECRET_ACCESS_KEY", ""),
                        null, SecretValue.plain("us-east-1"),
                        SecretValue.plain("arn:aws:bedrock:us-east-1:123456789012:inference-profile/acme-claude"),
                        Map.of("claude-3-5-sonnet", "us.anthropic.claude-3-5-sonnet-20241022-v2:0")), created)));
        keys.put("vertex", List.of(key("vertex", "vertex-acme-ml", SecretValue.plain(""), MODELS.get("vertex"), 1.0, null,
                new VertexKeyConfig(SecretValue.plain("acme-ml-prod"), SecretValue.plain("481516234200"),
                        SecretValue.plain("us-central1"), env("VERTEX_CREDENTIALS", "{\"type\":\"service_account\",")),
                null, created)));
        keys.put("gemini", List.of(key("gemini", "gemini-studio", env("GEMINI_API_KEY", "AIza"), MODELS.get("gemini"), 1.0, null, null, null, created)));
        keys.put("mistral", List.of(key("mistral", "mistral-la-plateforme", literal(""), MODELS.get("mistral"), 1.0, null, null, null, created)));
        keys.put("groq", List.of(
                key("groq", "groq-fast", env("GROQ_API_KEY", "gsk_"), MODELS.get("groq"), 1.0, null, null, null, created),
                key("groq", "groq-fallback", literal("gsk_"), List.of("llama-3.1-8b-instant"), 0.2, null, null, null, created)));
        return keys;
    }

    private ProviderKey key(String provider, String name, SecretValue value, List<String> models, double weight,
                            AzureKeyConfig azure, VertexKeyConfig vertex, BedrockKeyConfig bedrock, Instant created) {
        boolean batch = name.endsWith("batch");
        return new ProviderKey(uuid(), name, null, provider, null, value, models,
                provider.equals("openai") && !batch ? List.of("o3-mini") : List.of(), weight,
                !name.endsWith("fallback"), batch, azure, vertex, bedrock, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, created, created.plus(Duration.ofDays(40)));
    }

    /** What a virtual key's provider config embeds: id, name, key_id, models and provider only, no secrets. */
    private static Map<String, List<ProviderKey>> tableKeys(Map<String, List<ProviderKey>> providerKeys) {
        Map<String, List<ProviderKey>> table = new HashMap<>();
        long dbId = 1;
        for (Map.Entry<String, List<ProviderKey>> e : providerKeys.entrySet()) {
            List<ProviderKey> list = new ArrayList<>();
            for (ProviderKey k : e.getValue()) {
                list.add(new ProviderKey(String.valueOf(dbId++), k.name(), null, k.provider(), k.id(), null,
                        k.models(), null, null, null, null, null, null, null, null, null, null, null, null, null,
                        null, null, null, null, null, null, null, null, null, null, null, null));
            }
            table.put(e.getKey(), List.copyOf(list));
        }
        return table;
    }

    private SecretValue env(String variable, String prefix) {
        return SecretValue.env("env." + variable, prefix + randomToken(40));
    }

    private SecretValue literal(String prefix) {
        return SecretValue.plain(prefix + randomToken(40));
    }

    // ---- MCP clients ---------------------------------------------------------------------------------------

    private static List<McpClientConfig> mcpClientConfigs() {
        return List.of(
                new McpClientConfig("mcp_github", "github", false, "http",
                        SecretValue.plain("https://api.githubcopilot.com/mcp/"), null, null, "headers", null,
                        Map.of("Authorization", SecretValue.env("env.GITHUB_MCP_TOKEN", "")),
                        List.of("search_code", "get_pull_request", "create_issue"), List.of("search_code"),
                        Map.of("create_issue", 0.002, "search_code", 0.0005), false, List.of(), false),
                new McpClientConfig("mcp_filesystem", "filesystem", false, "stdio", null,
                        new StdioConfig("npx", List.of("-y", "@modelcontextprotocol/server-filesystem", "/srv/shared"),
                                List.of()), null, "none", null, null,
                        List.of("read_file", "list_directory"), List.of("list_directory"), Map.of(), false, List.of(), false),
                new McpClientConfig("mcp_postgres_analytics", "postgres-analytics", true, "stdio", null,
                        new StdioConfig("uvx", List.of("mcp-server-postgres", "--read-only"),
                                List.of("DATABASE_URL", "PGSSLMODE")), null, "none", null, null,
                        List.of("query", "list_tables", "describe_table"), List.of(),
                        Map.of("query", 0.01), false, List.of(), false),
                new McpClientConfig("mcp_web_search", "web-search", false, "sse",
                        SecretValue.plain("https://search.internal.acme.dev/sse"), null,
                        new TlsConfig(false, "<redacted>"), "headers", null,
                        Map.of("X-Api-Key", SecretValue.plain("sk-s************************9f2a")),
                        List.of("*"), List.of(), Map.of("web_search", 0.005), true, List.of(), false),
                // allow_by_default is the v2.1.0 name; web-search above still uses allow_on_all_virtual_keys.
                new McpClientConfig("mcp_jira", "jira", false, "http",
                        SecretValue.env("env.JIRA_MCP_URL", "https://jira.acme.dev/mcp"), null,
                        new TlsConfig(true, null), "oauth", "oauth_jira_1", null,
                        List.of("search_issues", "create_issue"), List.of("search_issues"), Map.of(), null,
                        List.of("X-Jira-User"), false, Boolean.TRUE, null),
                new McpClientConfig("mcp_slack", "slack", false, "sse", SecretValue.plain("https://slack-mcp.acme.dev/sse"),
                        null, null, "headers", null, null, List.of("post_message"), List.of(), Map.of("post_message", 0.001),
                        false, List.of(), true));
    }

    private static Map<String, List<McpTool>> mcpTools() {
        return Map.of(
                "github", List.of(new McpTool("search_code", "Search code across repositories", null),
                        new McpTool("get_pull_request", "Read a pull request with its diff", null),
                        new McpTool("create_issue", "Open an issue in a repository", true)),
                "filesystem", List.of(new McpTool("read_file", "Read a file under /srv/shared", null),
                        new McpTool("list_directory", "List a directory", null),
                        new McpTool("write_file", "Write a file (not allowed for keys)", null)),
                "postgres-analytics", List.of(new McpTool("query", "Run a read-only SQL query", true),
                        new McpTool("list_tables", "List tables", null),
                        new McpTool("describe_table", "Columns and types of a table", null)),
                "web-search", List.of(new McpTool("web_search", "Search the public web", null),
                        new McpTool("fetch_page", "Fetch a page as text", null)),
                "jira", List.of(new McpTool("search_issues", "JQL search", null),
                        new McpTool("create_issue", "Create a Jira issue", null)),
                "slack", List.of());
    }

    // ---- identifiers -------------------------------------------------------------------------------------

    private String uuid() {
        long most = (random.nextLong() & ~0xF000L) | 0x4000L;
        long least = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(most, least).toString();
    }

    private static final char[] TOKEN_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    private String randomToken(int length) {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = TOKEN_CHARS[random.nextInt(TOKEN_CHARS.length)];
        }
        return new String(chars);
    }
}
