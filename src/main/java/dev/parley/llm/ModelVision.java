package dev.parley.llm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.config.LlmConfig;
import dev.parley.config.ProviderConfig;
import dev.parley.config.ProviderType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Whether a provider's model can see images: its {@code vision} setting when true or false; for
 * {@code auto}, an Ollama server is asked ({@code POST /api/show}, whose {@code capabilities} list
 * "vision"), and every other endpoint, or an Ollama that cannot say, is judged by the model's name
 * ({@link KnownVisionModels}). The in-process models never see. Answers are remembered per
 * endpoint and model for the life of the process, so the question costs one request; a guess
 * by name made because Ollama could not say (not running yet, say, when the window opened) is
 * remembered for {@link #ASK_AGAIN_AFTER} only, so a vision model is not refused for the whole
 * session once its server is up.
 */
public final class ModelVision {

    private static final Logger LOG = LogManager.getLogger(ModelVision.class);
    private static final Duration ASK_TIMEOUT = Duration.ofSeconds(3);
    /** How long a guess made while Ollama could not be asked stands before Ollama is asked again. */
    static final Duration ASK_AGAIN_AFTER = Duration.ofSeconds(30);

    private final HttpProbe probe;
    private final LongSupplier nanoTime;
    private final Map<String, Judgement> known = new ConcurrentHashMap<>();

    public ModelVision() {
        this(ASK_TIMEOUT, System::nanoTime);
    }

    ModelVision(Duration timeout, LongSupplier nanoTime) {
        this.probe = new HttpProbe(timeout);
        this.nanoTime = nanoTime;
    }

    /** Whether a model sees; {@code guessedSince}: when it was judged by name because Ollama could not say. */
    private record Judgement(boolean sees, OptionalLong guessedSince) {}

    public boolean canSee(ProviderConfig provider) {
        return switch (provider.vision()) {
            case TRUE -> true;
            case FALSE -> false;
            case AUTO -> provider.type() != ProviderType.EMBEDDED && judged(provider).sees();
        };
    }

    /**
     * Judged outside the map's compute: that holds a lock for a whole bin of keys, so the providers
     * listed at once would otherwise wait for each other's Ollama. Two callers that ask about the same
     * model at the same moment may both ask it.
     */
    private Judgement judged(ProviderConfig provider) {
        String key = provider.type() + " " + LanguageModels.endpointOf(provider) + " " + provider.model();
        Judgement earlier = known.get(key);
        if (earlier != null && !stale(earlier)) {
            return earlier;
        }
        Judgement judgement = judge(provider);
        known.put(key, judgement);
        return judgement;
    }

    private boolean stale(Judgement judgement) {
        return judgement.guessedSince().isPresent()
                && nanoTime.getAsLong() - judgement.guessedSince().getAsLong() >= ASK_AGAIN_AFTER.toNanos();
    }

    /** The configured providers whose models can see, in the order of the config. */
    public List<String> seeing(LlmConfig llm) {
        return llm.providers().entrySet().stream().filter(entry -> canSee(entry.getValue())).map(Map.Entry::getKey)
                .toList();
    }

    /**
     * Why {@code provider} cannot take a turn with images, naming the configured providers that can,
     * or saying how to configure one when none can.
     */
    public String refusal(String provider, String model, LlmConfig llm) {
        String cannot = "The model " + model + " of provider '" + provider + "' cannot see images, so nothing was"
                + " sent.";
        List<String> others = seeing(llm).stream().filter(name -> !name.equals(provider)).toList();
        if (others.isEmpty()) {
            return cannot + " No configured provider can: add one with a vision model (gpt-4o, claude-sonnet-4,"
                    + " gemini-2.5-flash, llava, qwen2.5vl, gemma3, ...), or set vision: true on a provider whose model"
                    + " can see.";
        }
        return cannot + " Ask " + (others.size() == 1 ? "provider " : "one of the providers ")
                + String.join(", ", others.stream().map(name -> "'" + name + "' (" + llm.providers().get(name).model()
                        + ")").toList())
                + " instead (--provider NAME, or switch providers in the window), or set vision: true on '" + provider
                + "' if its model can see.";
    }

    private Judgement judge(ProviderConfig provider) {
        if (provider.type() == ProviderType.OLLAMA) {
            String url = LanguageModels.endpointOf(provider).replaceAll("/+$", "") + "/api/show";
            String body = "{\"model\":" + com.fasterxml.jackson.databind.node.TextNode.valueOf(provider.model()) + "}";
            if (probe.postJson(url, body) instanceof HttpProbe.Answered answer && answer.ok()
                    && answer.json().path("capabilities").isArray()) {
                for (JsonNode capability : answer.json().path("capabilities")) {
                    if ("vision".equals(capability.asText())) {
                        return new Judgement(true, OptionalLong.empty());
                    }
                }
                return new Judgement(false, OptionalLong.empty());
            }
            LOG.debug("Ollama at {} did not list the capabilities of {}; judging by its name", url, provider.model());
            return new Judgement(KnownVisionModels.canSee(provider.model()), OptionalLong.of(nanoTime.getAsLong()));
        }
        return new Judgement(KnownVisionModels.canSee(provider.model()), OptionalLong.empty());
    }
}
