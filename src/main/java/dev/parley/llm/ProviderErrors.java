package dev.parley.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.ContentFilteredException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.model.anthropic.internal.api.AnthropicStreamingException;
import dev.parley.Throwables;
import dev.parley.config.ProviderConfig;
import dev.parley.config.ProviderType;
import dev.parley.llm.LlmException.Kind;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns whatever a provider client threw into a typed {@link LlmException} whose one sentence says what to do. */
final class ProviderErrors {

    /** The same words serve the command line and the window. */
    static final String OTHER_PROVIDER = "switch to another provider (--provider, or the window's provider list).";

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Error bodies are a few hundred bytes; a larger one is not parsed, only its first line shown. */
    private static final int MAX_PARSED_BODY_CHARS = 64 * 1024;

    /**
     * Where providers state the wait in an error body, for when the Retry-After header is missing
     * (LangChain4j's own HttpException drops headers; {@link HeaderKeepingHttpClient} keeps it).
     */
    private static final List<Pattern> RETRY_AFTER_IN_BODY = List.of(
            // Gemini: google.rpc.RetryInfo {"retryDelay": "17s"} (may be fractional).
            Pattern.compile("\"retryDelay\"\\s*:\\s*\"(\\d+(?:\\.\\d+)?)(s)\""),
            // OpenAI: "Please try again in 20s." / "in 350ms."
            Pattern.compile("(?i)try again in (\\d+(?:\\.\\d+)?)\\s*(ms|s)\\b"),
            // Gateways that echo the header into the body.
            Pattern.compile("(?i)retry[-_ ]after\"?\\s*[:=]\\s*\"?(\\d+(?:\\.\\d+)?)()"));

    private ProviderErrors() {}

    static LlmException explain(Throwable error, String name, ProviderConfig provider, String endpoint) {
        if (error instanceof LlmException explained) {
            return explained; // ours, e.g. the embedded model's download or load failing: already says what to do
        }
        String who = who(name, provider, endpoint);
        for (Throwable cause : Throwables.causes(error)) {
            if (cause instanceof RedirectHttpException redirect) {
                return new LlmException(Kind.INVALID_REQUEST, who + " redirects (HTTP " + redirect.statusCode()
                        + ") to " + redirect.location() + "; Parley does not follow redirects, which would send the"
                        + " API key to another address: set llm.providers." + name + ".base-url to the new address"
                        + " if you trust it.", error, null, "");
            }
        }
        Kind kind = classify(error);
        Duration retryAfter = kind == Kind.RATE_LIMIT ? retryAfter(error) : null;
        String message = switch (kind) {
            case CONNECTION -> who + " is not reachable (" + connectionFailure(error) + "). "
                    + (provider.type() == ProviderType.OLLAMA
                            ? "Start Ollama with 'ollama serve', or " + OTHER_PROVIDER
                            : "Check llm.providers." + name + ".base-url and your network, or " + OTHER_PROVIDER);
            case TIMEOUT -> who + " did not answer in time. Try again, raise llm.providers." + name
                    + ".timeout-seconds, or pick a faster model.";
            case AUTHENTICATION -> who + " rejected the API key"
                    + (provider.apiKeyEnv() != null ? " in " + provider.apiKeyEnv() : "")
                    + ". Check the key and set it again.";
            case MODEL_NOT_FOUND -> who + " has no model '" + provider.model() + "'. "
                    + (provider.type() == ProviderType.OLLAMA
                            ? "Run 'ollama pull " + provider.model() + "', or set another model."
                            : "Set llm.providers." + name + ".model to a model it offers, or use --model.");
            case RATE_LIMIT -> who + " is rate limiting requests. "
                    + (retryAfter != null ? "It asks to wait " + seconds(retryAfter) + " s; try again then."
                            : "Wait a moment and try again.");
            case CONTENT_FILTERED -> who + " refused to answer (content filter).";
            case INVALID_REQUEST -> who + " rejected the request: " + serverSaid(error);
            case SERVER -> who + " had an internal error: " + serverSaid(error) + ". Try again shortly.";
            case STREAM_BROKEN -> who + " broke off the reply (" + firstLine(Throwables.rootCause(error)) + "). Try again.";
            case UNREADABLE_REPLY -> who + " sent a reply Parley could not read (a malformed stream line: "
                    + unreadableLine(error) + "). Check that llm.providers." + name + ".type matches the server's API,"
                    + " or " + OTHER_PROVIDER;
            case EMPTY_REPLY -> UnusableReplies.nothingAnswered(who, false);
            case CANCELLED -> "The reply from " + name + " was cancelled.";
            case BUSY -> who + " is busy with other requests of Parley's. Try again in a moment.";
            case BUDGET -> who + " was not asked: a spending limit (usage.budget) is reached.";
            case OTHER -> who + " failed: " + serverSaid(error);
        };
        return new LlmException(kind, message, error, retryAfter, "");
    }

    /** How every message names a provider: its name, API and address. */
    static String who(String name, ProviderConfig provider, String endpoint) {
        return "Provider '" + name + "' (" + provider.type().configName() + " at " + endpoint + ")";
    }

    private static String unreadableLine(Throwable error) {
        return Throwables.causeOf(error, UnreadableReplyException.class).map(UnreadableReplyException::eventStart)
                .orElseGet(() -> firstLine(Throwables.rootCause(error)));
    }

    static Kind classify(Throwable error) {
        for (Throwable cause : Throwables.causes(error)) {
            Kind kind = kindOf(cause);
            if (kind != null) {
                return kind;
            }
        }
        return Kind.OTHER;
    }

    private static Kind kindOf(Throwable cause) {
        return switch (cause) {
            case LlmException llm -> llm.kind();
            case InterruptedException e -> Kind.CANCELLED;
            case HttpConnectTimeoutException e -> Kind.CONNECTION;
            case ConnectException e -> Kind.CONNECTION;
            case UnknownHostException e -> Kind.CONNECTION;
            case UnresolvedAddressException e -> Kind.CONNECTION;
            case TimeoutException e -> Kind.TIMEOUT;
            case HttpTimeoutException e -> Kind.TIMEOUT;
            case java.util.concurrent.TimeoutException e -> Kind.TIMEOUT;
            case AuthenticationException e -> Kind.AUTHENTICATION;
            case ModelNotFoundException e -> Kind.MODEL_NOT_FOUND;
            case RateLimitException e -> Kind.RATE_LIMIT;
            case ContentFilteredException e -> Kind.CONTENT_FILTERED;
            case InvalidRequestException e -> Kind.INVALID_REQUEST;
            case InternalServerException e -> Kind.SERVER;
            case HttpException http -> switch (http.statusCode()) {
                case 401, 403 -> Kind.AUTHENTICATION;
                case 404 -> Kind.MODEL_NOT_FOUND;
                case 408, 504 -> Kind.TIMEOUT;
                case 429 -> Kind.RATE_LIMIT;
                default -> http.statusCode() >= 500 ? Kind.SERVER : Kind.INVALID_REQUEST;
            };
            // Anthropic reports some failures as an "error" event inside a 200 stream.
            case AnthropicStreamingException anthropic -> switch (String.valueOf(anthropic.type())) {
                case "rate_limit_error" -> Kind.RATE_LIMIT;
                case "overloaded_error", "api_error" -> Kind.SERVER;
                case "authentication_error", "permission_error" -> Kind.AUTHENTICATION;
                case "not_found_error" -> Kind.MODEL_NOT_FOUND;
                case "invalid_request_error" -> Kind.INVALID_REQUEST;
                default -> Kind.STREAM_BROKEN;
            };
            // A stream event the client could not handle: the server sends it that way.
            case UnreadableReplyException e -> Kind.UNREADABLE_REPLY;
            // A stream that could not be parsed: garbled on the way, worth one more try.
            case JsonProcessingException e -> Kind.STREAM_BROKEN;
            // Connection problems were matched above; any other I/O failure broke the body off.
            case IOException e -> Kind.STREAM_BROKEN;
            default -> null;
        };
    }

    /** The wait the provider asked for, found in the error body; null when it did not say. */
    static Duration retryAfter(Throwable error) {
        for (Throwable cause : Throwables.causes(error)) {
            if (cause instanceof RetryAfterHttpException header && header.retryAfter() != null) {
                return header.retryAfter();
            }
            if (cause instanceof HttpException http && http.getMessage() != null) {
                return retryAfterIn(http.getMessage());
            }
        }
        return null;
    }

    static Duration retryAfterIn(String body) {
        for (Pattern pattern : RETRY_AFTER_IN_BODY) {
            Matcher matcher = pattern.matcher(body);
            if (matcher.find()) {
                double amount = Double.parseDouble(matcher.group(1));
                long millis = Math.round("ms".equals(matcher.group(2)) ? amount : amount * 1000);
                return Duration.ofMillis(millis);
            }
        }
        return null;
    }

    private static String seconds(Duration wait) {
        long millis = wait.toMillis();
        return millis % 1000 == 0 ? Long.toString(millis / 1000) : String.format(Locale.ROOT, "%.1f", millis / 1000.0);
    }


    /**
     * Why a connection failed, in words: the JDK client reports a refused connection as a
     * {@code ConnectException} without a message around a bare {@code ClosedChannelException}.
     */
    private static String connectionFailure(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof HttpConnectTimeoutException) {
                return "no answer while connecting";
            }
            if (cause instanceof UnknownHostException unknown) {
                return "unknown host" + (unknown.getMessage() == null ? "" : " " + firstLine(unknown));
            }
            if (cause instanceof ConnectException refused) {
                return refused.getMessage() == null ? "connection refused" : firstLine(refused);
            }
        }
        return firstLine(Throwables.rootCause(error));
    }

    /**
     * What the server said: the sentence inside the JSON error body every API sends
     * ({@code {"error": {"message": …}}}, Ollama's {@code {"error": …}}, Gemini's in a list), not the
     * JSON itself; anything else by its first line.
     */
    private static String serverSaid(Throwable error) {
        String message = error.getMessage();
        if (message != null && message.length() <= MAX_PARSED_BODY_CHARS) {
            try {
                JsonNode body = JSON.readTree(message);
                JsonNode first = body != null && body.isArray() ? body.path(0) : body;
                for (JsonNode said : first == null ? List.<JsonNode>of() : List.of(first.path("error").path("message"),
                        first.path("error"), first.path("message"))) {
                    if (said.isTextual() && !said.asText().isBlank()) {
                        return firstLine(said.asText());
                    }
                }
            } catch (JsonProcessingException notJson) {
                // a plain-text or HTML body: its first line says it
            }
        }
        return firstLine(error);
    }

    private static String firstLine(Throwable error) {
        String message = error.getMessage();
        if (message == null || message.isBlank()) {
            return error.getClass().getSimpleName();
        }
        return firstLine(message);
    }

    private static String firstLine(String message) {
        String line = message.lines().findFirst().orElse(message).strip();
        return line.length() > 200 ? line.substring(0, 197) + "..." : line;
    }
}
