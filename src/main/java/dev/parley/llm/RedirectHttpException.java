package dev.parley.llm;

import dev.langchain4j.exception.HttpException;

/**
 * The provider answered a request with a redirect. Parley does not follow it: the request carries the
 * API key, which must not go to a host the user did not configure, so the user is told the new address.
 */
final class RedirectHttpException extends HttpException {

    private final String location;

    RedirectHttpException(int statusCode, String location) {
        super(statusCode, "redirect to " + location);
        this.location = location;
    }

    /** Where the provider pointed, or "(no Location header)". */
    String location() {
        return location;
    }
}
