package bifrostconsole.ui;

/** How a key value reads when masked: its first characters (never more than half of it), then eight bullets. */
public final class SecretMask {
    /** How many leading characters of a virtual key value stay readable when it is masked. */
    public static final int VISIBLE_PREFIX = 8;

    private SecretMask() {
    }

    public static String mask(String value, int visible) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        int shown = Math.min(visible, value.length() / 2);
        return value.substring(0, shown) + "\u2022".repeat(8);
    }
}
