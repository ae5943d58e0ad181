package dev.parley.testing;

import dev.parley.stt.RecognitionStream;
import dev.parley.stt.SpeechRecognizer;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * A recognizer for unit tests: each stream "recognizes" the next scripted transcript once it has
 * been given any audio (silence in, "" out, as Vosk does), and shows its first word as the partial.
 * The real recognizer (Vosk) is exercised by the recognition and voice-loop tests.
 */
public final class FakeRecognizer implements SpeechRecognizer {

    private final Deque<String> transcripts;

    public FakeRecognizer(String... transcripts) {
        this.transcripts = new ArrayDeque<>(List.of(transcripts));
    }

    @Override
    public synchronized RecognitionStream stream() {
        String transcript = transcripts.isEmpty() ? "" : transcripts.poll();
        return new RecognitionStream() {
            private boolean heardSound;

            @Override
            public synchronized void accept(float[] samples) {
                for (float sample : samples) {
                    heardSound |= Math.abs(sample) > 0.01f;
                }
            }

            @Override
            public synchronized String partial() {
                return heardSound ? transcript.split(" ")[0] : "";
            }

            @Override
            public synchronized String finish() {
                return heardSound ? transcript : "";
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public void close() {
    }
}
