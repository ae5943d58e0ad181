package dev.parley.config;

import java.net.URI;
import java.util.Collection;
import java.util.Optional;

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
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return Optional.empty();
            }
        } catch (IllegalArgumentException e) {
            // not a URI at all: reported below like any other non-http(s) text
        }
        return Optional.of("'" + url + "' is not an http(s) URL like http://localhost:11434");
    }

    public static Optional<String> model(String model) {
        return model == null || model.isBlank() ? Optional.of("is empty; name the model to use.") : Optional.empty();
    }

    /** {@code llm.active} must name one of the providers (an empty list is reported on its own). */
    public static Optional<String> active(String active, Collection<String> providers) {
        return providers.contains(active) ? Optional.empty() : Optional.of("is '" + active
                + "' but llm.providers has no such entry; use one of " + String.join(", ", providers));
    }

    public static Optional<String> rate(double rate) {
        return rate >= TtsConfig.MIN_RATE && rate <= TtsConfig.MAX_RATE ? Optional.empty()
                : Optional.of("is " + rate + " but must be between " + TtsConfig.MIN_RATE + " and "
                        + TtsConfig.MAX_RATE + " (1.0 is the voice's own pace)");
    }

    public static Optional<String> volume(double volume) {
        return volume >= TtsConfig.MIN_VOLUME && volume <= TtsConfig.MAX_VOLUME ? Optional.empty()
                : Optional.of("is " + volume + " but must be between " + TtsConfig.MIN_VOLUME + " and "
                        + TtsConfig.MAX_VOLUME + " (1.0 is full volume)");
    }

    public static Optional<String> theme(String theme) {
        return "light".equals(theme) || "dark".equals(theme) ? Optional.empty()
                : Optional.of("is '" + theme + "' but must be light or dark");
    }

    public static Optional<String> echoCancellation(String mode) {
        return AudioConfig.ECHO_MODES.contains(mode) ? Optional.empty()
                : Optional.of("is '" + mode + "' but must be auto (on when hands-free), on or off");
    }
}
