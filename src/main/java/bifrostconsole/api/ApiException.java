package bifrostconsole.api;

import bifrostconsole.messages.ServerFailure;

/**
 * Every failure of a management API call: one sentence that names the server, says what went wrong and
 * what to do ({@link bifrostconsole.messages.HttpFailureWording} words them). Never carries the API key or a key value;
 * {@link #getMessage()} is fit to show to a user. Its {@code Kind} is {@link ServerFailure.Kind}, inherited.
 */
public class ApiException extends RuntimeException implements ServerFailure {

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

    @Override
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
