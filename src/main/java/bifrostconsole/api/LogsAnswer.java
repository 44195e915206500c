package bifrostconsole.api;

import java.util.Optional;

/**
 * The answer of an endpoint a server may not have. Servers older than the logs API, or with logging turned off,
 * answer 404: that is a fact about the server, not a failure, so it comes back as "not available" with the
 * sentence to show, while real failures still fail the future.
 */
public record LogsAnswer<T>(T value, String notAvailable) {

    public static <T> LogsAnswer<T> of(T value) {
        return new LogsAnswer<>(value, null);
    }

    public static <T> LogsAnswer<T> notAvailable(String sentence) {
        return new LogsAnswer<>(null, sentence);
    }

    public boolean available() {
        return notAvailable == null;
    }

    public Optional<T> optional() {
        return Optional.ofNullable(value);
    }
}
