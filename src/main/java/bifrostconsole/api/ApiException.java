package bifrostconsole.api;

import bifrostconsole.messages.UserReadable;

/**
 * Every failure of a management API call: one sentence that names the server, says what went wrong and
 * what to do. Never carries the API key or a key value; {@link #getMessage()} is fit to show to a user.
 */
public class ApiException extends RuntimeException implements UserReadable {

    /** What kind of failure, so callers can choose an exit code or a hint without parsing the message. */
    public enum Kind {
        BAD_REQUEST, UNAUTHORIZED, FORBIDDEN, NOT_FOUND, CONFLICT, RATE_LIMITED, SERVER_ERROR, UNAVAILABLE,
        HTTP_ERROR, CONNECTION_REFUSED, UNKNOWN_HOST, TLS, TIMEOUT, NOT_JSON, BAD_JSON, NOT_BIFROST, CANCELLED,
        NETWORK;

        /** Authentication or permission refused. */
        public boolean isAuth() {
            return this == UNAUTHORIZED || this == FORBIDDEN;
        }

        /** The server could not be reached at all. */
        public boolean isUnreachable() {
            return this == CONNECTION_REFUSED || this == UNKNOWN_HOST || this == TLS || this == TIMEOUT
                    || this == NETWORK;
        }
    }

    private final Kind kind;
    private final int statusCode;
    private final String server;
    private final String serverMessage;

    public ApiException(Kind kind, int statusCode, String server, String message, String serverMessage,
                        Throwable cause) {
        super(message, cause, false, false);
        this.kind = kind;
        this.statusCode = statusCode;
        this.server = server;
        this.serverMessage = serverMessage;
    }

    public Kind kind() {
        return kind;
    }

    /** The HTTP status, or 0 when the request never got an answer. */
    public int statusCode() {
        return statusCode;
    }

    /** The server as the user named it (scheme, host, port), never with credentials. */
    public String server() {
        return server;
    }

    /** The server's own {@code error.message}, or null. */
    public String serverMessage() {
        return serverMessage;
    }

    @Override
    public String toString() {
        return "ApiException[" + kind + (statusCode > 0 ? " " + statusCode : "") + "]: " + getMessage();
    }
}
