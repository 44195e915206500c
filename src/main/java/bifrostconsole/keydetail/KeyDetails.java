package bifrostconsole.keydetail;

import bifrostconsole.messages.DisplayText;
import bifrostconsole.api.AzureKeyConfig;
import bifrostconsole.api.BedrockKeyConfig;
import bifrostconsole.api.Customer;
import bifrostconsole.api.KeyStatus;
import bifrostconsole.api.McpClientConfig;
import bifrostconsole.api.McpConfig;
import bifrostconsole.api.ModelBudget;
import bifrostconsole.api.ProviderConfig;
import bifrostconsole.api.ProviderKey;
import bifrostconsole.api.SecretValue;
import bifrostconsole.api.Team;
import bifrostconsole.api.VertexKeyConfig;
import bifrostconsole.api.VirtualKey;
import bifrostconsole.headroom.Headroom;
import bifrostconsole.headroom.HeadroomCalculator;
import bifrostconsole.headroom.HeadroomWords;
import bifrostconsole.headroom.Owners;
import bifrostconsole.ui.Formats;
import bifrostconsole.ui.UsageLine;
import bifrostconsole.ui.UsageLines;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Everything the detail panes show about one key, as plain text and usage lines computed off the FX
 * thread. Secret values are masked here; an environment-backed value shows its variable's name instead.
 */
public record KeyDetails(
        VirtualKey key,
        KeyStatus status,
        String statusReason,
        List<Field> overview,
        List<Owner> owners,
        List<ProviderCard> providers,
        String providersNote,
        List<ProviderKeyCard> providerKeys,
        List<UsageLine> budgets,
        List<UsageLine> rateLimits,
        List<McpCard> mcpClients,
        String mcpNote,
        UsageLine headroom,
        List<HeadroomWords.Line> headroomLines) {

    /** A labelled value; {@code tooltip} explains it when the label alone does not. */
    public record Field(String label, String value, String tooltip) {
        public static Field of(String label, String value) {
            return new Field(label, value, null);
        }
    }

    /** The key's team or customer, whose own budgets and limits also apply. */
    public record Owner(String kind, String name, String id, List<UsageLine> budgets, List<UsageLine> rateLimits) {
    }

    /** Budgets and rate limits of one model inside a provider config. */
    public record ModelLimits(String model, List<UsageLine> lines) {
    }

    public record ProviderCard(String provider, String weightText, String shareText, String allowedModels,
                               String blockedModels, String keysText, List<UsageLine> budgets,
                               List<UsageLine> rateLimits, List<ModelLimits> modelLimits) {
    }

    public record ProviderKeyCard(String provider, String name, String keyId, String models, String weightText,
                                  boolean enabled, boolean batchApi, List<Field> settings) {
    }

    public record McpCard(String name, String connectionType, List<Field> fields, String toolsAllowed,
                          boolean disabled) {
    }

    static final String NONE = "\u2014";

    public static KeyDetails of(VirtualKey key, Formats formats, Instant now) {
        return of(key, formats, now, Owners.EMBEDDED);
    }

    /** {@code known}: the gateway's teams and customers, for budgets the key does not embed. */
    public static KeyDetails of(VirtualKey key, Formats formats, Instant now, Owners known) {
        UsageLines usage = new UsageLines(formats, now);
        Headroom headroom = new HeadroomCalculator(known).of(key, now);
        KeyStatus status = KeyStatus.of(key, now);
        String reason = statusReason(key, status, formats, now);

        List<Field> overview = new ArrayList<>();
        // The name as the table shows it; what its markers stand for in the tooltip (the header copies it exactly).
        List<String> nameNotes = DisplayText.notes(key.name());
        overview.add(new Field("Name", DisplayText.line(key.name()),
                nameNotes.isEmpty() ? null : String.join("\n", nameNotes)));
        overview.add(new Field("ID", key.id(), "The key's id in the management API; copy it with the button."));
        overview.add(Field.of("Description", DisplayText.line(blankToDash(key.description()))));
        overview.add(new Field("Status", status.label() + ": " + reason, null));
        overview.add(Field.of("Assigned to", assignedTo(key)));
        overview.add(new Field("Created", when(key.createdAt(), formats, now), null));
        overview.add(new Field("Updated", when(key.updatedAt(), formats, now), null));
        overview.add(new Field("Expires", expiry(key, formats, now),
                "delete_after_expire: whether the gateway deletes the key once it has expired."));
        overview.add(new Field("Providers", key.allowsAllProviders()
                ? "Allow all providers: every configured provider, including ones added later"
                : "Only the providers configured below",
                "allow_all_providers (Bifrost 2.1): providers with a configuration below keep its models, keys and"
                        + " limits."));
        if (!key.metadata().isEmpty()) {
            overview.add(new Field("Metadata", key.metadata().entrySet().stream()
                    .map(e -> e.getKey() + " = " + e.getValue()).collect(Collectors.joining(", ")),
                    "Labels on the key; the key list can filter on them and they are copied to every log row."));
        }
        overview.add(new Field("Calendar alignment", key.calendarAligned()
                ? "On: day, week, month and year windows reset at UTC midnight, on Mondays, on the 1st and on 1 January"
                : "Off: each window rolls from its own last reset",
                "Whether budgets and limits of a day or longer reset on calendar boundaries (UTC)."));
        overview.add(new Field("Config hash", key.configHash() == null || key.configHash().isBlank()
                ? NONE + " (created through the API or dashboard)"
                : key.configHash() + " (defined in config.json: edits may be overwritten by the next sync)",
                "Set when the key comes from the gateway's config.json."));
        if (key.accessProfileManaged()) {
            overview.add(new Field("Access profile", "Managed by an access profile: its limits replace the key's own",
                    "Change this key's budgets and limits on the access profile; the gateway refuses edits here."));
        }
        if (key.rotatedAt() != null) {
            overview.add(Field.of("Rotated", when(key.rotatedAt(), formats, now)));
        }
        if (key.previousValueExpiresAt() != null) {
            overview.add(new Field("Old value valid until", when(key.previousValueExpiresAt(), formats, now)
                    + (key.previousValueExpiresAt().isAfter(now) ? "" : " (grace period over)"),
                    "After a rotation the previous value keeps working until then (rotation cooldown)."));
        }

        List<Owner> owners = new ArrayList<>();
        Team team = key.team();
        if (team != null || key.teamId() != null) {
            String name = team != null && team.name() != null ? team.name() : key.teamId();
            owners.add(new Owner("Team", name, team != null ? team.id() : key.teamId(),
                    team == null ? List.of() : usage.budgets(team.allBudgets(), team.calendarAligned()),
                    team == null ? List.of() : usage.rateLimit(team.rateLimit(), team.calendarAligned())));
        }
        Customer customer = key.customer() != null ? key.customer() : team != null ? team.customer() : null;
        if (customer != null || key.customerId() != null) {
            String name = customer != null && customer.name() != null ? customer.name() : key.customerId();
            owners.add(new Owner("Customer", name, customer != null ? customer.id() : key.customerId(),
                    customer == null ? List.of() : usage.budgets(customer.allBudgets(), customer.calendarAligned()),
                    customer == null ? List.of()
                            : usage.rateLimit(customer.rateLimit(), customer.calendarAligned())));
        }

        double weightSum = key.providerConfigs().stream().filter(c -> c.weight() != null)
                .mapToDouble(ProviderConfig::weight).sum();
        List<ProviderCard> providers = new ArrayList<>();
        for (ProviderConfig c : key.providerConfigs()) {
            providers.add(providerCard(c, weightSum, formats, usage, key.calendarAligned()));
        }
        String providersNote = key.providerConfigs().isEmpty()
                ? (Boolean.TRUE.equals(key.allowAllProviders())
                ? "Every configured provider may be used with this key."
                : "No providers configured: every request with this key is refused (deny by default).")
                : null;

        Map<String, ProviderKeyCard> keys = new LinkedHashMap<>();
        for (ProviderConfig c : key.providerConfigs()) {
            for (ProviderKey k : c.keys()) {
                String id = k.id() != null ? k.id() : k.keyId();
                keys.putIfAbsent(c.provider() + "/" + id, providerKeyCard(c.provider(), k, formats));
            }
        }

        List<McpCard> mcp = new ArrayList<>();
        for (McpConfig m : key.mcpConfigs()) {
            mcp.add(mcpCard(m, formats));
        }
        String mcpNote = key.mcpConfigs().isEmpty()
                ? "No MCP clients configured for this key: only MCP servers allowed on all keys can be used." : null;

        return new KeyDetails(key, status, reason, List.copyOf(overview), List.copyOf(owners), List.copyOf(providers),
                providersNote, List.copyOf(keys.values()), usage.budgets(key.budgets(), key.calendarAligned()),
                usage.rateLimit(key.rateLimit(), key.calendarAligned()), List.copyOf(mcp), mcpNote,
                usage.headroom(headroom), usage.words().explanation(headroom, now));
    }

    static String statusReason(VirtualKey key, KeyStatus status, Formats formats, Instant now) {
        return switch (status) {
            case INACTIVE -> "switched off by an admin; requests with this key are refused";
            case EXPIRED -> "expired " + formats.relative(key.expiresAt(), now) + " (" + formats.dateTime(key.expiresAt())
                    + "); requests with this key are refused";
            case EXHAUSTED -> key.budgets().stream().anyMatch(b -> b.exhausted())
                    ? "a budget is used up; requests are refused until it resets"
                    : "a rate limit is reached; requests are refused until its window resets";
            case ACTIVE -> "requests with this key are accepted";
            case UNREADABLE -> "the console could not read this key: " + key.unreadable().reason()
                    + " (the gateway still applies it; a newer console may read it)";
        };
    }

    private static ProviderCard providerCard(ProviderConfig c, double weightSum, Formats formats, UsageLines usage,
                                             boolean aligned) {
        String weight = c.weight() == null ? "Not set" : formats.decimal(c.weight());
        String share = c.weight() == null ? "not in weighted routing"
                : weightSum > 0 ? formats.percent(c.weight() / weightSum) + " of weighted traffic" : "no traffic";
        String allowed = c.allowsAllModels() ? "All models"
                : c.allowedModels().isEmpty() ? "No models (deny all)" : models(c.allowedModels());
        String blocked = c.blacklistedModels().contains("*") ? "All models"
                : c.blacklistedModels().isEmpty() ? "None" : models(c.blacklistedModels());
        String keys;
        if (c.allowAllKeys()) {
            keys = "All keys";
        } else if (c.keys().isEmpty()) {
            keys = "No keys (deny all)";
        } else {
            keys = c.keys().stream().map(k -> k.name() != null ? k.name() : k.id()).collect(Collectors.joining(", "));
        }
        List<ModelLimits> models = new ArrayList<>();
        for (ModelBudget m : c.modelBudgets()) {
            List<UsageLine> lines = new ArrayList<>(usage.budgets(m.budgets(), aligned));
            lines.addAll(usage.rateLimit(m.rateLimit(), aligned));
            models.add(new ModelLimits(m.modelName(), lines));
        }
        return new ProviderCard(c.provider(), weight, share, allowed, blocked, keys,
                usage.budgets(c.budgets(), aligned), usage.rateLimit(c.rateLimit(), aligned), models);
    }

    private static ProviderKeyCard providerKeyCard(String provider, ProviderKey k, Formats formats) {
        List<Field> settings = new ArrayList<>();
        AzureKeyConfig azure = k.azure();
        if (azure != null) {
            add(settings, "Azure endpoint", azure.endpoint(), false);
            add(settings, "Azure client ID", azure.clientId(), true);
            add(settings, "Azure client secret", azure.clientSecret(), true);
            add(settings, "Azure tenant ID", azure.tenantId(), true);
            add(settings, "Azure API version", azure.apiVersion(), false);
            if (!azure.deployments().isEmpty()) {
                settings.add(Field.of("Azure deployments", mapText(azure.deployments())));
            }
        }
        VertexKeyConfig vertex = k.vertex();
        if (vertex != null) {
            add(settings, "Vertex project ID", vertex.projectId(), false);
            add(settings, "Vertex project number", vertex.projectNumber(), false);
            add(settings, "Vertex region", vertex.region(), false);
            add(settings, "Vertex credentials", vertex.authCredentials(), true);
        }
        BedrockKeyConfig bedrock = k.bedrock();
        if (bedrock != null) {
            add(settings, "Bedrock access key", bedrock.accessKey(), true);
            add(settings, "Bedrock secret key", bedrock.secretKey(), true);
            add(settings, "Bedrock session token", bedrock.sessionToken(), true);
            add(settings, "Bedrock region", bedrock.region(), false);
            add(settings, "Bedrock ARN", bedrock.arn(), false);
            if (!bedrock.deployments().isEmpty()) {
                settings.add(Field.of("Bedrock deployments", mapText(bedrock.deployments())));
            }
        }
        if (k.value() != null && !k.value().isEmpty()) {
            add(settings, "Key value", k.value(), true);
        }
        String models = k.models().isEmpty() || k.models().contains("*") ? "All models" : String.join(", ", k.models());
        return new ProviderKeyCard(k.provider() != null ? k.provider() : provider,
                k.name() != null ? k.name() : NONE, k.id() != null ? k.id() : blankToDash(k.keyId()), models,
                k.weight() == null ? "1 (default)" : formats.decimal(k.weight()), k.isEnabled(), k.isUsedForBatchApi(),
                List.copyOf(settings));
    }

    private static McpCard mcpCard(McpConfig m, Formats formats) {
        McpClientConfig c = m.mcpClient();
        String tools = m.toolsToExecute().contains("*") ? "All tools"
                : m.toolsToExecute().isEmpty() ? "No tools (deny all)" : String.join(", ", m.toolsToExecute());
        List<Field> fields = new ArrayList<>();
        if (c == null) {
            return new McpCard("Client #" + m.mcpClientId(), NONE, List.of(Field.of("Tools allowed", tools)), tools,
                    false);
        }
        fields.add(Field.of("Connection type", blankToDash(c.connectionType())));
        if (c.connectionString() != null && !c.connectionString().isEmpty()) {
            fields.add(Field.of("Connection", secretText(c.connectionString(), false)));
        }
        if (c.stdioConfig() != null) {
            fields.add(Field.of("Command", blankToDash(c.stdioConfig().command())));
            fields.add(Field.of("Arguments", c.stdioConfig().args().isEmpty() ? "None"
                    : String.join(" ", c.stdioConfig().args())));
            fields.add(new Field("Environment", c.stdioConfig().envs().isEmpty() ? "None"
                    : String.join(", ", c.stdioConfig().envs()),
                    "Names of the environment variables passed to the command; their values are not shown."));
        }
        if (c.tlsConfig() != null) {
            fields.add(Field.of("TLS", c.tlsConfig().insecureSkipVerify()
                    ? "Certificate checks OFF (insecure skip verify)"
                    : "Certificates verified" + (c.tlsConfig().caCertPem() != null && !c.tlsConfig().caCertPem().isBlank()
                    ? " against a custom CA" : "")));
        }
        fields.add(Field.of("Tools allowed for this key", tools));
        List<String> auto = c.toolsToAutoExecute();
        fields.add(new Field("Auto-executed tools", auto.contains("*") ? "All tools"
                : auto.isEmpty() ? "None" : String.join(", ", auto),
                "Tools the gateway runs without asking the caller first."));
        if (!c.toolPricing().isEmpty()) {
            fields.add(new Field("Tool pricing", c.toolPricing().entrySet().stream()
                    .map(e -> e.getKey() + " " + formats.money(e.getValue()))
                    .collect(Collectors.joining(", ")), "Cost charged to budgets per tool call, in US dollars."));
        }
        if (c.allowedByDefault()) {
            fields.add(new Field("Default access", "Allowed on all virtual keys (allow by default)",
                    "allow_by_default (before Bifrost 2.1: allow_on_all_virtual_keys): keys without an assignment"
                            + " may use this client's tools."));
        }
        return new McpCard(c.name() != null ? c.name() : blankToDash(c.clientId()),
                blankToDash(c.connectionType()), List.copyOf(fields), tools, c.disabled());
    }

    private static void add(List<Field> settings, String label, SecretValue v, boolean secret) {
        if (v == null || v.isEmpty()) {
            return;
        }
        settings.add(new Field(label, secretText(v, secret),
                v.fromEnvironment() ? "Read by the gateway from an environment variable." : null));
    }

    /** "env AZURE_ENDPOINT", "vault secret/path", a masked secret, or a plain non-secret value. */
    static String secretText(SecretValue v, boolean secret) {
        if (v.fromEnvironment()) {
            return "from env " + v.environmentVariable();
        }
        if (v.source() == SecretValue.Source.VAULT) {
            return "from vault " + v.reference();
        }
        String value = v.value() == null ? "" : v.value();
        if (!secret) {
            return value;
        }
        return value.isEmpty() ? "(hidden by the server)" : "\u2022".repeat(12) + " (masked)";
    }

    private static String mapText(Map<String, String> map) {
        return map.entrySet().stream().map(e -> e.getKey() + " \u2192 " + e.getValue())
                .collect(Collectors.joining(", "));
    }

    private static String assignedTo(VirtualKey key) {
        if (key.team() != null || key.teamId() != null) {
            return "Team " + DisplayText.inline(key.team() != null && key.team().name() != null ? key.team().name()
                    : key.teamId());
        }
        if (key.customer() != null || key.customerId() != null) {
            return "Customer " + DisplayText.inline(key.customer() != null && key.customer().name() != null
                    ? key.customer().name() : key.customerId());
        }
        if (key.assignedUser() != null) {
            return "User " + DisplayText.inline(key.assignedUser().name() != null ? key.assignedUser().name()
                    : key.assignedUser().email());
        }
        return "Nobody (not assigned to a team or customer)";
    }

    /** "Never", a date, or "Expired · auto-delete" when the gateway deletes the expired key. */
    static String expiry(VirtualKey key, Formats formats, Instant now) {
        if (key.expiresAt() == null) {
            return "Never";
        }
        boolean expired = !key.expiresAt().isAfter(now);
        String autoDelete = Boolean.TRUE.equals(key.deleteAfterExpire()) ? " \u00b7 auto-delete"
                : Boolean.FALSE.equals(key.deleteAfterExpire()) ? " \u00b7 kept after expiry" : "";
        return (expired ? "Expired" + autoDelete + ", " : "") + when(key.expiresAt(), formats, now)
                + (expired ? "" : autoDelete.isEmpty() ? "" : " (then" + autoDelete.replace(" \u00b7", "") + ")");
    }

    /** Model lists as written, with {@code regex:} entries shown as patterns. */
    static String models(List<String> models) {
        return models.stream().map(m -> m.startsWith("regex:") ? "pattern /" + m.substring(6) + "/" : m)
                .collect(Collectors.joining(", "));
    }

    private static String when(Instant t, Formats formats, Instant now) {
        return t == null ? NONE : formats.dateTime(t) + " (" + formats.relative(t, now) + ")";
    }

    private static String blankToDash(String s) {
        return s == null || s.isBlank() ? NONE : s;
    }
}
