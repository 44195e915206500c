package bifrostconsole.headroom;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AttentionItemTest {

    private static AttentionItem item(Set<Reason> reasons) {
        return new AttentionItem("k-1", "key one", reasons, Binding.NONE, null, null, null, null);
    }

    @Test
    void equalReasonsAreOneSharedUnmodifiableSetInTheirOrder() {
        Set<Reason> a = item(EnumSet.of(Reason.UNUSED, Reason.EXPIRED)).reasons();
        Set<Reason> b = item(Set.of(Reason.EXPIRED, Reason.UNUSED)).reasons();
        assertSame(a, b, "a set per item is an object per item that every young collection copies");
        assertEquals(Set.of(Reason.EXPIRED, Reason.UNUSED), a);
        assertEquals(List.of(Reason.EXPIRED, Reason.UNUSED), List.copyOf(a), "in Reason's order");
        assertThrows(UnsupportedOperationException.class, () -> a.add(Reason.EXHAUSTED));
        assertSame(item(Set.of()).reasons(), item(EnumSet.noneOf(Reason.class)).reasons());
        EnumSet<Reason> mutable = EnumSet.of(Reason.NEAR_LIMIT);
        AttentionItem held = item(mutable);
        mutable.add(Reason.EXHAUSTED);
        assertEquals(Set.of(Reason.NEAR_LIMIT), held.reasons(), "not a view of the caller's set");
        java.util.Set<Reason> withNull = new java.util.HashSet<>();
        withNull.add(null);
        assertThrows(NullPointerException.class, () -> item(withNull));
    }

    @Test
    void aLimitsWindowTextIsOneSharedInstance() {
        Limit a = new Limit(Level.KEY, "k", Unit.DOLLARS, new String("1M"), 10, 10, 0, null, 1, 1, false,
                Instant.EPOCH, false);
        Limit b = new Limit(Level.TEAM, "t", Unit.DOLLARS, new String("1M"), 20, 20, 0, null, 2, 2, false, null,
                true);
        assertSame(a.window(), b.window());
        assertEquals("1M", a.window());
    }
}
