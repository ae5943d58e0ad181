package dev.parley.voice;

import dev.parley.audio.AudioClip;
import dev.parley.stt.SpeechRecognizer;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Utterances that were recorded before, recognized by the real recognizer when the talk key is
 * released: the benchmark's and the tests' stand-in for a microphone.
 */
public final class RecordedSpeech implements SpeechInput {

    private final SpeechRecognizer recognizer;
    private final Supplier<AudioClip> utterances;

    /** {@code utterances} gives the clip "spoken" in each push-to-talk, in turn. */
    public RecordedSpeech(SpeechRecognizer recognizer, Supplier<AudioClip> utterances) {
        this.recognizer = recognizer;
        this.utterances = utterances;
    }

    @Override
    public Utterance begin(Consumer<String> partials) {
        AudioClip clip = utterances.get();
        return new Utterance() {
            @Override
            public String finish() {
                return recognizer.transcribe(clip);
            }

            @Override
            public void cancel() {
            }
        };
    }
}
