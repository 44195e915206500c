package bifrostconsole.messages;

/**
 * A failed call to a server, told as one sentence ({@link UserReadable}) and classified by its {@link Kind}, so
 * that callers choose an exit code or a hint without parsing the sentence. {@code api.ApiException} is the
 * implementation (and names the kinds {@code ApiException.Kind}); they are declared here so that the wording
 * ({@link HttpFailureWording}) and the command line's exit codes need nothing from {@code api}.
 */
public interface ServerFailure extends UserReadable {

    /** What kind of failure. */
    enum Kind {
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

    Kind kind();
}
