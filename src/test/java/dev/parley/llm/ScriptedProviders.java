package dev.parley.llm;

import dev.parley.bench.ScriptedLlmServer.Protocol;
import dev.parley.config.ProviderConfig;
import dev.parley.config.ProviderType;

/** Provider configs that point the real clients at a {@code ScriptedLlmServer} speaking a protocol. */
final class ScriptedProviders {

    /** The variable the tests' key is in; its value is "sk-test". */
    static final String KEY_VARIABLE = "TEST_KEY";

    private ScriptedProviders() {}

    static ProviderType typeOf(Protocol protocol) {
        return switch (protocol) {
            case OPENAI -> ProviderType.OPENAI_COMPATIBLE;
            case OLLAMA -> ProviderType.OLLAMA;
            case ANTHROPIC -> ProviderType.ANTHROPIC;
            case GEMINI -> ProviderType.GEMINI;
        };
    }

    static ProviderConfig config(Protocol protocol, String baseUrl, int timeoutSeconds) {
        return new ProviderConfig(typeOf(protocol), baseUrl, "scripted", KEY_VARIABLE, null, null, timeoutSeconds);
    }

    /** The base URL a provider of this protocol would have on a port where nothing listens. */
    static String closedUrl(Protocol protocol, int port) {
        return "http://127.0.0.1:" + port + switch (protocol) {
            case OPENAI, ANTHROPIC -> "/v1";
            case OLLAMA -> "";
            case GEMINI -> "/v1beta";
        };
    }
}
