package bifrostconsole.api;

import java.util.List;

/**
 * One page of a list endpoint: {@code count} items on this page, {@code totalCount} matching the filters,
 * and the {@code limit}/{@code offset} the server actually used after clamping. {@code unreadable} lists the
 * items of the page the console could not read (teams, customers, MCP clients, provider keys; an unreadable
 * virtual key stays in {@code items} as a placeholder row, see {@link VirtualKey#unreadable(UnreadableItem)}).
 */
public record Page<T>(List<T> items, int count, long totalCount, int limit, int offset,
                      List<UnreadableItem> unreadable) {
    public Page {
        items = Lists.orEmpty(items);
        unreadable = Lists.orEmpty(unreadable);
    }

    public Page(List<T> items, int count, long totalCount, int limit, int offset) {
        this(items, count, totalCount, limit, offset, List.of());
    }

    public static <T> Page<T> of(List<T> items, Integer count, Long totalCount, Integer limit, Integer offset) {
        List<T> safe = Lists.orEmpty(items);
        return new Page<>(safe, count == null ? safe.size() : count, totalCount == null ? safe.size() : totalCount,
                limit == null ? safe.size() : limit, offset == null ? 0 : offset);
    }

    public static <T> Page<T> empty() {
        return new Page<>(List.of(), 0, 0, 0, 0);
    }

    /** This page with the given unreadable items. */
    public Page<T> withUnreadable(List<UnreadableItem> items) {
        return new Page<>(this.items, count, totalCount, limit, offset, items);
    }
}
