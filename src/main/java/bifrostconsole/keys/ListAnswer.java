package bifrostconsole.keys;

import java.time.Instant;

/**
 * What the server's last answer to the key list was, for the window's header: when it came ({@code at}, and
 * {@code time} as the user reads it), how many keys the gateway holds when the answer tells (an unfiltered list;
 * null after a search or filter, whose total counts only the matches), or why it failed ({@code failure}, one
 * sentence; null when it succeeded).
 */
public record ListAnswer(Instant at, String time, Long keyCount, String failure) {

    public boolean ok() {
        return failure == null;
    }
}
