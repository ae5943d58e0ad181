package dev.parley.ui.main;

import dev.parley.config.ProviderConfig;
import dev.parley.config.ProviderType;
import dev.parley.llm.HealthCheck;
import dev.parley.llm.LlmException;
import dev.parley.conversation.Message;
import dev.parley.llm.LanguageModel;
import dev.parley.llm.LlmReply;
import dev.parley.llm.ReplyListener;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;

/** Two providers, "local" (healthy) and "cloud" (key missing), each network call taking {@code delayMs}. */
public final class FakeProviders implements ProviderService {

    public final List<String> switched = new CopyOnWriteArrayList<>();
    public volatile long delayMs;
    public volatile String active = "local";
    /** The provider whose chain needs a new start of Parley (an embedded one, in this test's story); null: none. */
    public volatile String needsRestart;
    /** Whether the tested provider takes the request and never answers, as a hung server does. */
    public volatile boolean testNeverAnswers;
    /** What every provider answers a test prompt with. */
    public volatile String testReply = "ready";

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
    public LanguageModel modelToTest(String name) {
        return new LanguageModel() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String describe() {
                return name;
            }

            @Override
            public LlmReply reply(List<Message> messages, ReplyListener listener) {
                if (testNeverAnswers) {
                    awaitInterrupt();
                }
                pause();
                String reply = testReply;
                listener.onText(reply);
                return new LlmReply(reply, "", 1, 1, System.nanoTime(), name);
            }
        };
    }

    private static void awaitInterrupt() {
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw LlmException.cancelled("hung", e, "");
        }
    }

    private void pause() {
        try {
            Thread.sleep(delayMs);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
