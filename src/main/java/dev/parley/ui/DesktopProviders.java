package dev.parley.ui;

import dev.parley.Components;
import dev.parley.config.LlmConfig;
import dev.parley.config.ParleyConfig;
import dev.parley.config.ProviderConfig;
import dev.parley.config.ProviderType;
import dev.parley.llm.HealthCheck;
import dev.parley.llm.LanguageModels;
import dev.parley.llm.LanguageModel;
import dev.parley.llm.SwitchableLanguageModel;
import dev.parley.llm.embedded.VectorApi;
import dev.parley.ui.main.ProviderService;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The provider switcher's view of the LLM layer in the running app.
 *
 * @param model the one model the window and the voice loop answer through
 * @param config the config as last loaded or saved
 * @param startUpDone done at Ready: provider checks wait for it, so as not to take CPU from the loads
 */
record DesktopProviders(Components components, SwitchableLanguageModel model, Supplier<ParleyConfig> config,
        CompletableFuture<Void> startUpDone) implements ProviderService {

    @Override
    public Map<String, ProviderConfig> providers() {
        return config.get().llm().providers();
    }

    @Override
    public String active() {
        return model.name(); // the switchable model is the one place that knows
    }

    @Override
    public HealthCheck check(String name) {
        startUpDone.join(); // on a worker thread: the dots wait until Ready
        return components.providerHealth().checkIfSetUp(name, providers().get(name));
    }

    @Override
    public void switchTo(String name) {
        // The voice loop answers through the same SwitchableLanguageModel.
        components.switchProvider(model, name);
    }

    @Override
    public Optional<String> needsRestart(String name) {
        if (VectorApi.available()) {
            return Optional.empty();
        }
        LlmConfig llm = config.get().llm();
        return LanguageModels.chainOf(name, llm.providers().get(name), llm).entrySet().stream()
                .filter(link -> link.getValue() != null && link.getValue().type() == ProviderType.EMBEDDED)
                .map(Map.Entry::getKey).findFirst();
    }

    @Override
    public LanguageModel modelToTest(String name) {
        return components.modelToTest(name);
    }
}
