package dev.parley.bench;

import dev.parley.audio.SpeechEndpointer;
import java.time.Duration;

/**
 * A plain barge-in rule: the user is talking over Parley once the endpointer on the echo-cancelled
 * microphone hears speech start and the recognizer has heard a new word since. Either alone is too
 * eager: a loud syllable of residual echo starts the endpointer, and a word misheard in the residue
 * needs no speech energy.
 */
public final class SpeechAndWordBargeIn implements BargeInDecision {

    private final SpeechEndpointer endpointer = new SpeechEndpointer(BenchSpeech.SAMPLE_RATE, Duration.ofMillis(800));
    private int wordsBeforeSpeech = -1;

    @Override
    public boolean accept(float[] cancelledBlock, String partial) {
        SpeechEndpointer.Event event = endpointer.accept(cancelledBlock);
        int words = WordErrorRate.words(partial).length;
        if (event == SpeechEndpointer.Event.SPEECH_STARTED) {
            wordsBeforeSpeech = words;
        } else if (!endpointer.inSpeech()) {
            wordsBeforeSpeech = -1;
        }
        return wordsBeforeSpeech >= 0 && words > wordsBeforeSpeech;
    }
}
