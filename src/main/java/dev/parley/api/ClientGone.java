package dev.parley.api;

import java.net.SocketException;
import java.util.Set;

/**
 * A request that failed because its client went away (it closed the connection mid-body, or before
 * the answer): nothing to answer and nothing wrong with Parley, so not an error for the log.
 */
final class ClientGone {

    /** Helidon's own signs of a connection that ended under a request. */
    private static final Set<String> HELIDON_SIGNS = Set.of("InsufficientDataAvailableException",
            "ServerConnectionException", "CloseConnectionException");

    private ClientGone() {}

    static boolean is(Throwable error) {
        int depth = 0;
        for (Throwable cause = error; cause != null && depth < 20; cause = cause.getCause(), depth++) {
            if (cause instanceof SocketException || HELIDON_SIGNS.contains(cause.getClass().getSimpleName())) {
                return true;
            }
        }
        return false;
    }
}
