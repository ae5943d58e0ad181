package dev.parley;

import dev.parley.audio.Ducking;
import dev.parley.audio.Microphone;
import dev.parley.audio.MicrophoneListener;
import dev.parley.audio.KeptOutputLine;
import dev.parley.audio.Speaker;
import dev.parley.audio.echo.EchoCancellers;
import dev.parley.audio.echo.EchoOptions;
import dev.parley.audio.echo.LiveEchoCancellation;
import dev.parley.config.AudioConfig;
import dev.parley.config.ParleyConfig;
import dev.parley.config.ParleyPaths;
import dev.parley.stt.SpeechRecognizer;
import dev.parley.stt.VoskRecognizer;
import dev.parley.tts.MaryTtsSynthesizer;
import dev.parley.tts.SpeechSynthesizer;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The parts that hear and speak, for {@link Components}: the speech model and the voice (each
 * loaded once, on first use: seconds), the speaker and the microphone of the config, and the
 * microphone's echo cancellation that joins the two.
 */
final class SpeechParts implements AutoCloseable {

    private final ParleyPaths paths;
    private final Supplier<ParleyConfig> config;
    /*
     * One lock each for the speech model and the voice: they load side by side (seconds each), and a
     * voice still loading must not hold up the speech model or the echo cancellation.
     */
    private final Object recognizerLock = new Object();
    private final Object synthesizerLock = new Object();
    private SpeechRecognizer recognizer;
    private SpeechSynthesizer synthesizer;
    private LiveEchoCancellation echoCancellation;
    private EchoOptions echoOptions;
    /** The output line answers share while Parley listens as it speaks: see {@link #listensWhileSpeaking()}. */
    private final KeptOutputLine keptLine = new KeptOutputLine();

    /** @param config the config current at each call (Settings may save a new one while Parley runs) */
    SpeechParts(ParleyPaths paths, Supplier<ParleyConfig> config) {
        this.paths = paths;
        this.config = config;
    }

    /**
     * A saved config: the voice's rate and volume change from the next chunk, the echo cancellation
     * and processing from the microphone's next block (auto follows hands-free).
     */
    void useConfig(ParleyConfig saved) {
        SpeechSynthesizer voice;
        synchronized (synthesizerLock) {
            voice = synthesizer; // made later, it reads the saved config anyway
        }
        if (voice != null) {
            voice.tune(saved.tts().rate(), saved.tts().volume());
        }
        synchronized (this) {
            EchoOptions wanted = echoOptions(saved.audio());
            if (echoCancellation != null && !wanted.equals(echoOptions)) {
                echoOptions = wanted;
                echoCancellation.replace(EchoCancellers.create(wanted));
            }
        }
    }

    /** The config in use now. */
    ParleyConfig config() {
        return config.get();
    }

    SpeechRecognizer recognizer() {
        synchronized (recognizerLock) {
            if (recognizer == null) {
                recognizer = VoskRecognizer.load(config.get().speechModel(paths));
            }
            return recognizer;
        }
    }

    SpeechSynthesizer synthesizer() {
        synchronized (synthesizerLock) {
            if (synthesizer == null) {
                var tts = config.get().tts();
                synthesizer = MaryTtsSynthesizer.start(tts.voice(), tts.rate(), tts.volume());
            }
            return synthesizer;
        }
    }

    /**
     * The output device of tts.output-device (the system default when empty); what it plays is the
     * reference of the microphone's {@link #echoCancellation()}.
     */
    Speaker speaker() {
        return speaker(config.get().tts().outputDevice());
    }

    /**
     * A speaker on {@code deviceName}: while Parley listens as it speaks, every answer plays on one
     * line kept open, so the echo canceller keeps the delay it found ({@link KeptOutputLine}).
     */
    Speaker speaker(String deviceName) {
        return new Speaker(deviceName, echoCancellation(), keptLine, this::listensWhileSpeaking);
    }

    /** Lowers Parley's voice on the kept line while the microphone hears someone talking over it. */
    Ducking ducking() {
        return keptLine.ducking();
    }

    /**
     * Whether the microphone stays open for the user to talk over Parley: {@code audio.talk-over}
     * with an echo canceller that removes Parley's own voice.
     */
    boolean listensWhileSpeaking() {
        return config.get().audio().talkOver() && echoCancellation().cancelsEcho();
    }

    /**
     * The microphone's processing, shared by every {@link #speaker()} (the far end) and microphone
     * (the near end): echo cancellation when {@code audio.echo-cancellation} says so (auto: when
     * hands-free), plus noise suppression, auto gain and the high-pass filter as configured. Where
     * the native library cannot load, it passes the microphone through unchanged, and
     * {@link LiveEchoCancellation#cancelsEcho()} tells the voice loop to stay half duplex.
     */
    synchronized LiveEchoCancellation echoCancellation() {
        if (echoCancellation == null) {
            echoOptions = echoOptions(config.get().audio());
            echoCancellation = new LiveEchoCancellation(EchoCancellers.create(echoOptions));
        }
        return echoCancellation;
    }

    private static EchoOptions echoOptions(AudioConfig audio) {
        return new EchoOptions(audio.cancelsEcho(), audio.noiseSuppression(), audio.autoGain(), audio.highPassFilter());
    }

    /**
     * Opens the microphone of {@code audio.input-device} (or {@code deviceOverride}, when not null) with
     * the configured pre-roll. The caller owns it and closes it; open it once and keep it running.
     */
    Microphone openMicrophone(String deviceOverride, MicrophoneListener listener) {
        AudioConfig audio = config.get().audio();
        return Microphone.open(deviceOverride != null ? deviceOverride : audio.inputDevice(),
                Duration.ofMillis(audio.preRollMs()), listener, echoCancellation());
    }

    @Override
    public void close() {
        keptLine.close();
        synchronized (synthesizerLock) {
            if (synthesizer != null) {
                synthesizer.close();
            }
        }
        synchronized (recognizerLock) {
            if (recognizer != null) {
                recognizer.close();
            }
        }
        synchronized (this) {
            if (echoCancellation != null) {
                echoCancellation.close(); // a microphone still running passes its audio through from here on
            }
        }
    }
}
