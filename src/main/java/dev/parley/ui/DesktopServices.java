package dev.parley.ui;

import dev.parley.Components;
import dev.parley.FirstTurnWarmUp;
import dev.parley.api.ApiServer;
import dev.parley.audio.DeviceList;
import dev.parley.audio.Microphone;
import dev.parley.logging.LogLevels;
import dev.parley.config.ConfigChanges;
import dev.parley.config.ConfigFileWatch;
import dev.parley.config.LastGoodConfig;
import dev.parley.config.ConfigWriter;
import dev.parley.config.ParleyConfig;
import dev.parley.config.ParleyPaths;
import dev.parley.config.ProviderConfig;
import dev.parley.conversation.Conversation;
import dev.parley.conversation.ConversationStore;
import dev.parley.llm.ApiDetector;
import dev.parley.llm.ApiKeys;
import dev.parley.llm.SwitchableLanguageModel;
import dev.parley.secrets.BackgroundSecretStore;
import dev.parley.secrets.KeyLookup;
import dev.parley.secrets.OsKeychain;
import dev.parley.secrets.SecretStore;
import dev.parley.ui.settings.SettingsBackend;
import dev.parley.ui.main.ApiState;
import dev.parley.ui.main.LoadStep;
import dev.parley.ui.main.ProviderService;
import dev.parley.ui.welcome.DesktopWelcome;
import dev.parley.ui.welcome.WelcomeBackend;
import dev.parley.usage.UsageLedger;
import dev.parley.voice.TurnController;
import dev.parley.voice.VoiceAssistant;
import dev.parley.voice.VoiceEvent;
import dev.parley.voice.VoiceState;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The window's one connection to the rest of Parley, built from the loaded config: the voice
 * assistant, the providers, the settings, conversations and usage. With {@link DesktopProviders}, the
 * only class in {@code ui} that knows {@link Components}.
 */
public final class DesktopServices implements AutoCloseable {

    private final ParleyPaths paths;
    /** As loaded, then as last saved by Settings or the welcome (published on {@link #configChanges}). */
    private volatile ParleyConfig config;
    private final ConfigChanges configChanges = new ConfigChanges();
    private final SecretStore secrets;
    private final Components components;
    private final ConfiguredModel firstModel;
    private final SwitchableLanguageModel model;
    private final TurnController assistant;
    private final DesktopApi api;
    private final CompletableFuture<Void> speechModel = new CompletableFuture<>();
    private final CompletableFuture<Void> voice = new CompletableFuture<>();
    /** Set once {@link #afterWindowShown} (or a wait for the voice) started what waits for the window. */
    private final AtomicBoolean deferredStarted = new AtomicBoolean();
    /** The name the window saves its conversation under; set on the FX thread, read by the API. */
    private volatile String openConversation = "";
    /** Background provider checks (llm.health.interval) for the dots and failover; null until Ready. */
    private dev.parley.BackgroundHealth healthPolling;
    private final ConfigFileWatch configWatch;
    private boolean closed;
    /**
     * Done at Ready (the voice loop took over), or when the speech model or the voice failed to load.
     * Provider checks wait for it: their HTTP client, TLS trust store and requests would take CPU
     * from the loads that make Ready.
     */
    private final CompletableFuture<Void> startUpDone = new CompletableFuture<>();
    private java.util.Optional<String> configNotice = java.util.Optional.empty();
    private volatile java.util.function.Consumer<String> timerListener = label -> { };
    private volatile dev.parley.tools.ToolConfirmer confirmer = dev.parley.tools.ToolConfirmer.DENY;

    private DesktopServices(ParleyPaths paths, ParleyConfig config, SecretStore secrets) {
        this.paths = paths;
        this.config = config;
        this.secrets = secrets;
        LogLevels.apply(config.logging().level());
        this.components = new Components(paths, config, new ApiKeys(KeyLookup.environmentThen(secrets)));
        // Providers (added, edited, their keys and models) can be switched to at once after a save,
        // without a restart (see Components.useConfig for when each setting applies).
        configChanges.subscribe(saved -> this.config = saved);
        configChanges.subscribe(components::useConfig);
        configChanges.subscribe(saved -> LogLevels.apply(saved.logging().level()));
        components.useToolCallbacks(timer -> timerListener.accept(
                timer.sentence(java.time.ZoneId.systemDefault(), java.time.Instant.now())),
                (tool, arguments) -> confirmer.confirm(tool, arguments));
        // The active provider, created on its first reply: building a client and connecting MCP
        // servers must not delay the window.
        this.firstModel = new ConfiguredModel(components, config.llm().active());
        this.model = new SwitchableLanguageModel(firstModel);
        // Typed questions are answered from the first moment; listening and speaking start once
        // loadSteps() has loaded the speech model and the voice.
        this.assistant = components.voiceAssistant(model, components.newConversation());
        // Push-to-talk through the API needs the voice loop, which loadSteps() starts moments later.
        this.api = new DesktopApi(new ApiServer.Backend(components, model, assistant, true, () -> openConversation),
                paths);
        configChanges.subscribe(saved -> api.apply(saved.api()));
        this.configWatch = new ConfigFileWatch(configFile(), configChanges, () -> this.config);
        // Looked at as a turn starts too: a question by the talk key (which comes while the words are
        // spoken) or the control API may come without the window gaining the focus. The look is not
        // waited for, so a typed or API question already on its way may still get the settings before.
        assistant.subscribe(event -> {
            if (event instanceof VoiceEvent.StateChanged changed && changed.from() == VoiceState.IDLE) {
                lookAtConfigFile();
            }
        });
        // The speech model (native Vosk, ~2 s of one core) and the voice (MaryTTS, ~2 s of class
        // loading and XML parsing) load side by side once the window is shown (afterWindowShown):
        // on two cores either would take the CPU the window needs.
        speechModel.exceptionally(this::startUpFailed);
        voice.exceptionally(this::startUpFailed);
    }

    /**
     * Starts what the window need not wait for, once it is shown: the voice load and the control
     * API; the provider health polling once the speech model and the voice are loaded. Later calls
     * do nothing.
     */
    public void afterWindowShown() {
        if (!deferredStarted.compareAndSet(false, true)) {
            return;
        }
        loadInBackground("parley-speech-model-load", () -> {
            components.recognizer();
            Microphone.prepare(); // while the voice loads: Ready then waits only for the open
        }, speechModel);
        loadInBackground("parley-voice-load", components::synthesizer, voice);
        api.apply(config.api()); // on the API's own thread
        startUpDone.thenRun(this::startHealthPolling);
    }

    private Void startUpFailed(Throwable failure) {
        startUpDone.complete(null);
        return null;
    }

    private synchronized void startHealthPolling() {
        if (closed) {
            return;
        }
        healthPolling = dev.parley.BackgroundHealth.start(components, config.llm(), () -> !assistant.state().atRest());
        configChanges.subscribe(saved -> followHealth(saved));
    }

    private synchronized void followHealth(ParleyConfig saved) {
        if (!closed) {
            healthPolling.follow(saved.llm());
        }
    }

    /** The window shows (and saves) its conversation under {@code name} now. */
    public void showsConversation(String name) {
        openConversation = name;
    }

    /**
     * Loads the config ({@code configFile}, or the user's; the last good one when it is broken, see
     * {@link #configNotice}) and wires the window's services.
     */
    public static DesktopServices start(Path configFile) {
        ParleyPaths paths = ParleyPaths.fromEnvironment();
        LastGoodConfig.Loaded loaded = LastGoodConfig.load(configFile, paths, true);
        DesktopServices services = new DesktopServices(paths, loaded.config(),
                new BackgroundSecretStore(OsKeychain::open));
        services.configNotice = loaded.notice();
        return services;
    }

    /** Set when the config file is broken and the window started with the last good one: what is wrong. */
    public java.util.Optional<String> configNotice() {
        return configNotice;
    }

    /**
     * How tools reach the window: a finished timer, and the question before a tool listed in
     * {@code llm.tools.confirm} runs (asked on a worker thread; it may wait for the user).
     */
    public void useToolCallbacks(java.util.function.Consumer<String> timers, dev.parley.tools.ToolConfirmer confirm) {
        this.timerListener = timers;
        this.confirmer = confirm;
    }

    /** Tells the timers that went off while Parley was closed and runs the pending ones; once the window listens. */
    public void resumeTimers() {
        components.resumeTimers();
    }

    public ParleyConfig config() {
        return config;
    }

    public ParleyPaths paths() {
        return paths;
    }

    public VoiceAssistant assistant() {
        return assistant;
    }

    /** Start-up work shown as progress: the speech model, the voice, then the assistant listens and speaks. */
    public List<LoadStep> loadSteps() {
        // A caller without a window must not wait for loads never started.
        return loadSteps(() -> {
            afterWindowShown();
            awaitLoad(speechModel);
        }, () -> {
            afterWindowShown();
            awaitLoad(voice);
        });
    }

    /**
     * The start-up steps again, after one failed and a config was saved: each part loads now from the
     * saved config, and a part that did load is kept (it is made once).
     */
    public List<LoadStep> retryLoadSteps() {
        return loadSteps(components::recognizer, components::synthesizer);
    }

    private List<LoadStep> loadSteps(Runnable speechModelLoaded, Runnable voiceLoaded) {
        return List.of(new LoadStep("speech model", speechModelLoaded), new LoadStep("voice", voiceLoaded),
                new LoadStep("voice loop", () -> {
                    try {
                        components.useVoice(assistant);
                        // After Ready, in the background: the first turn as quick as later ones.
                        FirstTurnWarmUp.start(components, firstModel::build);
                    } finally {
                        startUpDone.complete(null);
                    }
                }));
    }

    /** Loads {@code part} on a thread of its own (the two models side by side); completes {@code loaded}. */
    private static CompletableFuture<Void> loadInBackground(String name, Runnable part, CompletableFuture<Void> loaded) {
        Thread.ofPlatform().name(name).daemon(true).start(() -> {
            try {
                part.run();
                loaded.complete(null);
            } catch (RuntimeException | Error e) {
                loaded.completeExceptionally(e);
            }
        });
        return loaded;
    }

    private static void awaitLoad(CompletableFuture<Void> part) {
        try {
            part.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /**
     * Tells {@code watcher} what the control API is doing (serving, off, failed to start): now, and
     * on each change, from a background thread.
     */
    public void watchApi(java.util.function.Consumer<ApiState> watcher) {
        api.watch(watcher);
    }

    /** Where a config saved while the window runs (Settings, the welcome) is announced. */
    public ConfigChanges configChanges() {
        return configChanges;
    }

    /** The first-run welcome's backend while the welcome is due (until it was finished or skipped once). */
    public java.util.Optional<WelcomeBackend> welcomeIfDue() {
        return new dev.parley.firstrun.FirstRun(paths).isDue()
                ? java.util.Optional.of(new DesktopWelcome(paths, config, secrets, components::synthesizer,
                        this::saveAndPublish))
                : java.util.Optional.empty();
    }

    public ConversationStore conversationStore() {
        return components.conversationStore();
    }

    public Conversation newConversation() {
        return components.newConversation();
    }

    public UsageLedger usageLedger() {
        return components.usageLedger();
    }

    public ProviderService providers() {
        return new DesktopProviders(components, model, () -> config, startUpDone);
    }

    /** The file saves go to and the watch looks at: the one loaded (or meant, when it was broken). */
    private Path configFile() {
        return config.source() != null ? config.source() : paths.userConfigFile();
    }

    /** Runs a save of config.yaml made in the window (Settings, the welcome), then tells the window's parts. */
    private ParleyConfig saveAndPublish(Supplier<ParleyConfig> save) {
        ParleyConfig saved = configWatch.ownSave(save);
        configChanges.publish(saved);
        return saved;
    }

    /** Where the window hears what became of config.yaml changed outside Parley (an editor). */
    public void onConfigFileChange(ConfigFileWatch.Listener listener) {
        configWatch.reportTo(listener);
    }

    /**
     * Applies config.yaml when it was changed outside Parley since the last look, as a save from
     * Settings would be; the window calls it when it gains the focus, and a turn's start does. On a
     * thread of its own: a changed file is read and parsed, which the caller must not wait for.
     */
    public void lookAtConfigFile() {
        Thread.ofVirtual().name("parley-config-look").start(configWatch::look);
    }

    public SettingsBackend settings() {
        Path file = configFile();
        return new SettingsBackend() {
            @Override
            public ParleyConfig config() {
                return config; // what the welcome or an earlier save made it
            }

            @Override
            public ParleyConfig save(ConfigWriter.Settings shown, ConfigWriter.Settings edited) {
                return saveAndPublish(() -> new ConfigWriter().save(file, shown, edited));
            }

            @Override
            public ConfigChanges changes() {
                return configChanges;
            }

            @Override
            public List<String> models(ProviderConfig provider) {
                if (provider.baseUrl() == null || provider.baseUrl().isBlank()) {
                    return List.of();
                }
                return new ApiDetector(Duration.ofSeconds(3)).detect(provider.baseUrl()).models();
            }

            @Override
            public List<String> inputDevices() {
                return DeviceList.inputs();
            }

            @Override
            public List<String> outputDevices() {
                return DeviceList.outputs();
            }

            @Override
            public List<String> voices() {
                return List.of("cmu-slt-hsmm");
            }

            @Override
            public double micTest(String inputDevice) {
                return DeviceList.peakLevel(inputDevice, 1500);
            }

            @Override
            public SecretStore secrets() {
                return secrets;
            }

            @Override
            public String apiTokenFile() {
                return dev.parley.api.ApiToken.fileFor(paths).toString();
            }
        };
    }

    @Override
    public void close() {
        api.close(); // first: no client waits on an assistant that is closing
        synchronized (this) {
            closed = true;
            if (healthPolling != null) { // null until Ready
                healthPolling.close();
            }
        }
        assistant.close();
        components.close();
    }
}
