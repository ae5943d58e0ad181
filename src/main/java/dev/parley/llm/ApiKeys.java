package dev.parley.llm;

import dev.parley.secrets.Redaction;
import dev.parley.config.ProviderConfig;
import dev.parley.config.ProviderType;
import java.util.Arrays;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Finds a provider's API key under the name its {@code api-key-env} gives (the environment, and in the
 * window also the keychain: {@code secrets.KeyLookup}); keys are never in files.
 */
public final class ApiKeys {

    /** What no API key has: anything but printable ASCII without spaces (what HTTP header values safely carry). */
    private static final Pattern NOT_KEY_CHARACTERS = Pattern.compile("[^\\x21-\\x7E]+");

    private final UnaryOperator<String> environment;

    public ApiKeys(UnaryOperator<String> environment) {
        this.environment = environment;
    }

    public static ApiKeys fromSystemEnvironment() {
        return new ApiKeys(System::getenv);
    }

    /**
     * The key, or null where the provider needs none; fails when a required key is missing. A
     * variable named in api-key-env must be set even for a local endpoint: the user said it needs
     * a key, and sending none would only come back as a confusing "key rejected".
     */
    public String keyFor(String providerName, ProviderConfig provider) {
        String key = keyIfSet(provider);
        if (key != null) {
            return key;
        }
        String variable = provider.apiKeyEnv();
        if (!expectsKey(provider)) {
            return null;
        }
        if (variable == null || variable.isBlank()) {
            throw new LlmException("Provider '" + providerName + "' needs an API key: set api-key-env in"
                    + " config.yaml to the name of an environment variable that holds it.");
        }
        throw new LlmException("Provider '" + providerName + "' needs an API key: set the environment variable "
                + variable + " (export " + variable + "=...) before Parley starts.");
    }

    /**
     * The key in the variable {@code api-key-env} names, or null when none is configured or set; fails
     * for a key with any character other than printable ASCII inside it (a space, line break, control
     * character, non-breaking or zero-width space, byte order mark, or a letter like {@code €}).
     */
    public String keyIfSet(ProviderConfig provider) {
        String variable = provider.apiKeyEnv();
        String key = variable == null || variable.isBlank() ? null : environment.apply(variable);
        if (key == null || key.isBlank()) {
            return null;
        }
        String trimmed = key.strip();
        Redaction.remember(trimmed); // so no error that echoes it shows it
        if (NOT_KEY_CHARACTERS.matcher(trimmed).find()) {
            // Every provider's keys are printable ASCII. Anything else came with the paste (a wrapped
            // terminal, a file's two lines, a web page's non-breaking space): no server takes it, the
            // HTTP client's error would quote it, and each piece alone escapes the masking of the whole.
            Arrays.stream(NOT_KEY_CHARACTERS.split(trimmed)).forEach(Redaction::remember);
            throw new LlmException("The API key in " + variable + " has a space, line break or other character"
                    + " that is not a plain letter, digit or sign inside it, so no server would accept it. Set it"
                    + " again as one word (copy the key anew, and check the variable with: echo \"$" + variable
                    + "\" | od -c | head).");
        }
        return trimmed;
    }

    /**
     * Whether a request without a key is pointless: the type always needs one, or config names a
     * variable for it. The embedded model's token only opens gated downloads, so it stays optional.
     */
    static boolean expectsKey(ProviderConfig provider) {
        boolean named = provider.apiKeyEnv() != null && !provider.apiKeyEnv().isBlank();
        return needsKey(provider.type()) || (named && provider.type() != ProviderType.EMBEDDED);
    }

    /** Local endpoints (Ollama, LM Studio, llama.cpp) usually run without a key; the embedded model never needs one. */
    static boolean needsKey(ProviderType type) {
        return switch (type) {
            case OLLAMA, OPENAI_COMPATIBLE, EMBEDDED -> false;
            case OPENAI, ANTHROPIC, GEMINI -> true;
        };
    }
}
