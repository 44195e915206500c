package bifrostconsole.testing;

import bifrostconsole.api.VirtualKey;
import bifrostconsole.demo.DemoDataGenerator;
import bifrostconsole.store.GovernanceStore;

import java.time.Instant;
import java.util.List;

/**
 * Names a Bifrost server accepts but a careless window draws wrongly: bidirectional overrides that reverse what is
 * read, line breaks and tabs that spill out of a row, invisible characters, a very long name, emoji with joiners and
 * CJK. Issue 15's tests seed the demo gateway with them ({@link #store}) and check each is shown as what it is.
 */
public final class HostileNames {

    /** U+202E RIGHT-TO-LEFT OVERRIDE: "invoice-" then "fdp.exe" drawn reversed reads as "invoice-exe.pdf". */
    public static final String RIGHT_TO_LEFT_OVERRIDE = "invoice-\u202Efdp.exe";
    /** U+202D LEFT-TO-RIGHT OVERRIDE inside Arabic text. */
    public static final String LEFT_TO_RIGHT_OVERRIDE = "\u0645\u0641\u062A\u0627\u062D \u202Dprod-key\u202C";
    public static final String LINE_BREAKS = "billing\r\nprod\nsecond line";
    public static final String TAB = "ops\tbatch";
    /** U+200B ZERO WIDTH SPACE and U+200D ZERO WIDTH JOINER between letters, U+FEFF at the start. */
    public static final String ZERO_WIDTH = "\uFEFFad\u200Bmin\u200Dkey";
    public static final String LONG = "very-long-name-".repeat(20); // 300 characters
    /** A family emoji joined with U+200D, a flag and a skin tone. */
    public static final String EMOJI_ZWJ = "team \uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67 \uD83C\uDDEF\uD83C\uDDF5 \uD83D\uDC4D\uD83C\uDFFD";
    public static final String CJK = "\u751F\u4EA7\u5BC6\u94A5 \u672C\u756A\u30AD\u30FC \uD504\uB85C\uB355\uC158";

    public static final List<String> ALL = List.of(RIGHT_TO_LEFT_OVERRIDE, LEFT_TO_RIGHT_OVERRIDE, LINE_BREAKS, TAB,
            ZERO_WIDTH, LONG, EMOJI_ZWJ, CJK);

    private HostileNames() {
    }

    /**
     * Demo data from {@code seed} as of {@code now} whose first {@code ALL.size()} keys (in the store's order) carry
     * the hostile names, one each, described as "hostile name i".
     */
    public static GovernanceStore store(long seed, int keyCount, Instant now) {
        GovernanceStore store = DemoDataGenerator.generate(seed, Math.max(keyCount, ALL.size()), now);
        List<VirtualKey> keys = store.virtualKeys();
        store.write(edit -> {
            for (int i = 0; i < ALL.size(); i++) {
                VirtualKey key = keys.get(i);
                edit.putVirtualKey(TestKeys.copyOf(key).name(ALL.get(i)).description("hostile name " + i).build());
            }
            return null;
        });
        return store;
    }
}
