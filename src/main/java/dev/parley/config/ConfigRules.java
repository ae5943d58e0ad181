package dev.parley.config;

import dev.parley.conversation.PromptTemplate;
import java.net.URI;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The value rules of config.yaml, one method per rule, shared by the loader ({@link ConfigValidator},
 * which names the key and file) and the Settings window's field checks (which name the field as the
 * window labels it). Each returns what is wrong, phrased to follow the key or field name, or empty.
 */
public final class ConfigRules {

    private ConfigRules() {}

    /** A provider's {@code base-url}: optional, except for openai-compatible; http(s) when given. */
    public static Optional<String> baseUrl(ProviderType type, String url) {
        if (url == null || url.isBlank()) {
            return type == ProviderType.OPENAI_COMPATIBLE
                    ? Optional.of("is required for type openai-compatible.") : Optional.empty();
        }
        return httpUrl(url);
    }

    public static Optional<String> httpUrl(String url) {
        try {
            URI uri = URI.create(url.strip());
            String scheme = uri.getScheme();
            boolean web = "http".equals(scheme) || "https".equals(scheme);
            if (web && uri.getHost() != null) {
                return impossiblePort(url).map(problem -> ShownValues.quoted(url) + " " + problem);
            }
            if (!web && ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))) {
                // Parley compares schemes as written, like most of the clients it uses
                return Optional.of(ShownValues.quoted(url) + " must start with " + scheme.toLowerCase(Locale.ROOT)
                        + ":// in lower case");
            }
            if (web && uri.getRawAuthority() != null && uri.getRawAuthority().contains("_")) {
                // A Docker service name such as ollama_server: java.net.URI (and so Java's HTTP client)
                // takes no '_' in a host name, so no request could reach it.
                return Optional.of(ShownValues.quoted(url) + " has a '_' in its host name, which Java's HTTP client cannot"
                        + " reach: use a name without '_' (a Docker network alias) or the address");
            }
        } catch (IllegalArgumentException e) {
            // not a URI at all: reported below like any other non-http(s) text
        }
        return Optional.of(ShownValues.quoted(url) + " is not an http(s) URL like http://localhost:11434");
    }

    /** A port in {@code url} that no server can listen on (0, or above 65535), which {@link URI} accepts. */
    static Optional<String> impossiblePort(String url) {
        int port;
        try {
            port = URI.create(url.strip()).getPort();
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // not a URL at all: the caller's own check says so
        }
        return port == 0 || port > 65535 ? Optional.of("has port " + port + ", but a port is 1 to 65535")
                : Optional.empty();
    }

    /**
     * A number too large for a double ({@code 1e999}) or the text {@code NaN} or {@code Infinity} arrives as
     * a double no setting can use; ranges written as comparisons would report it as "NaN but must be ...".
     */
    static Optional<String> nonFinite(Double value) {
        return value != null && !Double.isFinite(value)
                ? Optional.of("must be a finite number (found " + value + ")") : Optional.empty();
    }

    public static Optional<String> model(String model) {
        return model == null || model.isBlank() ? Optional.of("is empty; name the model to use.") : Optional.empty();
    }

    /** {@code llm.active} must name one of the providers (an empty list is reported on its own). */
    public static Optional<String> active(String active, Collection<String> providers) {
        return providers.contains(active) ? Optional.empty() : Optional.of("is " + ShownValues.quoted(active)
                + " but llm.providers has no such entry; use one of " + String.join(", ", providers));
    }

    public static Optional<String> rate(double rate) {
        return nonFinite(rate).or(() -> rate >= TtsConfig.MIN_RATE && rate <= TtsConfig.MAX_RATE ? Optional.empty()
                : Optional.of("is " + rate + " but must be between " + TtsConfig.MIN_RATE + " and "
                        + TtsConfig.MAX_RATE + " (1.0 is the voice's own pace)"));
    }

    public static Optional<String> volume(double volume) {
        return nonFinite(volume).or(() -> volume >= TtsConfig.MIN_VOLUME && volume <= TtsConfig.MAX_VOLUME
                ? Optional.empty()
                : Optional.of("is " + volume + " but must be between " + TtsConfig.MIN_VOLUME + " and "
                        + TtsConfig.MAX_VOLUME + " (1.0 is full volume)"));
    }

    public static Optional<String> theme(String theme) {
        return "light".equals(theme) || "dark".equals(theme) ? Optional.empty()
                : Optional.of("is " + ShownValues.quoted(theme) + " but must be light or dark");
    }

    /**
     * The keys the window's talk key may be, as JavaFX names them: those that type nothing and move
     * nothing in the window. Settings checks a pressed key against the same names.
     */
    public static final List<String> HOLDABLE_KEYS = Stream.concat(
            IntStream.rangeClosed(1, 24).mapToObj(n -> "F" + n),
            Stream.of("SPACE", "CONTROL", "ALT", "META", "WINDOWS", "COMMAND", "INSERT", "PAUSE", "SCROLL_LOCK",
                    "PRINTSCREEN", "CONTEXT_MENU")).toList();

    /** {@code ui.push-to-talk-key}: one of {@link #HOLDABLE_KEYS}, in any case. */
    public static Optional<String> pushToTalkKey(String key) {
        return HOLDABLE_KEYS.contains(key.strip().toUpperCase(Locale.ROOT)) ? Optional.empty()
                : Optional.of("is " + ShownValues.quoted(key) + " but must be one key held in the window: SPACE, F1-F24, CONTROL, ALT,"
                        + " META, INSERT, PAUSE, SCROLL_LOCK, PRINTSCREEN or CONTEXT_MENU (a key with modifiers, like"
                        + " ctrl+alt+space, goes in ui.global-push-to-talk-key)");
    }

    /** {@code ui.global-push-to-talk-key}: empty (off) or a key {@link KeyChord} can read. */
    public static Optional<String> globalPushToTalkKey(String key) {
        if (key == null || key.isBlank()) {
            return Optional.empty();
        }
        try {
            KeyChord.parse(key);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** The highest {@code max-tokens} accepted: above any model's output limit, so only typos are caught. */
    public static final int MAX_MAX_TOKENS = 1_000_000;

    /** {@code temperature}: 0 (most predictable) to 2, or to 1 for Anthropic, whose API stops there. */
    public static Optional<String> temperature(ProviderType type, Double temperature) {
        double max = type == ProviderType.ANTHROPIC ? 1 : 2;
        return nonFinite(temperature).or(() -> temperature == null || temperature >= 0 && temperature <= max
                ? Optional.empty()
                : Optional.of("is " + temperature + " but must be between 0 and " + (int) max
                        + (type == ProviderType.ANTHROPIC ? " for type anthropic" : "")));
    }

    /** {@code top-p}: the share of probability mass sampled from, above 0 and at most 1. */
    public static Optional<String> topP(ProviderType type, Double topP) {
        if (topP == null) {
            return Optional.empty();
        }
        if (!type.supportsTopP()) {
            return unsupported(type);
        }
        return nonFinite(topP).or(() -> topP > 0 && topP <= 1 ? Optional.empty()
                : Optional.of("is " + topP + " but must be above 0 and at most 1 (1 samples from every token)"));
    }

    /** {@code top-k}: how many likeliest tokens are sampled from, at least 1; not every API has it. */
    public static Optional<String> topK(ProviderType type, Integer topK) {
        if (topK == null) {
            return Optional.empty();
        }
        if (!type.supportsTopK()) {
            return unsupported(type);
        }
        return topK >= 1 && topK <= 1000 ? Optional.empty()
                : Optional.of("is " + topK + " but must be between 1 and 1000");
    }

    /** {@code seed}: any integer, for APIs that take one. */
    public static Optional<String> seed(ProviderType type, Integer seed) {
        return seed == null || type.supportsSeed() ? Optional.empty() : unsupported(type);
    }

    /** {@code stop}: sequences that end the reply; none empty, no more than the API accepts. */
    public static Optional<String> stop(ProviderType type, List<String> stop) {
        if (stop.isEmpty()) {
            return Optional.empty();
        }
        if (type.maxStopSequences() == 0) {
            return unsupported(type);
        }
        if (stop.stream().anyMatch(sequence -> sequence == null || sequence.isEmpty())) {
            return Optional.of("has an empty sequence; every stop sequence needs at least one character");
        }
        return stop.size() <= type.maxStopSequences() ? Optional.empty()
                : Optional.of("has " + stop.size() + " sequences but type " + type.configName() + " accepts at most "
                        + type.maxStopSequences());
    }

    /** {@code max-tokens}: the longest reply in tokens, at least 1. */
    public static Optional<String> maxTokens(Integer maxTokens) {
        return maxTokens == null || maxTokens >= 1 && maxTokens <= MAX_MAX_TOKENS ? Optional.empty()
                : Optional.of("is " + maxTokens + " but must be between 1 and " + MAX_MAX_TOKENS);
    }

    private static Optional<String> unsupported(ProviderType type) {
        return Optional.of("is not supported by type " + type.configName() + "; remove it");
    }

    /** The longest {@code llm.user-name}: a name, filled into the system prompt of every request. */
    public static final int MAX_USER_NAME_CHARS = 100;

    /** {@code llm.user-name}: one line of at most {@link #MAX_USER_NAME_CHARS} characters. */
    public static Optional<String> userName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        if (name.length() > MAX_USER_NAME_CHARS) {
            return Optional.of("is " + name.length() + " characters long but a name may have at most "
                    + MAX_USER_NAME_CHARS);
        }
        return name.chars().anyMatch(Character::isISOControl)
                ? Optional.of("has a line break or control character; a name is one line") : Optional.empty();
    }

    /**
     * The longest {@code llm.system-prompt}, in characters: about 8,000 tokens, sent again with every
     * request, which is already more than a small local model's whole context.
     */
    public static final int MAX_SYSTEM_PROMPT_CHARS = 32_000;

    /**
     * {@code llm.system-prompt}: at most {@link #MAX_SYSTEM_PROMPT_CHARS}, and every name in braces one of
     * {@link PromptTemplate#PLACEHOLDERS}.
     */
    public static Optional<String> systemPrompt(String prompt) {
        if (prompt != null && prompt.length() > MAX_SYSTEM_PROMPT_CHARS) {
            return Optional.of(String.format(Locale.ROOT, "is %,d characters long but may be at most %,d; it is sent"
                    + " with every request, so keep it to what shapes the replies", prompt.length(),
                    MAX_SYSTEM_PROMPT_CHARS));
        }
        List<String> unknown = PromptTemplate.unknownPlaceholders(prompt);
        if (unknown.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("uses unknown placeholder" + (unknown.size() == 1 ? " " : "s ")
                + String.join(", ", unknown.stream().map(name -> ShownValues.shown("{" + name + "}")).toList()) + "; the placeholders are "
                + String.join(", ", PromptTemplate.PLACEHOLDERS.stream().map(name -> "{" + name + "}").toList()));
    }

    public static Optional<String> echoCancellation(String mode) {
        return AudioConfig.ECHO_MODES.contains(mode) ? Optional.empty()
                : Optional.of("is " + ShownValues.quoted(mode) + " but must be auto (on when hands-free), on or off");
    }
}
