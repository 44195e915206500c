package bifrostconsole.keys;

import bifrostconsole.messages.DisplayText;
import bifrostconsole.api.KeyMetadata;
import bifrostconsole.api.KeyStatus;
import bifrostconsole.api.ProviderConfig;
import bifrostconsole.api.VirtualKey;
import bifrostconsole.headroom.HeadroomCalculator;
import bifrostconsole.headroom.Owners;
import bifrostconsole.ui.Formats;
import bifrostconsole.ui.SecretMask;
import bifrostconsole.ui.UsageLine;
import bifrostconsole.ui.UsageLines;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One table row, with every text the cells draw computed once, off the FX thread, so cells only copy
 * strings into labels. The key value stays inside the {@link VirtualKey} and is masked here.
 */
public record KeyRow(
        VirtualKey key,
        String assignedTo,
        String assignedToTooltip,
        String maskedValue,
        List<UsageLine> budgets,
        List<UsageLine> rateLimits,
        UsageLine headroom,
        KeyStatus status,
        String statusReason,
        String providersText,
        String providersTooltip,
        String metadataText,
        String metadataTooltip,
        String createdText,
        String createdTooltip) {

    public String id() {
        return key.id();
    }

    public String name() {
        return key.name();
    }

    public String plainValue() {
        return key.plainValue();
    }

    /** Used share of the binding limit, for sorting the page by headroom; -1 when nothing limits the key. */
    public double headroomUsed() {
        return headroom.percentText().isEmpty() ? -1 : headroom.fraction();
    }

    public static KeyRow of(VirtualKey key, Formats formats, Instant now) {
        return of(key, formats, now, Owners.EMBEDDED);
    }

    /** Every entry on a line of its own, as the cell's text may be cut short. */
    private static String metadataTooltip(VirtualKey key) {
        if (key.metadata().isEmpty()) {
            return "No metadata.";
        }
        StringBuilder tip = new StringBuilder(key.metadata().size() == 1 ? "1 metadata entry:"
                : key.metadata().size() + " metadata entries:");
        key.metadata().forEach((k, v) -> tip.append('\n').append(k).append(" = ").append(v));
        return tip.toString();
    }

    /** {@code owners}: the teams and customers read so far, for budgets a key does not embed. */
    public static KeyRow of(VirtualKey key, Formats formats, Instant now, Owners owners) {
        UsageLines usage = new UsageLines(formats, now);
        String assigned;
        String assignedTip;
        if (key.team() != null || key.teamId() != null) {
            String team = key.team() != null && key.team().name() != null ? key.team().name() : key.teamId();
            assigned = "Team: " + team;
            assignedTip = "Belongs to team " + DisplayText.inline(team) + "; the team's budgets and limits also apply.";
        } else if (key.customer() != null || key.customerId() != null) {
            String customer = key.customer() != null && key.customer().name() != null
                    ? key.customer().name() : key.customerId();
            assigned = "Customer: " + customer;
            assignedTip = "Belongs to customer " + DisplayText.inline(customer) + "; the customer's budgets and limits also apply.";
        } else if (key.assignedUser() != null) {
            String user = key.assignedUser().name() != null ? key.assignedUser().name() : key.assignedUser().email();
            assigned = "User: " + user;
            assignedTip = "Assigned to user " + DisplayText.inline(user) + ".";
        } else {
            assigned = "\u2014";
            assignedTip = "Not assigned to a team or customer.";
        }
        List<ProviderConfig> configs = key.providerConfigs();
        String providers;
        String providersTip;
        if (configs.isEmpty()) {
            boolean all = Boolean.TRUE.equals(key.allowAllProviders());
            providers = all ? "All providers" : "None";
            providersTip = all ? "Every configured provider may be used."
                    : "No provider configured: every request is refused (deny by default).";
        } else {
            String names = configs.stream().map(ProviderConfig::provider).collect(Collectors.joining(", "));
            providers = configs.size() + " \u00b7 " + names;
            providersTip = configs.size() + (configs.size() == 1 ? " provider: " : " providers: ") + names;
        }
        KeyStatus status = KeyStatus.of(key, now);
        return new KeyRow(key, assigned, assignedTip, SecretMask.mask(key.plainValue(), SecretMask.VISIBLE_PREFIX),
                usage.budgets(key.budgets(), key.calendarAligned()),
                usage.rateLimit(key.rateLimit(), key.calendarAligned()),
                usage.headroom(new HeadroomCalculator(owners).of(key, now)),
                status, KeyStatus.reason(key, now), providers, providersTip,
                key.metadata().isEmpty() ? "\u2014" : KeyMetadata.compact(key.metadata()), metadataTooltip(key),
                formats.date(key.createdAt()),
                key.createdAt() == null ? "Creation time unknown"
                        : formats.dateTime(key.createdAt()) + " (" + formats.relative(key.createdAt(), now) + ")");
    }
}
