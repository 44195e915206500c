package bifrostconsole.limits;

/**
 * A rate limit as a form wants it: at most {@code tokenMax} tokens per {@code tokenWindow} and {@code requestMax}
 * requests per {@code requestWindow}; a null max means no limit of that kind. Bifrost replaces all four fields
 * together, so the request always carries the whole of it.
 */
public record LimitDraft(Long tokenMax, String tokenWindow, Long requestMax, String requestWindow) {
    public static final LimitDraft NONE = new LimitDraft(null, null, null, null);

    public boolean isNone() {
        return tokenMax == null && requestMax == null;
    }

    public static LimitDraft of(bifrostconsole.api.RateLimit r) {
        if (r == null) {
            return NONE;
        }
        return new LimitDraft(r.hasTokenLimit() ? r.tokenMaxLimit() : null, r.hasTokenLimit() ? r.tokenResetDuration()
                : null, r.hasRequestLimit() ? r.requestMaxLimit() : null,
                r.hasRequestLimit() ? r.requestResetDuration() : null);
    }
}
