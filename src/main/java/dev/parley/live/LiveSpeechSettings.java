package dev.parley.live;

import dev.parley.config.AudioConfig;
import dev.parley.config.ParleyConfig;
import dev.parley.stt.SpeechRecognizer;
import dev.parley.tts.SpeechSynthesizer;
import dev.parley.voice.SpeechInput;
import dev.parley.voice.SpeechOutput;
import dev.parley.voice.VoiceEvent;
import dev.parley.voice.VoiceEvent.SpeechPartChange.Step;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Applies a saved config's speech model, voice and audio devices while Parley runs. Each save is
 * compared with what is in use; what changed is loaded on this class's own thread (saves are applied
 * in order, and neither the window nor the saver waits for a model to load) and swapped into the
 * holders the voice loop uses: the next utterance is recognized by the new model and taken from the
 * new microphone, the next answer is spoken by the new voice on the new device. A part that cannot be
 * made (a folder that is no Vosk model, a voice that is not installed, a device that is not there) is
 * reported and the one in use stays. Progress goes out as {@link VoiceEvent.SpeechPartChange}.
 */
public final class LiveSpeechSettings implements AutoCloseable {

    private static final Logger LOG = LogManager.getLogger(LiveSpeechSettings.class);
    public static final String SPEECH_MODEL = "speech model";
    public static final String VOICE = "voice";
    public static final String OUTPUT_DEVICE = "output device";
    public static final String INPUT_DEVICE = "input device";

    private final SpeechPartLoader loader;
    private final Function<ParleyConfig, Path> speechModelOf;
    private final Consumer<VoiceEvent> events;
    private final ExecutorService worker;
    private final SwappableRecognizer recognizer;
    private final SwappableSpeechOutput output;
    private final SwappableSpeechInput input;
    /** What the holders serve now; read and written on the worker thread only. */
    private InUse inUse;

    /**
     * The settings the parts in use were made from; a setting that could not be applied keeps its
     * old value here, so saving it again tries again.
     */
    private record InUse(Path speechModel, String voiceName, SpeechSynthesizer voice, String outputDevice,
            Microphone microphone) {}

    /** What the microphone input is made from: a change to any of them opens a new one. */
    private record Microphone(String device, int preRollMs, int endOfSpeechSilenceMs, String wakeWord) {

        static Microphone of(ParleyConfig config) {
            AudioConfig audio = config.audio();
            return new Microphone(audio.inputDevice(), audio.preRollMs(), audio.endOfSpeechSilenceMs(),
                    config.voice().wakeWord());
        }
    }

    /**
     * Starts serving {@code model} and {@code voice} (loaded for {@code loaded}) and opens the
     * microphone of {@code loaded}. A part replaced is closed once unused, the first ones too (their
     * maker may close them again: closing is idempotent).
     *
     * @param speechModelOf the speech model folder a config selects
     * @param threads makes the thread that loads and swaps
     */
    public LiveSpeechSettings(ParleyConfig loaded, SpeechRecognizer model, SpeechSynthesizer voice,
            SpeechPartLoader loader, Function<ParleyConfig, Path> speechModelOf, Consumer<VoiceEvent> events,
            ThreadFactory threads) {
        this.loader = loader;
        this.speechModelOf = speechModelOf;
        this.events = events;
        this.worker = Executors.newSingleThreadExecutor(threads);
        this.recognizer = new SwappableRecognizer(model);
        String device = loaded.tts().outputDevice();
        this.output = new SwappableSpeechOutput(new SwappableSpeechOutput.Part(loader.output(voice, device),
                closedOnceUnused(voice)));
        this.input = new SwappableSpeechInput(loader.input(loaded, recognizer));
        this.inUse = new InUse(speechModelOf.apply(loaded), loaded.tts().voice(), voice, device, Microphone.of(loaded));
    }

    /** What the voice loop listens through; the microphone and model behind it change with saves. */
    public SpeechInput input() {
        return input;
    }

    /** What the voice loop speaks through; the voice and device behind it change with saves. */
    public SpeechOutput output() {
        return output;
    }

    /** The speech model in use, for recognition outside the voice loop (the control API). */
    public SpeechRecognizer recognizer() {
        return recognizer;
    }

    /** The voice the next answer gets. */
    public SpeechSynthesizer voice() {
        return output.current().voice();
    }

    /** Takes a saved config: returns at once; the changes are applied in order on this class's thread. */
    public void apply(ParleyConfig saved) {
        try {
            worker.execute(() -> {
                try {
                    applyNow(saved);
                } catch (RuntimeException e) { // a bug: each expected failure is reported where it happens
                    LOG.error("The saved speech settings could not be applied", e);
                }
            });
        } catch (RejectedExecutionException closing) {
            LOG.debug("A config saved while Parley closes is not applied to the speech parts");
        }
    }

    private void applyNow(ParleyConfig saved) {
        InUse was = inUse;
        Path model = swapSpeechModel(was.speechModel(), speechModelOf.apply(saved));
        SpeechSynthesizer voice = was.voice();
        String voiceName = was.voiceName();
        if (!saved.tts().voice().equals(voiceName)) {
            SpeechSynthesizer loaded = loaded(VOICE, () -> loader.voice(saved.tts()));
            if (loaded != null) {
                voice = loaded;
                voiceName = saved.tts().voice();
            }
        }
        String device = was.outputDevice();
        String wantedDevice = saved.tts().outputDevice();
        if (!wantedDevice.equals(device) && found(OUTPUT_DEVICE, () -> loader.checkOutputDevice(wantedDevice))) {
            device = wantedDevice;
        }
        if (voice != was.voice() || !device.equals(was.outputDevice())) {
            output.replace(new SwappableSpeechOutput.Part(loader.output(voice, device), closedOnceUnused(voice)));
            if (voice != was.voice()) {
                changed(VOICE, voiceName);
            }
            if (!device.equals(was.outputDevice())) {
                changed(OUTPUT_DEVICE, named(device));
            }
        }
        voice.tune(saved.tts().rate(), saved.tts().volume()); // a loaded voice has them; one kept may not
        Microphone microphone = swapMicrophone(saved, was.microphone(), !model.equals(was.speechModel()));
        inUse = new InUse(model, voiceName, voice, device, microphone);
    }

    /** Loads {@code wanted} if it is not the model in use; the folder in use afterwards. */
    private Path swapSpeechModel(Path inUseNow, Path wanted) {
        if (wanted.equals(inUseNow)) {
            return inUseNow;
        }
        SpeechRecognizer loaded = loaded(SPEECH_MODEL, () -> loader.speechModel(wanted));
        if (loaded == null) {
            return inUseNow;
        }
        recognizer.replace(loaded);
        changed(SPEECH_MODEL, wanted.toString());
        return wanted;
    }

    /**
     * Opens the saved microphone when its settings changed, or when a new model came with a wake word
     * (the phrase spotter runs on the model). The microphone settings in use afterwards.
     */
    private Microphone swapMicrophone(ParleyConfig saved, Microphone was, boolean modelChanged) {
        Microphone wanted = Microphone.of(saved);
        boolean spotterOnOldModel = modelChanged && !wanted.wakeWord().isEmpty();
        if (wanted.equals(was) && !spotterOnOldModel) {
            return was;
        }
        boolean deviceChanged = !wanted.device().equals(was.device());
        if (deviceChanged && !found(INPUT_DEVICE, () -> loader.checkInputDevice(wanted.device()))) {
            return was;
        }
        try {
            input.replace(loader.input(saved, recognizer));
        } catch (RuntimeException e) {
            failed(INPUT_DEVICE, e);
            return was;
        }
        if (deviceChanged) {
            changed(INPUT_DEVICE, named(wanted.device()));
        }
        return wanted;
    }

    /**
     * What an output lets go of once it is replaced and no answer uses it: its voice, unless the
     * output that replaced it still speaks with it (only the device changed).
     */
    private AutoCloseable closedOnceUnused(SpeechSynthesizer voice) {
        return () -> {
            if (output.current().voice() != voice) {
                voice.close();
            }
        };
    }

    private <T> T loaded(String part, Supplier<T> load) {
        events.accept(new VoiceEvent.SpeechPartChange(part, Step.LOADING, ""));
        long start = System.nanoTime();
        try {
            T made = load.get();
            LOG.info("Loaded the new {} in {} ms", part, (System.nanoTime() - start) / 1_000_000);
            return made;
        } catch (RuntimeException e) {
            failed(part, e);
            return null;
        }
    }

    private boolean found(String part, Runnable check) {
        try {
            check.run();
            return true;
        } catch (RuntimeException e) {
            failed(part, e);
            return false;
        }
    }

    private void failed(String part, RuntimeException e) {
        LOG.warn("The saved {} was not applied: {}", part, e.getMessage());
        String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        events.accept(new VoiceEvent.SpeechPartChange(part, Step.FAILED, why + " The " + part + " in use stays."));
    }

    private void changed(String part, String now) {
        LOG.info("The {} is now {}", part, now);
        events.accept(new VoiceEvent.SpeechPartChange(part, Step.CHANGED, now));
    }

    private static String named(String device) {
        return device.isBlank() ? "the system default" : device;
    }

    /** Waits for a swap in progress (a model loading), then lets go of every part it made. */
    @Override
    public void close() {
        worker.shutdown();
        try {
            worker.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        input.close();
        output.close();
        recognizer.close();
    }
}
