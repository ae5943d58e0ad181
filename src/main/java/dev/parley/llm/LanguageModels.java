package dev.parley.llm;

import dev.failsafe.CircuitBreaker;
import dev.parley.config.LlmConfig;
import dev.parley.config.ProviderConfig;
import dev.parley.config.ProviderType;
import dev.parley.config.ReplyLimitsConfig;
import dev.parley.llm.embedded.EmbeddedModels;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/** Creates the {@link LanguageModel} for a configured provider. */
public final class LanguageModels {

    /** The endpoint description of embedded models; their base-url is where they are downloaded from. */
    static final String IN_PROCESS = "in-process";

    private static final Logger LOG = LogManager.getLogger(LanguageModels.class);

    private final ApiKeys apiKeys;
    private final EmbeddedModels embedded;
    private final ToolRunner tools;
    // Shared by every factory derived with withTools: limits and breakers are per provider, per process.
    private final ConcurrencyLimits limits;
    private final Map<String, CircuitBreaker<LlmReply>> breakers;
    private final HealthNews health;
    private final HealthRouting routing;
    private final ModelVision vision;

    /** {@code embeddedCache}: where embedded (in-process) models are downloaded to, with progress on stderr. */
    public LanguageModels(ApiKeys apiKeys, Path embeddedCache) {
        this(apiKeys, embeddedCache, new HealthNews());
    }

    /** {@code health}: hears when a provider's circuit breaker opens (it failed too often) or closes. */
    public LanguageModels(ApiKeys apiKeys, Path embeddedCache, HealthNews health) {
        this(apiKeys, embeddedCache, health, HealthRouting.NONE);
    }

    /** {@code routing}: the latest health checks, by which each chain asks healthy providers first. */
    public LanguageModels(ApiKeys apiKeys, Path embeddedCache, HealthNews health, HealthRouting routing) {
        this(apiKeys, new EmbeddedModels(embeddedCache, EmbeddedModels.printingTo(System.err)), ToolRunner.NONE,
                new ConcurrencyLimits(), new ConcurrentHashMap<>(), health, routing, new ModelVision());
    }

    public LanguageModels(ApiKeys apiKeys, EmbeddedModels embedded) {
        this(apiKeys, embedded, ToolRunner.NONE);
    }

    /** {@code tools}: what every model created here may call while answering. */
    public LanguageModels(ApiKeys apiKeys, EmbeddedModels embedded, ToolRunner tools) {
        this(apiKeys, embedded, tools, new ConcurrencyLimits(), new ConcurrentHashMap<>(), new HealthNews(),
                HealthRouting.NONE, new ModelVision());
    }

    private LanguageModels(ApiKeys apiKeys, EmbeddedModels embedded, ToolRunner tools, ConcurrencyLimits limits,
            Map<String, CircuitBreaker<LlmReply>> breakers, HealthNews health, HealthRouting routing,
            ModelVision vision) {
        this.apiKeys = apiKeys;
        this.embedded = embedded;
        this.tools = tools;
        this.limits = limits;
        this.breakers = breakers;
        this.health = health;
        this.routing = routing;
        this.vision = vision;
    }

    /** Judges which providers can see images; shared, so each endpoint is asked once. */
    public ModelVision vision() {
        return vision;
    }

    /**
     * Whether a model of this factory (or one derived with {@link #withTools}) is answering now: the
     * background health checks wait for it, whichever conversation asked (the window, an API ask).
     */
    public boolean answering() {
        return limits.anyInFlight();
    }

    /** The same factory, its models calling {@code other} tools. */
    public LanguageModels withTools(ToolRunner other) {
        return new LanguageModels(apiKeys, embedded, other, limits, breakers, health, routing, vision);
    }

    /** The provider {@code name} with the default {@link ReplyLimitsConfig reply limits}. */
    public LanguageModel create(String name, ProviderConfig provider) {
        return create(name, provider, ReplyLimitsConfig.DEFAULTS);
    }

    LanguageModel create(String name, ProviderConfig provider, ReplyLimitsConfig replyLimits) {
        String key = apiKeys.keyFor(name, provider);
        Duration timeout = timeoutOf(provider);
        String endpoint = endpointOf(provider);
        return new RequestLog(new StreamingLanguageModel(name, provider, endpoint,
                ChatModelFactory.create(provider, endpoint, key, timeout, embedded), timeout, replyLimits,
                // The in-process models are small and their wrapper sends no tool definitions.
                provider.type() == ProviderType.EMBEDDED ? ToolRunner.NONE : tools, () -> vision.canSee(provider)),
                provider, endpoint);
    }

    /**
     * The provider {@code name} guarded by retries and a circuit breaker, with the providers of
     * {@code llm.fallback} behind it. A fallback that cannot be set up (its key is missing) is left
     * out with a warning rather than failing the provider that was asked for. {@code eachProvider}
     * wraps every provider of the chain, so each attempt can be observed (usage metering);
     * {@code retries} hears the provider's name at every retry.
     */
    public LanguageModel createResilient(String name, ProviderConfig provider, LlmConfig llm,
            BiFunction<ProviderConfig, LanguageModel, LanguageModel> eachProvider, Consumer<String> retries) {
        List<LanguageModel> chain = new ArrayList<>();
        chainOf(name, provider, llm).forEach((link, config) -> {
            try {
                chain.add(limited(eachProvider.apply(config, create(link, config, llm.replyLimits())), config, llm));
            } catch (LlmException unusable) {
                if (chain.isEmpty()) {
                    throw unusable; // the provider asked for cannot be set up: say why
                }
                LOG.warn("Fallback provider '{}' left out: {}", link, unusable.getMessage());
            }
        });
        return new ResilientLanguageModel(chain, ResilientLanguageModel.Policy.from(llm), breakers, retries, health,
                routing);
    }

    /**
     * The provider {@code name} alone, as a test asks it: retried, metered and limited as in
     * {@link #createResilient}, but with no fallback to answer in its place and a circuit breaker of
     * its own, so that failures elsewhere in this process do not skip it: a test that passed because
     * another provider answered, or failed without asking this one, would say nothing about it.
     */
    public LanguageModel createAlone(String name, ProviderConfig provider, LlmConfig llm,
            BiFunction<ProviderConfig, LanguageModel, LanguageModel> eachProvider, Consumer<String> retries) {
        LanguageModel model = limited(eachProvider.apply(provider, create(name, provider, llm.replyLimits())), provider,
                llm);
        return new ResilientLanguageModel(List.of(model), ResilientLanguageModel.Policy.from(llm),
                new ConcurrentHashMap<>(), retries, new HealthNews(), HealthRouting.NONE);
    }

    /**
     * The providers a reply from {@code name} may come from, in order: {@code provider} itself, then
     * the configured providers of {@code llm.fallback}. The chain {@link #createResilient} builds, and
     * what a provider switch checks.
     */
    public static Map<String, ProviderConfig> chainOf(String name, ProviderConfig provider, LlmConfig llm) {
        Map<String, ProviderConfig> chain = new LinkedHashMap<>();
        chain.put(name, provider);
        for (String fallback : llm.fallback()) {
            if (llm.providers().containsKey(fallback)) {
                chain.putIfAbsent(fallback, llm.providers().get(fallback));
            }
        }
        return chain;
    }

    /** A slot for a request waits at most as long as the provider may take to answer. */
    private LanguageModel limited(LanguageModel model, ProviderConfig provider, LlmConfig llm) {
        return limits.limit(model, llm.maxConcurrentRequests(), timeoutOf(provider));
    }

    private static Duration timeoutOf(ProviderConfig provider) {
        return Duration.ofSeconds(provider.timeoutSeconds() != null ? provider.timeoutSeconds() : 60);
    }

    /** The configured base URL, or the provider's usual public address when none is given. */
    static String endpointOf(ProviderConfig provider) {
        if (provider.type() == ProviderType.EMBEDDED) {
            return IN_PROCESS;
        }
        if (provider.baseUrl() != null && !provider.baseUrl().isBlank()) {
            return provider.baseUrl().strip();
        }
        return switch (provider.type()) {
            case OLLAMA -> "http://localhost:11434";
            case OPENAI -> "https://api.openai.com/v1";
            case ANTHROPIC -> "https://api.anthropic.com/v1";
            case GEMINI -> "https://generativelanguage.googleapis.com/v1beta";
            // Config validation rejects an openai-compatible provider without base-url.
            case OPENAI_COMPATIBLE -> throw new LlmException("openai-compatible providers need a base-url");
            case EMBEDDED -> IN_PROCESS;
        };
    }
}
