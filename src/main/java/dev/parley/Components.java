package dev.parley;

import dev.parley.audio.Microphone;
import dev.parley.audio.MicrophoneListener;
import dev.parley.audio.Speaker;
import dev.parley.audio.echo.LiveEchoCancellation;
import dev.parley.config.ConfigLoader;
import dev.parley.config.LlmConfig;
import dev.parley.config.ParleyConfig;
import dev.parley.config.ParleyPaths;
import dev.parley.config.ProviderConfig;
import dev.parley.conversation.CharacterTokenEstimate;
import dev.parley.conversation.ContextWindow;
import dev.parley.conversation.Conversation;
import dev.parley.conversation.ConversationStore;
import dev.parley.conversation.PromptFiller;
import dev.parley.conversation.SystemPromptFiller;
import dev.parley.llm.ApiKeys;
import dev.parley.llm.LanguageModel;
import dev.parley.llm.HealthNews;
import dev.parley.llm.HealthRouting;
import dev.parley.image.ImagePreparer;
import dev.parley.llm.LanguageModels;
import dev.parley.llm.LlmException;
import dev.parley.llm.ModelSummarizer;
import dev.parley.llm.ProviderHealth;
import dev.parley.llm.ReplyCache;
import dev.parley.llm.SwitchableLanguageModel;
import dev.parley.live.LiveSpeechSettings;
import dev.parley.pipeline.ImageRules;
import dev.parley.pipeline.TurnRunner;
import dev.parley.platform.QuietHeapTrim;
import dev.parley.stt.SpeechRecognizer;
import dev.parley.text.SentenceChunker;
import dev.parley.tools.Memory;
import dev.parley.tools.TimerAnnouncer;
import dev.parley.tools.ToolConfirmer;
import dev.parley.tts.SpeechSynthesizer;
import dev.parley.usage.BudgetNews;
import dev.parley.usage.ProviderMetering;
import dev.parley.usage.Prices;
import dev.parley.usage.UsageLedger;
import dev.parley.usage.UsageRecord;
import dev.parley.voice.TurnController;
import dev.parley.voice.VoiceEvent;
import dev.parley.voice.TimerAnnouncements;
import dev.parley.voice.VoiceEventBus;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ThreadFactory;

/**
 * The one place that builds Parley's object graph from the loaded config. Each component is made
 * on first use, because loading the speech model and the voice costs seconds that a command like
 * {@code ask} should not pay.
 */
public final class Components implements AutoCloseable {

    private final ParleyPaths paths;
    /** Replaced when the window saves a new config; see {@link #useConfig}. */
    private volatile ParleyConfig config;
    private final ApiKeys apiKeys;
    private final LanguageModels languageModels;
    /** One per process, so it outlives provider switches; used only when llm.cache.enabled. */
    private final ReplyCache replyCache;
    private final UsageLedger usageLedger;
    private final Prices prices;
    private final ProviderHealth providerHealth;
    /** Changes of provider health, from checks and circuit breakers; the assistant's events carry them. */
    private final HealthNews healthNews = new HealthNews();
    /** The latest health checks, by which failover asks healthy providers first, trusted per llm.health. */
    private final HealthRouting healthRouting = new HealthRouting(
            () -> HealthRouting.trustFor(config.llm().health().interval()), Clock.systemUTC());
    /** Spending at 80 % of a budget, once per limit and period; the assistant's events carry it. */
    private final BudgetNews budgetNews = new BudgetNews();
    /** The speech model, the voice, the speaker and the microphone's echo cancellation, made on first use. */
    private final SpeechParts speech;
    /** The facts of the {@code remember} tool: read by the tools and by the system prompt's {@code {memories}}. */
    private final Memory memory;
    /** The built-in tools, the timers and the MCP servers, made on first use. */
    private final ToolParts tools;
    /** The voice loop's speech parts once {@link #useVoice} ran; a saved config swaps them while Parley runs. */
    private volatile LiveSpeechSettings liveSpeech;

    public Components(ParleyPaths paths, ParleyConfig config, ApiKeys apiKeys) {
        this.paths = paths;
        this.config = config;
        this.apiKeys = apiKeys;
        this.replyCache = new ReplyCache(config.llm().cache(), Clock.systemUTC());
        this.usageLedger = new UsageLedger(paths.dataDir().resolve("usage.jsonl"));
        this.prices = Prices.of(config.usage());
        this.providerHealth = new ProviderHealth(apiKeys, ProviderHealth.DEFAULT_TIMEOUT, healthNews, healthRouting);
        this.languageModels = new LanguageModels(apiKeys, paths.dataDir().resolve("models").resolve("llm"),
                healthNews, healthRouting);
        // Reads its file on first use only, so making it here costs nothing.
        this.memory = new Memory(paths.dataDir().resolve("memory.json"), Clock.systemUTC());
        this.speech = new SpeechParts(paths, () -> this.config);
        this.tools = new ToolParts(paths.dataDir().resolve("timers.json"), memory, this::imagePreparer);
    }

    /** Loads the config ({@code configFile}, or the user's, created on first run) and wires from it. */
    public static Components load(Path configFile) {
        ParleyPaths paths = ParleyPaths.fromEnvironment();
        return new Components(paths, new ConfigLoader().load(configFile, paths), ApiKeys.fromSystemEnvironment());
    }

    public ParleyPaths paths() {
        return paths;
    }

    public ParleyConfig config() {
        return config;
    }

    /**
     * Takes a config saved while Parley runs (Settings, the welcome). What is made from now on uses
     * it: language models (providers, their models and keys, retries, fallback), conversations and
     * their system prompt; the voice's rate and volume change from the next chunk; the microphone's
     * echo cancellation and processing from its next block (auto follows hands-free). Once the voice
     * loop runs, another speech model, voice or audio device is loaded in the background and swapped in
     * between utterances and answers ({@link LiveSpeechSettings}). Tools follow {@code llm.tools} in
     * models made afterwards; another {@code llm.mcp} starts its servers for the next model made, and
     * the earlier ones end once such a model answers ({@link #switchProvider}).
     */
    public void useConfig(ParleyConfig saved) {
        this.config = saved;
        speech.useConfig(saved);
        LiveSpeechSettings live = liveSpeech;
        if (live != null) {
            live.apply(saved);
        }
    }

    /** The speech model: the one the voice loop uses now, once it runs. */
    public SpeechRecognizer recognizer() {
        LiveSpeechSettings live = liveSpeech;
        return live != null ? live.recognizer() : speech.recognizer();
    }

    public Speaker speaker() {
        return speech.speaker();
    }

    public LiveEchoCancellation echoCancellation() {
        return speech.echoCancellation();
    }

    public Microphone openMicrophone(String deviceOverride, MicrophoneListener listener) {
        return speech.openMicrophone(deviceOverride, listener);
    }

    /** The voice: the one the voice loop's next answer gets, once it runs. */
    public SpeechSynthesizer synthesizer() {
        LiveSpeechSettings live = liveSpeech;
        return live != null ? live.voice() : speech.synthesizer();
    }

    /**
     * The active provider, or the one a command line names, with its model and URL overridden;
     * retried on transient failures and backed by the {@code llm.fallback} chain.
     */
    public LanguageModel languageModel(LlmChoice choice) {
        LlmConfig llm = config.llm();
        String name = choice.provider() != null ? choice.provider() : llm.active();
        ProviderConfig chosen = configured(name).withOverrides(choice.model(), choice.baseUrl());
        LanguageModel model = languageModelsWithTools().createResilient(name, chosen, llm, this::metered,
                retried -> usageLedger.append(UsageRecord.retry(Instant.now(), retried,
                        llm.providers().get(retried).model())));
        return llm.cache().enabled() ? replyCache.cached(model, chosen.model()) : model;
    }

    /**
     * The provider {@code name} as its test asks it (the window's Test, {@code parley test}, the API's
     * test): that provider alone, never its {@code llm.fallback} chain nor the reply cache, either of
     * which would answer for it while it is down. Metered and kept in budget as any request.
     */
    public LanguageModel modelToTest(String name) {
        LlmConfig llm = config.llm();
        ProviderConfig provider = configured(name);
        return languageModelsWithTools().createAlone(name, provider, llm, this::metered,
                retried -> usageLedger.append(UsageRecord.retry(Instant.now(), retried, provider.model())));
    }

    private ProviderConfig configured(String name) {
        ProviderConfig provider = config.llm().providers().get(name);
        if (provider == null) {
            throw new LlmException("There is no provider '" + name + "' in " + config.source()
                    + "; configured: " + String.join(", ", config.llm().providers().keySet()));
        }
        return provider;
    }

    /**
     * How tools reach the user: {@code announcer} tells of a finished timer, {@code confirmer} is
     * asked before the tools listed in {@code llm.tools.confirm}. Applies to models created afterwards;
     * without it timers are only logged and every confirmation is refused; with
     * {@link TimerAnnouncer#NOBODY} the model is offered no timers.
     */
    public void useToolCallbacks(TimerAnnouncer announcer, ToolConfirmer confirmer) {
        tools.useCallbacks(announcer, confirmer);
    }

    private LanguageModels languageModelsWithTools() {
        LlmConfig llm = config.llm();
        return llm.tools().enabled() ? languageModels.withTools(tools.runner(llm)) : languageModels;
    }

    /**
     * Fills system prompts at each turn with the config current then (a name changed in Settings
     * counts from the next turn, in conversations already open too), the system clock and zone, and
     * the remembered facts, also when tools are off: what was remembered stays known.
     */
    private PromptFiller promptFiller() {
        return (template, contextTurns) -> {
            LlmConfig llm = config.llm();
            return new SystemPromptFiller(Clock.systemDefaultZone(), llm.userName(), memory::ranked,
                    llm.memory().promptTokens()).fill(template, contextTurns);
        };
    }

    /**
     * For the window, {@code chat} and {@code serve}, once they listen: tells the timers that went off
     * while Parley was closed, runs the pending ones, and keeps this process's timers in the file from
     * now on (one-shot commands do not: their timers end with them). Without tools there are none.
     */
    public void resumeTimers() {
        if (config.llm().tools().enabled()) {
            tools.resumeTimers();
        }
    }

    /**
     * A provider that is not in the config, such as the benchmark's scripted local model: no
     * retries, fallback, concurrency limit or metering.
     */
    public LanguageModel unguardedModel(String name, ProviderConfig provider) {
        return languageModels.create(name, provider);
    }

    /** Every request to a configured provider, retries and fallbacks too, is metered and kept in budget. */
    private LanguageModel metered(ProviderConfig provider, LanguageModel model) {
        return ProviderMetering.wrap(model, provider.model(), usageLedger, prices, config.usage().budget(),
                provider.budget(), budgetNews);
    }

    /** Spending near a budget, for front ends that run turns without an assistant (ask, the typed chat). */
    public BudgetNews budgetNews() {
        return budgetNews;
    }

    public UsageLedger usageLedger() {
        return usageLedger;
    }

    public Prices prices() {
        return prices;
    }

    /**
     * Makes the named provider answer from the next reply on, if the chain that would answer passes
     * its health check: the provider itself, or else one of its {@code llm.fallback} providers, checked
     * with the very configs the chain was built from. Otherwise throws why, and {@code active} keeps
     * its provider.
     */
    public void switchProvider(SwitchableLanguageModel active, String name) {
        LanguageModel candidate = languageModel(new LlmChoice(name, null, null));
        Map<String, ProviderConfig> chain = LanguageModels.chainOf(name, config.llm().providers().get(name), config.llm());
        active.switchTo(candidate, model -> providerHealth.problemOf(chain));
        tools.closeRetiredServers(); // the model that used them answers no more
    }

    /** Whether any language model made here is answering now (any conversation, any front end). */
    public boolean answering() {
        return languageModels.answering();
    }

    /** Checks the configured providers' endpoints, keys and models. */
    public ProviderHealth providerHealth() {
        return providerHealth;
    }

    /**
     * The one turn runner for {@code model}'s answers: context window, chunking as configured, a
     * synthesis thread made only when a turn is spoken. The caller closes it (a controller closes its own).
     */
    public TurnRunner turnRunner(LanguageModel model) {
        return new TurnRunner(model, contextWindow(model), new SentenceChunker.Settings(
                config.chunker().firstChunkMinWords(), config.chunker().maxChunkChars()), threads("parley-tts"),
                ImageRules.of(config.llm(), languageModels.vision()));
    }

    /** Whether {@code provider}'s model can see images (its {@code vision}; auto: asked or judged by name, once). */
    public boolean canSee(ProviderConfig provider) {
        return languageModels.vision().canSee(provider);
    }

    /** Checks and scales the images a turn shows, to {@code llm.images.max-side}. */
    public ImagePreparer imagePreparer() {
        return new ImagePreparer(config.llm().images().maxSide());
    }

    /**
     * The assistant: answers typed questions at once, and listens and speaks once {@link #useVoice}
     * gave it the microphone and the voice. Hands-free as configured.
     */
    public TurnController voiceAssistant(SwitchableLanguageModel model, Conversation conversation) {
        VoiceEventBus events = new VoiceEventBus();
        model.onSwitch(now -> events.accept(new VoiceEvent.ProviderChanged(now.name(), now.describe())));
        healthNews.subscribe(change -> events.accept(
                new VoiceEvent.ProviderHealth(change.provider(), change.healthy(), change.detail())));
        budgetNews.subscribe(warning -> events.accept(new VoiceEvent.BudgetWarning(warning.limit(), warning.text())));
        TurnController assistant = new TurnController(events, turnRunner(model), conversation,
                threads("parley-voice"));
        QuietHeapTrim trim = QuietHeapTrim.process();
        trim.activity(); // the start's garbage
        events.subscribe(event -> {
            if (event instanceof VoiceEvent.StateChanged) {
                trim.activity();
            }
        });
        tools.tellOfTimers(timer -> TimerAnnouncements.announce(assistant, timer));
        assistant.setHandsFree(config.audio().handsFree());
        return assistant;
    }

    /**
     * Gives {@code assistant} the configured microphone (opened now, kept open for its pre-roll) with
     * streaming recognition, and the voice on the configured output device. Loads the speech model and
     * the voice if they are not loaded yet (seconds).
     */
    public synchronized void useVoice(TurnController assistant) {
        LiveSpeechSettings live = new LiveSpeechSettings(config, speech.recognizer(), speech.synthesizer(),
                new LiveSpeechParts(speech, assistant.events()), saved -> saved.speechModel(paths),
                assistant.events(), threads("parley-speech-swap"));
        liveSpeech = live;
        assistant.useVoice(live.input(), live.output());
    }

    /** Parley's core threads: daemons (a stuck turn never keeps the process alive), named for the log. */
    public static ThreadFactory threads(String name) {
        return Thread.ofPlatform().name(name + "-", 0).daemon(true).factory();
    }

    /** A conversation with the configured system prompt, filled at each turn. */
    public Conversation newConversation() {
        return new Conversation(config.llm().systemPrompt(), promptFiller());
    }

    /**
     * Keeps the context within {@code conversation.max-context-tokens}; turns that no longer fit are
     * summarized by {@code model}, the one that answers, so no second provider needs configuring.
     */
    public ContextWindow contextWindow(LanguageModel model) {
        return new ContextWindow(config.conversation().maxContextTokens(), new CharacterTokenEstimate(),
                new ModelSummarizer(model));
    }

    public ConversationStore conversationStore() {
        return new ConversationStore(paths.conversationsDir(), Clock.systemUTC(), promptFiller());
    }

    /** A per-run choice of provider; null fields keep the configured values. */
    public record LlmChoice(String provider, String model, String baseUrl) {
        public static final LlmChoice CONFIGURED = new LlmChoice(null, null, null);
    }

    @Override
    public synchronized void close() {
        tools.close();
        if (liveSpeech != null) {
            liveSpeech.close();
        }
        speech.close();
    }
}
