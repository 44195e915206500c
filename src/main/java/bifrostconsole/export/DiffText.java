package bifrostconsole.export;

import bifrostconsole.api.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A diff as people read it (text) and as scripts read it (JSON). */
public final class DiffText {
    private DiffText() {
    }

    public static String render(GovernanceDiff diff) {
        StringBuilder b = new StringBuilder();
        b.append("Old: ").append(side(diff.old())).append('\n');
        b.append("New: ").append(side(diff.current())).append('\n');
        b.append("Not compared:\n");
        diff.notCompared().forEach(line -> b.append("  - ").append(line).append('\n'));
        section(b, "Virtual keys", diff.virtualKeys());
        section(b, "Teams", diff.teams());
        section(b, "Customers", diff.customers());
        if (!diff.hasDifferences()) {
            b.append("\nNo differences.\n");
        }
        return b.toString();
    }

    public static void writeJson(GovernanceDiff diff, OutputStream out) throws IOException {
        Json.mapper().writerWithDefaultPrettyPrinter().writeValue(nonClosing(out), diff);
        out.write('\n');
        out.flush();
    }

    private static String side(GovernanceDiff.Side s) {
        String what = s.server() == null ? s.label() : s.label() + ": " + s.server()
                + (s.serverVersion() == null ? "" : " (" + s.serverVersion() + ")");
        return what + (s.takenAt() == null ? "" : ", taken " + s.takenAt());
    }

    private static void section(StringBuilder b, String title, SectionDiff d) {
        b.append('\n').append(title).append(": ");
        if (d.isEmpty()) {
            b.append(String.format(Locale.ROOT, "no differences (%,d compared)%n", d.unchanged()));
            return;
        }
        b.append(String.format(Locale.ROOT, "%,d added, %,d removed, %,d changed, %,d unchanged%n",
                d.added().size(), d.removed().size(), d.changed().size(), d.unchanged()));
        d.added().forEach(r -> b.append("  + ").append(ref(r)).append('\n'));
        d.removed().forEach(r -> b.append("  - ").append(ref(r)).append('\n'));
        for (ItemChange c : d.changed()) {
            b.append("  ~ ").append(ref(new ItemRef(c.id(), c.name()))).append('\n');
            for (FieldChange f : c.changes()) {
                b.append("      ").append(change(f)).append('\n');
            }
        }
    }

    private static String ref(ItemRef r) {
        return r.name().isEmpty() ? r.id() : r.name() + "  (" + r.id() + ")";
    }

    /** {@code budgets[1M].max_limit: 100.00 -> 150.00}. */
    public static String change(FieldChange f) {
        return f.path() + ": " + value(f.oldValue()) + " -> " + value(f.newValue());
    }

    /** A value as a person reads it: text quoted, money-like numbers with two decimals, lists bare. */
    public static String value(JsonNode v) {
        if (v == null || v.isNull()) {
            return "(none)";
        }
        if (v.isTextual()) {
            return v.toString(); // JSON-quoted: shows stray spaces and newlines
        }
        if (v.isFloatingPointNumber() || v.isBigDecimal()) {
            BigDecimal d = v.decimalValue().stripTrailingZeros();
            return d.scale() <= 2 ? String.format(Locale.ROOT, "%.2f", d) : d.toPlainString();
        }
        if (v.isArray() && allScalars(v)) {
            List<String> items = new ArrayList<>();
            v.forEach(n -> items.add(n.asText()));
            return "[" + String.join(", ", items) + "]";
        }
        if (v.isContainerNode()) {
            try {
                return Json.mapper().writeValueAsString(v);
            } catch (JsonProcessingException e) {
                return v.toString();
            }
        }
        return v.asText();
    }

    private static boolean allScalars(JsonNode array) {
        for (JsonNode n : array) {
            if (n.isContainerNode()) {
                return false;
            }
        }
        return true;
    }

    private static OutputStream nonClosing(OutputStream out) {
        return new java.io.FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                out.flush();
            }
        };
    }
}
