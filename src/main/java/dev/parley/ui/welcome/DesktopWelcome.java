package dev.parley.ui.welcome;

import dev.parley.audio.Microphone;
import dev.parley.audio.MicrophoneListener;
import dev.parley.audio.Speaker;
import dev.parley.config.ConfigWriter;
import dev.parley.config.ParleyConfig;
import dev.parley.config.ParleyPaths;
import dev.parley.config.ProviderConfig;
import dev.parley.config.ProviderType;
import dev.parley.firstrun.DownloadSize;
import dev.parley.firstrun.FirstRun;
import dev.parley.firstrun.ModelOffers;
import dev.parley.firstrun.OllamaProbe;
import dev.parley.firstrun.VoiceCheck;
import dev.parley.secrets.KeyLookup;
import dev.parley.secrets.SecretStore;
import dev.parley.tts.SpeechSynthesizer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.Supplier;

/** The welcome's backend in the app: the real microphone, voice, Ollama probe, Hub and config file. */
public final class DesktopWelcome implements WelcomeBackend {

    private final ParleyPaths paths;
    private final ParleyConfig config;
    private final Path configFile;
    private final SecretStore secrets;
    private final Supplier<SpeechSynthesizer> voice;
    /** Runs a save of config.yaml as the window does and tells the window's parts; returns the config saved. */
    private final Function<Supplier<ParleyConfig>, ParleyConfig> save;

    public DesktopWelcome(ParleyPaths paths, ParleyConfig config, SecretStore secrets, Supplier<SpeechSynthesizer> voice,
            Function<Supplier<ParleyConfig>, ParleyConfig> save) {
        this.paths = paths;
        this.config = config;
        this.configFile = config.source() != null ? config.source() : paths.userConfigFile();
        this.secrets = secrets;
        this.voice = voice;
        this.save = save;
    }

    @Override
    public MicrophoneSession openMicrophone(MicrophoneListener listener) {
        Microphone microphone = Microphone.open(config.audio().inputDevice(), Duration.ZERO, listener);
        return microphone::close;
    }

    @Override
    public VoiceCheck.Result speakTestSentence() {
        Speaker speaker = new Speaker(config.tts().outputDevice());
        return new VoiceCheck(voice.get(), speaker::play).speak(VoiceCheck.TEST_SENTENCE);
    }

    @Override
    public Choices choices() {
        OllamaProbe.Status ollama = new OllamaProbe(Duration.ofMillis(1500)).probe(OllamaProbe.urlIn(config));
        var offers = ModelOffers.list(config, ollama, embeddedOffer(), KeyLookup.environmentThen(secrets));
        return new Choices(offers, ollama.describe(), secrets.available());
    }

    private ModelOffers.EmbeddedOffer embeddedOffer() {
        var configured = config.llm().providers().values().stream()
                .filter(p -> p.type() == ProviderType.EMBEDDED).findFirst();
        String model = configured.map(ProviderConfig::model).orElse(ModelOffers.EMBEDDED_MODEL);
        String hub = configured.map(ProviderConfig::baseUrl).orElse(null);
        return new DownloadSize(Duration.ofSeconds(3)).offer(model, paths.dataDir().resolve("models").resolve("llm"), hub);
    }

    @Override
    public void storeKey(String name, String key) {
        secrets.write(name, key);
    }

    @Override
    public void apply(ModelOffers.Offer offer) {
        save.apply(() -> new ConfigWriter().activate(configFile, offer.provider(), offer.providerEntry(),
                offer.newEntryDefaults()));
    }

    @Override
    public void markDone() {
        new FirstRun(paths).markDone();
    }
}
