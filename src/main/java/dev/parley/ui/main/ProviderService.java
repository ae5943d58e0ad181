package dev.parley.ui.main;

import dev.parley.config.ProviderConfig;
import dev.parley.llm.HealthCheck;
import dev.parley.llm.LanguageModel;
import java.util.Map;
import java.util.Optional;

/**
 * What the provider switcher needs from the LLM layer. Every method but {@link #providers()} and
 * {@link #active()} may block on the network: the view model calls them off the JavaFX thread.
 */
public interface ProviderService {

    /** The configured providers, in config order. */
    Map<String, ProviderConfig> providers();

    String active();

    HealthCheck check(String name);

    /** Makes {@code name} answer from the next turn; throws with the reason when it cannot. */
    void switchTo(String name);

    /**
     * The provider in {@code name}'s chain (itself or a fallback) that can answer only after Parley starts
     * again: an embedded model, in a Parley started without Java's Vector API. Quick; no network.
     */
    Optional<String> needsRestart(String name);

    /**
     * The provider as its Test asks it (see {@link dev.parley.llm.ReadyCheck}); throws
     * {@link dev.parley.llm.LlmException} with the reason when it cannot be set up (its key is missing).
     */
    LanguageModel modelToTest(String name);
}
