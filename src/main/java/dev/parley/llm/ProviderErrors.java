package dev.parley.llm;

import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.ContentFilteredException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.TimeoutException;
import dev.parley.config.ProviderConfig;
import dev.parley.config.ProviderType;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;

/** Turns whatever a provider client threw into one sentence that says what to do. */
final class ProviderErrors {

    private ProviderErrors() {}

    static LlmException explain(Throwable error, String name, ProviderConfig provider, String endpoint) {
        if (error instanceof LlmException explained) {
            return explained; // ours, e.g. the embedded model's download or load failing: already says what to do
        }
        String who = "Provider '" + name + "' (" + provider.type().configName() + " at " + endpoint + ")";
        String message = switch (classify(error)) {
            case CONNECTION -> who + " is not reachable (" + firstLine(rootCause(error)) + "). "
                    + (provider.type() == ProviderType.OLLAMA
                            ? "Start Ollama with 'ollama serve', or pick another provider with --provider."
                            : "Check llm.providers." + name + ".base-url and your network, or pick another provider with --provider.");
            case TIMEOUT -> who + " did not answer in time. Try again, raise llm.providers." + name
                    + ".timeout-seconds, or pick a faster model.";
            case AUTHENTICATION -> who + " rejected the API key"
                    + (provider.apiKeyEnv() != null ? " in " + provider.apiKeyEnv() : "")
                    + ". Check the key and set it again.";
            case MODEL_NOT_FOUND -> who + " has no model '" + provider.model() + "'. "
                    + (provider.type() == ProviderType.OLLAMA
                            ? "Run 'ollama pull " + provider.model() + "', or set another model."
                            : "Set llm.providers." + name + ".model to a model it offers, or use --model.");
            case RATE_LIMIT -> who + " is rate limiting requests. Wait a moment and try again.";
            case CONTENT_FILTERED -> who + " refused to answer (content filter).";
            case INVALID_REQUEST -> who + " rejected the request: " + firstLine(error);
            case SERVER -> who + " had an internal error: " + firstLine(error) + ". Try again shortly.";
            case OTHER -> who + " failed: " + firstLine(error);
        };
        return new LlmException(message, error);
    }

    enum Kind { CONNECTION, TIMEOUT, AUTHENTICATION, MODEL_NOT_FOUND, RATE_LIMIT, CONTENT_FILTERED, INVALID_REQUEST, SERVER, OTHER }

    static Kind classify(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof HttpConnectTimeoutException || cause instanceof ConnectException
                    || cause instanceof UnknownHostException || cause instanceof UnresolvedAddressException) {
                return Kind.CONNECTION;
            }
            if (cause instanceof TimeoutException || cause instanceof HttpTimeoutException
                    || cause instanceof java.util.concurrent.TimeoutException) {
                return Kind.TIMEOUT;
            }
            if (cause instanceof AuthenticationException) {
                return Kind.AUTHENTICATION;
            }
            if (cause instanceof ModelNotFoundException) {
                return Kind.MODEL_NOT_FOUND;
            }
            if (cause instanceof RateLimitException) {
                return Kind.RATE_LIMIT;
            }
            if (cause instanceof ContentFilteredException) {
                return Kind.CONTENT_FILTERED;
            }
            if (cause instanceof InvalidRequestException) {
                return Kind.INVALID_REQUEST;
            }
            if (cause instanceof InternalServerException) {
                return Kind.SERVER;
            }
            if (cause instanceof HttpException http) {
                return switch (http.statusCode()) {
                    case 401, 403 -> Kind.AUTHENTICATION;
                    case 404 -> Kind.MODEL_NOT_FOUND;
                    case 408, 504 -> Kind.TIMEOUT;
                    case 429 -> Kind.RATE_LIMIT;
                    default -> http.statusCode() >= 500 ? Kind.SERVER : Kind.INVALID_REQUEST;
                };
            }
        }
        return Kind.OTHER;
    }

    private static Throwable rootCause(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static String firstLine(Throwable error) {
        String message = error.getMessage();
        if (message == null || message.isBlank()) {
            return error.getClass().getSimpleName();
        }
        String line = message.lines().findFirst().orElse(message).strip();
        return line.length() > 200 ? line.substring(0, 197) + "..." : line;
    }
}
