package dev.parley.ui.welcome;

import dev.parley.Throwables;
import dev.parley.audio.AudioDeviceException;
import dev.parley.audio.LevelMeter;
import dev.parley.audio.MicrophoneListener;
import dev.parley.firstrun.ModelOffers;
import dev.parley.firstrun.ModelOffers.Offer;
import dev.parley.ui.Tasks;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableBooleanValue;

/**
 * The first-run welcome in three steps: 1) the microphone's live level ("we hear you" once a voice
 * arrives; how to fix a missing one, skippable), 2) a test sentence through the real voice once it
 * is loaded, 3) which model answers: local Ollama models first, the embedded model with its download
 * size, or a cloud provider (a typed key goes to the keychain). {@link #finish()} writes the choice
 * into config.yaml and the marker; {@link #skip()} writes only the marker. Step 3 is its own
 * {@link ModelChoice}. Everything slow runs through {@link Tasks}; the probes start as soon as the
 * welcome opens.
 */
public final class WelcomeViewModel implements AutoCloseable {

    public static final int MICROPHONE = 0;
    public static final int VOICE = 1;
    public static final int MODEL = 2;

    private final WelcomeBackend backend;
    private final Tasks tasks;
    private final ObservableBooleanValue voiceLoaded;
    private final ReadOnlyIntegerWrapper step = new ReadOnlyIntegerWrapper(MICROPHONE);

    private final ReadOnlyDoubleWrapper level = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyBooleanWrapper heard = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper microphoneMissing = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper microphoneStatus = new ReadOnlyStringWrapper("");
    /** Shell commands that would give this machine a microphone, for a Copy button; "" when none apply. */
    private final ReadOnlyStringWrapper microphoneCommands = new ReadOnlyStringWrapper("");
    /** Shell commands that would give this machine speakers, for a Copy button; "" when none apply. */
    private final ReadOnlyStringWrapper voiceCommands = new ReadOnlyStringWrapper("");
    /** Guarded by this: the open microphone, or null. */
    private WelcomeBackend.MicrophoneSession microphone;
    private boolean listening;

    private final ReadOnlyBooleanWrapper speaking = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper voiceStatus = new ReadOnlyStringWrapper("");
    private final BooleanBinding canSpeak;

    private final ModelChoice models;

    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper done = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper finishStatus = new ReadOnlyStringWrapper("");
    private Consumer<String> onFinished = provider -> { };

    /** @param voiceLoaded true once the voice is loaded (the test sentence needs it) */
    public WelcomeViewModel(WelcomeBackend backend, Tasks tasks, ObservableBooleanValue voiceLoaded) {
        this.backend = backend;
        this.tasks = tasks;
        this.voiceLoaded = voiceLoaded;
        this.models = new ModelChoice(backend, tasks);
        canSpeak = Bindings.createBooleanBinding(() -> voiceLoaded.get() && !speaking.get(), voiceLoaded, speaking);
        voiceStatus.set(voiceLoaded.get() ? "" : "The voice is still loading; the button works once it is ready.");
        voiceLoaded.addListener((obs, old, loaded) -> {
            if (loaded && !speaking.get() && voiceStatus.get().startsWith("The voice is still loading")) {
                voiceStatus.set("");
            }
        });
    }

    /** Starts the microphone and, in the background, the search for models. */
    public void start() {
        models.find();
        listen();
    }

    // --- step 1: microphone ----------------------------------------------------------------------

    /** Opens the microphone (again, after a failure); the meter moves while the user speaks. */
    public void listen() {
        synchronized (this) {
            if (listening) {
                return;
            }
            listening = true;
        }
        heard.set(false);
        level.set(0);
        microphoneMissing.set(false);
        microphoneCommands.set("");
        microphoneStatus.set("Say something: the bar should move.");
        MicrophoneListener listener = new MicrophoneListener() {
            @Override
            public void level(double dbfs) {
                tasks.onUi(() -> showLevel(dbfs));
            }

            @Override
            public void deviceLost(AudioDeviceException problem) {
                tasks.onUi(() -> microphoneStatus.set(problem.getMessage()));
            }

            @Override
            public void deviceRestored() {
                tasks.onUi(() -> microphoneStatus.set(heard.get() ? "We hear you." : "Say something: the bar should move."));
            }
        };
        tasks.run(() -> backend.openMicrophone(listener), session -> {
            boolean keep;
            synchronized (this) {
                // Left the step meanwhile, or came back and another microphone is already open: close this one.
                keep = listening && microphone == null;
                if (keep) {
                    microphone = session;
                }
            }
            if (!keep) {
                tasks.run(() -> {
                    session.close();
                    return null;
                }, ignored -> { }, ignored -> { });
            }
        }, failure -> {
            synchronized (this) {
                listening = false;
            }
            microphoneMissing.set(true);
            AudioDeviceException device = Throwables.causeOf(failure, AudioDeviceException.class).orElse(null);
            microphoneCommands.set(device == null ? "" : device.commands());
            microphoneStatus.set((device == null ? Tasks.message(failure) : device.words())
                    + " Connect one (or pick the input device in Settings), then Try again; or go on without it."
                    + (microphoneCommands.get().isEmpty() ? "" : " The commands that set up a virtual device can be"
                            + " copied below."));
        });
    }

    private void showLevel(double dbfs) {
        level.set(LevelMeter.meterLevel(dbfs));
        if (dbfs > LevelMeter.SPEECH_DB && !heard.get()) {
            heard.set(true);
            microphoneStatus.set("We hear you.");
        }
    }

    /** Closes the microphone (leaving the step, closing the welcome). */
    public void stopListening() {
        WelcomeBackend.MicrophoneSession open;
        synchronized (this) {
            listening = false;
            open = microphone;
            microphone = null;
        }
        level.set(0);
        if (open != null) {
            tasks.run(() -> {
                open.close();
                return null;
            }, ignored -> { }, ignored -> { });
        }
    }

    // --- step 2: voice ---------------------------------------------------------------------------

    /** Speaks the test sentence through the real voice, in the background. */
    public void playTestSentence() {
        if (!canSpeak.get()) {
            return;
        }
        speaking.set(true);
        voiceStatus.set("Speaking…");
        voiceCommands.set("");
        tasks.run(backend::speakTestSentence, result -> {
            speaking.set(false);
            voiceCommands.set(result.played() ? "" : result.commands());
            voiceStatus.set(result.played() ? "Did you hear it? Then your speakers work (" + result.describe() + ")."
                    : "Could not play speech: " + result.problem().replaceAll("\\.$", "")
                            + ". Check the output device in Settings, or go on: answers also appear as text.");
        }, failure -> {
            speaking.set(false);
            voiceStatus.set("Could not play speech: " + Tasks.message(failure));
        });
    }

    // --- finishing -------------------------------------------------------------------------------

    /** Writes the chosen model into config.yaml (and a typed key into the keychain), then the marker. */
    public void finish() {
        Offer offer = models.selectedProperty().get();
        if (offer == null || saving.get() || done.get()) {
            return;
        }
        String key = models.keyToStore();
        String env = offer instanceof ModelOffers.CloudOffer cloud ? cloud.apiKeyEnv() : null;
        saving.set(true);
        finishStatus.set("Saving…");
        stopListening();
        tasks.run(() -> {
            if (!key.isEmpty()) {
                backend.storeKey(env, key);
            }
            backend.apply(offer);
            backend.markDone();
            return offer;
        }, saved -> {
            saving.set(false);
            models.keyStored();
            finishStatus.set(env != null && key.isEmpty() && !((ModelOffers.CloudOffer) saved).keySet()
                    ? "Saved: " + saved.provider() + " answers once " + env + " is set: " + (models.keychainProperty()
                            .get() ? "paste the key in Settings › Providers, or set " + env + " in your environment"
                                    : "export " + env + "=… in your environment")
                            + " and start Parley again."
                    : "Saved: " + saved.provider() + " answers from now on.");
            onFinished.accept(saved.provider());
            done.set(true);
        }, failure -> {
            saving.set(false);
            finishStatus.set("Not saved: " + Tasks.message(failure));
        });
    }

    /** Called on the JavaFX thread with the provider the user chose, once it is saved. */
    public void onFinished(Consumer<String> listener) {
        this.onFinished = listener;
    }

    /** Leaves the welcome without choosing; it does not show again (Settings has every choice). */
    public void skip() {
        if (saving.get() || done.get()) {
            return;
        }
        stopListening();
        saving.set(true);
        tasks.run(() -> {
            backend.markDone();
            return null;
        }, ignored -> {
            saving.set(false);
            done.set(true);
        }, failure -> {
            saving.set(false);
            finishStatus.set("Could not record that the welcome ran: " + Tasks.message(failure));
            done.set(true);
        });
    }

    public void next() {
        goTo(Math.min(MODEL, step.get() + 1));
    }

    public void back() {
        goTo(Math.max(MICROPHONE, step.get() - 1));
    }

    private void goTo(int target) {
        if (target == step.get()) {
            return;
        }
        if (step.get() == MICROPHONE) {
            stopListening();
        }
        step.set(target);
        if (target == MICROPHONE) {
            listen();
        }
    }

    /** Closes the microphone; the welcome shows again at the next start unless finished or skipped. */
    @Override
    public void close() {
        stopListening();
    }

    // --- properties ------------------------------------------------------------------------------

    public ReadOnlyIntegerProperty stepProperty() {
        return step.getReadOnlyProperty();
    }

    /** 0..1 over -60..0 dBFS, for the meter bar. */
    public ReadOnlyDoubleProperty levelProperty() {
        return level.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty heardProperty() {
        return heard.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty microphoneMissingProperty() {
        return microphoneMissing.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty voiceCommandsProperty() {
        return voiceCommands.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty microphoneCommandsProperty() {
        return microphoneCommands.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty microphoneStatusProperty() {
        return microphoneStatus.getReadOnlyProperty();
    }

    public BooleanBinding canSpeakBinding() {
        return canSpeak;
    }

    public ReadOnlyBooleanProperty speakingProperty() {
        return speaking.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty voiceStatusProperty() {
        return voiceStatus.getReadOnlyProperty();
    }

    public ObservableBooleanValue voiceLoaded() {
        return voiceLoaded;
    }

    /** Step 3: the offers and the one chosen. */
    public ModelChoice models() {
        return models;
    }

    public ReadOnlyBooleanProperty savingProperty() {
        return saving.getReadOnlyProperty();
    }

    /** True once Finish or Skip has written the marker: the view closes. */
    public ReadOnlyBooleanProperty doneProperty() {
        return done.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty finishStatusProperty() {
        return finishStatus.getReadOnlyProperty();
    }
}
