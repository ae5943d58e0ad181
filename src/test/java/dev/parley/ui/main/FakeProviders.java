package dev.parley.ui.main;

import dev.parley.config.ProviderConfig;
import dev.parley.config.ProviderType;
import dev.parley.llm.HealthCheck;
import dev.parley.llm.LlmException;
import dev.parley.llm.ReadyCheck;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** Two providers, "local" (healthy) and "cloud" (key missing), each network call taking {@code delayMs}. */
public final class FakeProviders implements ProviderService {

    public final List<String> switched = new CopyOnWriteArrayList<>();
    public volatile long delayMs;
    public volatile String active = "local";
    /** The provider whose chain needs a new start of Parley (an embedded one, in this test's story); null: none. */
    public volatile String needsRestart;

    public FakeProviders(long delayMs) {
        this.delayMs = delayMs;
    }

    @Override
    public Map<String, ProviderConfig> providers() {
        Map<String, ProviderConfig> providers = new LinkedHashMap<>();
        providers.put("local", new ProviderConfig(ProviderType.OLLAMA, "http://localhost:11434", "llama3.2", null, null, null, null));
        providers.put("cloud", new ProviderConfig(ProviderType.OPENAI, "https://api.openai.com/v1", "gpt-4o-mini",
                "OPENAI_API_KEY", null, null, null));
        providers.put("spare", new ProviderConfig(ProviderType.OPENAI_COMPATIBLE, "http://localhost:8080/v1", "qwen",
                null, null, null, null));
        return providers;
    }

    @Override
    public String active() {
        return active;
    }

    @Override
    public HealthCheck check(String name) {
        pause();
        boolean healthy = !name.equals("cloud");
        return new HealthCheck(name, ProviderType.OLLAMA, "m", "http://x", false, healthy,
                healthy ? HealthCheck.KeyStatus.NOT_NEEDED : HealthCheck.KeyStatus.MISSING,
                HealthCheck.ModelStatus.AVAILABLE, healthy ? List.of() : List.of("set OPENAI_API_KEY (export OPENAI_API_KEY=...)"));
    }

    @Override
    public void switchTo(String name) {
        pause();
        if (name.equals("cloud")) {
            throw new LlmException("set OPENAI_API_KEY (export OPENAI_API_KEY=...).");
        }
        switched.add(name);
        active = name;
    }

    @Override
    public Optional<String> needsRestart(String name) {
        return Optional.ofNullable(name.equals(needsRestart) ? name : null);
    }

    @Override
    public ReadyCheck.Result test(String name) {
        pause();
        return new ReadyCheck.Result(name, name, true, "ready", 120, 180, null);
    }

    private void pause() {
        try {
            Thread.sleep(delayMs);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
