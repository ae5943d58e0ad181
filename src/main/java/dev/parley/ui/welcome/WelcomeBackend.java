package dev.parley.ui.welcome;

import dev.parley.audio.AudioDeviceException;
import dev.parley.audio.MicrophoneListener;
import dev.parley.firstrun.ModelOffers;
import dev.parley.firstrun.VoiceCheck;
import java.util.List;

/**
 * What the first-run welcome checks and writes, over {@code dev.parley.firstrun}. Every method may
 * block (audio devices, network, disk, keychain): called off the JavaFX thread.
 */
public interface WelcomeBackend {

    /** A microphone capturing until closed; it reports its level to the listener given to {@link #openMicrophone}. */
    interface MicrophoneSession extends AutoCloseable {
        @Override
        void close();
    }

    /** Opens the configured input device; the listener hears its level 20 times a second on the capture thread. */
    MicrophoneSession openMicrophone(MicrophoneListener listener) throws AudioDeviceException;

    /** Speaks {@link VoiceCheck#TEST_SENTENCE} through the configured voice and output device. */
    VoiceCheck.Result speakTestSentence();

    /**
     * What the user may choose: {@code offers} best first (local Ollama models, the embedded model
     * with its download size, the cloud providers), {@code ollama} one line on what the probe found,
     * {@code keychain} whether a typed API key can be stored (else it goes in an environment variable).
     */
    record Choices(List<ModelOffers.Offer> offers, String ollama, boolean keychain) {
        public Choices {
            offers = List.copyOf(offers);
        }
    }

    /** Probes Ollama and the embedded model's download size (each bounded by a short timeout). */
    Choices choices();

    /** Stores an API key typed for a cloud provider in the OS keychain under {@code name} (its variable). */
    void storeKey(String name, String key);

    /** Makes {@code offer} the active provider in the user's config.yaml (comments kept). */
    void apply(ModelOffers.Offer offer);

    /** Records that the welcome ran (or was skipped), so it does not show again. */
    void markDone();
}
