package dev.parley.testing;

import dev.parley.audio.AudioClip;
import dev.parley.tts.SpeechSynthesizer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A voice for unit tests: each word is {@code msPerWord} of a quiet tone at 16 kHz, handed on in
 * 50 ms pieces as a streaming voice would; it records the chunks it was asked to speak. The real
 * voice (MaryTTS) is exercised by the round-trip and voice-loop tests.
 */
public final class FakeSynthesizer implements SpeechSynthesizer {

    public static final int SAMPLE_RATE = 16_000;
    private static final int PIECE_SAMPLES = SAMPLE_RATE / 20;

    private final int msPerWord;
    private final List<String> spoken = new ArrayList<>();

    public FakeSynthesizer(int msPerWord) {
        this.msPerWord = msPerWord;
    }

    /** The chunks spoken so far, in order. */
    public synchronized List<String> spoken() {
        return List.copyOf(spoken);
    }

    @Override
    public AudioClip synthesize(String text) {
        return synthesize(text, piece -> { });
    }

    @Override
    public AudioClip synthesize(String text, Consumer<AudioClip> pieces) {
        synchronized (this) {
            spoken.add(text);
        }
        int words = text.isBlank() ? 0 : text.strip().split("\\s+").length;
        float[] samples = new float[words * msPerWord * SAMPLE_RATE / 1000];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (float) (0.1 * Math.sin(2 * Math.PI * 440 * i / SAMPLE_RATE));
        }
        for (int at = 0; at < samples.length; at += PIECE_SAMPLES) {
            pieces.accept(new AudioClip(java.util.Arrays.copyOfRange(samples, at,
                    Math.min(samples.length, at + PIECE_SAMPLES)), SAMPLE_RATE));
        }
        return new AudioClip(samples, SAMPLE_RATE);
    }

    @Override
    public int sampleRate() {
        return SAMPLE_RATE;
    }
}
