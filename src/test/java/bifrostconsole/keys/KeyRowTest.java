package bifrostconsole.keys;

import bifrostconsole.api.Budget;
import bifrostconsole.api.KeyStatus;
import bifrostconsole.api.Team;
import bifrostconsole.api.VirtualKey;
import bifrostconsole.ui.Formats;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

import static bifrostconsole.testing.TestKeys.NOW;
import static bifrostconsole.testing.TestKeys.key;
import static bifrostconsole.testing.TestKeys.provider;
import static bifrostconsole.testing.TestKeys.rateLimit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KeyRowTest {
    private final Formats formats = new Formats(Locale.US, ZoneOffset.UTC);

    private KeyRow row(VirtualKey k) {
        return KeyRow.of(k, formats, NOW);
    }

    @Test
    void statusRulesFollowBifrostsPrecedence() {
        Budget spent = Budget.of("b", 10, "1d", 10, NOW);
        assertEquals(KeyStatus.INACTIVE, row(key("a").active(false).expiresAt(NOW.minusSeconds(1)).budget(spent)
                .build()).status(), "switched off beats expired and exhausted");
        assertEquals(KeyStatus.EXPIRED, row(key("a").expiresAt(NOW.minusSeconds(1)).budget(spent).build()).status(),
                "expired beats exhausted");
        assertEquals(KeyStatus.EXHAUSTED, row(key("a").expiresAt(NOW.plusSeconds(60)).budget(spent).build())
                .status());
        assertEquals(KeyStatus.EXHAUSTED, row(key("a").rateLimit(rateLimit(5, 1000L, 100, 100L)).build()).status(),
                "a request limit reached exhausts the key");
        assertEquals(KeyStatus.ACTIVE, row(key("a").expiresAt(NOW.plus(Duration.ofDays(1)))
                .budget(Budget.of("b", 10, "1d", 9.99, NOW)).rateLimit(rateLimit(5, 1000L, 99, 100L)).build())
                .status());
        assertEquals(KeyStatus.EXPIRED, row(key("a").expiresAt(NOW).build()).status(),
                "a key expiring this instant is expired");
    }

    @Test
    void cellTextsArePrecomputed() {
        KeyRow r = row(key("abc").name("billing-bot").createdAt(NOW.minus(Duration.ofDays(3)))
                .budget(Budget.of("b1", 100, "1M", 85, NOW)).budget(Budget.of("b2", 10, "1d", 1, NOW))
                .rateLimit(rateLimit(1500, 10_000L, 3, null)).team(Team.named("t1", "Alpha"))
                .provider(provider("openai", 0.7, List.of("*"))).provider(provider("anthropic", 0.3, List.of()))
                .build());
        assertEquals("Team: Alpha", r.assignedTo());
        assertEquals("sk-bf-ab\u2022\u2022\u2022\u2022\u2022\u2022\u2022\u2022", r.maskedValue());
        assertTrue(r.maskedValue().startsWith("sk-bf-ab"), "the first 8 characters stay visible");
        assertFalse(r.maskedValue().contains("secret"), "the rest of the value is hidden");
        assertEquals(2, r.budgets().size());
        assertEquals("$85.00 / $100.00 \u00b7 monthly", r.budgets().get(0).compactText());
        assertEquals(1, r.rateLimits().size(), "only the limits that are set");
        assertEquals("1,500 / 10,000 tokens", r.rateLimits().get(0).usedText());
        assertEquals("every minute", r.rateLimits().get(0).windowText());
        assertEquals("1,500 / 10K tokens \u00b7 every min", r.rateLimits().get(0).compactText(),
                "table cells use short counts; the tooltip has the exact ones");
        assertTrue(r.rateLimits().get(0).tooltip().contains("1,500 of 10,000 tokens"));
        assertEquals("2 \u00b7 openai, anthropic", r.providersText());
        assertEquals("Nov 24, 2026", r.createdText());
    }

    @Test
    void keyWithoutProvidersSaysItDeniesEverything() {
        KeyRow r = row(key("x").build());
        assertEquals("None", r.providersText());
        assertTrue(r.providersTooltip().contains("deny by default"));
        assertEquals("\u2014", r.assignedTo());
        assertTrue(r.budgets().isEmpty());
    }
}
