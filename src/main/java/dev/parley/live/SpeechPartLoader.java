package dev.parley.live;

import dev.parley.config.ParleyConfig;
import dev.parley.config.TtsConfig;
import dev.parley.stt.SpeechRecognizer;
import dev.parley.tts.SpeechSynthesizer;
import dev.parley.voice.SpeechOutput;
import java.nio.file.Path;

/**
 * Makes the speech parts {@link LiveSpeechSettings} swaps in: the real ones (Vosk, MaryTTS, Java
 * Sound) in the app, fakes in unit tests. Each method throws a {@link dev.parley.ParleyException}
 * whose message says what is wrong when the part cannot be made.
 */
public interface SpeechPartLoader {

    /** Loads the speech model in {@code folder} (seconds). */
    SpeechRecognizer speechModel(Path folder);

    /** Starts the voice {@code tts.voice()} at the rate and volume of {@code tts} (about a second). */
    SpeechSynthesizer voice(TtsConfig tts);

    /** Throws if no output device matches {@code name} (blank: the default). */
    void checkOutputDevice(String name);

    /** Throws if no input device matches {@code name} (blank: the default). */
    void checkInputDevice(String name);

    /** {@code voice} played on the output device {@code name}, an answer at a time. */
    SpeechOutput output(SpeechSynthesizer voice, String name);

    /**
     * The microphone input of {@code config} (device, pre-roll, pause, wake word), recognizing with
     * {@code recognizer}; opened now, closed through the part's release.
     */
    SwappableSpeechInput.Part input(ParleyConfig config, SpeechRecognizer recognizer);
}
