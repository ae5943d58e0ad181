package dev.parley.ui.welcome;

import dev.parley.audio.AudioDeviceException;
import dev.parley.audio.MicrophoneListener;
import dev.parley.config.ConfigChanges;
import dev.parley.config.ConfigWriter;
import dev.parley.config.ParleyPaths;
import dev.parley.config.ProviderType;
import dev.parley.firstrun.FirstRun;
import dev.parley.firstrun.ModelOffers;
import dev.parley.firstrun.OllamaProbe;
import dev.parley.firstrun.VoiceCheck;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The welcome's checks without devices or network: a microphone the test speaks into through
 * {@link #listener}, a recorded voice, fixed offers (an Ollama with one model, the embedded model,
 * a cloud provider without its key), and the real {@link ConfigWriter} and {@link FirstRun} on a
 * temporary folder. Each slow call takes {@code delayMs}.
 */
final class FakeWelcome implements WelcomeBackend {

    /** Where a finished welcome's config is published, as the app's welcome does. */
    public volatile ConfigChanges saves = new ConfigChanges();

    final Path configFile;
    final ParleyPaths paths;
    final List<String> calls = new CopyOnWriteArrayList<>();
    final Map<String, String> keychain = new ConcurrentHashMap<>();
    volatile MicrophoneListener listener;
    volatile boolean noMicrophone;
    volatile boolean ollamaRunning = true;
    volatile boolean keychainAvailable = true;
    volatile long delayMs;

    FakeWelcome(Path folder, long delayMs) {
        this.paths = new ParleyPaths(folder, folder.resolve("config"), folder.resolve("data"), folder.resolve("logs"));
        this.configFile = paths.userConfigFile();
        this.delayMs = delayMs;
        dev.parley.config.ConfigLoader.createFromShipped(configFile);
    }

    FirstRun firstRun() {
        return new FirstRun(paths);
    }

    @Override
    public MicrophoneSession openMicrophone(MicrophoneListener listener) {
        pause();
        if (noMicrophone) {
            throw new AudioDeviceException("No input device found.", "pactl load-module module-null-sink\npactl set-default-source x");
        }
        calls.add("mic-open");
        this.listener = listener;
        return () -> calls.add("mic-close");
    }

    /** What the test sentence does: played, unless a test says the speakers are missing. */
    public volatile VoiceCheck.Result speakerResult = new VoiceCheck.Result(true, 3.2, null);

    @Override
    public VoiceCheck.Result speakTestSentence() {
        pause();
        calls.add("speak");
        return speakerResult;
    }

    @Override
    public Choices choices() {
        pause();
        calls.add("choices");
        List<ModelOffers.Offer> offers = new java.util.ArrayList<>();
        if (ollamaRunning) {
            offers.add(new ModelOffers.OllamaOffer("qwen2.5:0.5b", OllamaProbe.DEFAULT_URL));
        }
        offers.add(new ModelOffers.EmbeddedOffer(ModelOffers.EMBEDDED_MODEL, 1_300_000_000L, true, false));
        offers.add(new ModelOffers.CloudOffer("openai", ProviderType.OPENAI, "gpt-4o-mini", "OPENAI_API_KEY", false));
        return new Choices(offers, ollamaRunning ? "Ollama runs at http://localhost:11434 with qwen2.5:0.5b"
                : "no Ollama at http://localhost:11434 (connection refused)", keychainAvailable);
    }

    @Override
    public void storeKey(String name, String key) {
        keychain.put(name, key);
    }

    @Override
    public void apply(ModelOffers.Offer offer) {
        pause();
        saves.publish(new ConfigWriter().activate(configFile, offer.provider(), offer.providerEntry(),
                offer.newEntryDefaults()));
    }

    @Override
    public void markDone() {
        new FirstRun(paths).markDone();
    }

    private void pause() {
        try {
            Thread.sleep(delayMs);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
