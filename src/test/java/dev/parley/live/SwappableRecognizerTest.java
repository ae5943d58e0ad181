package dev.parley.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.stt.PhraseSpotter;
import dev.parley.stt.RecognitionStream;
import dev.parley.stt.SpeechRecognizer;
import dev.parley.testing.FakeRecognizer;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class SwappableRecognizerTest {

    private static final float[] SPEECH = {0.5f, -0.5f, 0.5f};

    /** A model that says what it recognizes and whether it was closed. */
    static class Model implements SpeechRecognizer {
        final FakeRecognizer words;
        boolean closed;

        Model(String... transcripts) {
            this.words = new FakeRecognizer(transcripts);
        }

        @Override
        public RecognitionStream stream() {
            return words.stream();
        }

        @Override
        public PhraseSpotter spotter(String phrase) {
            return new PhraseSpotter() {
                @Override
                public OptionalDouble accept(float[] samples) {
                    return OptionalDouble.empty();
                }

                @Override
                public OptionalDouble endSegment() {
                    return OptionalDouble.empty();
                }

                @Override
                public void close() {
                }
            };
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    @Test
    void anUtteranceBeingRecognizedFinishesOnTheOldModelAndTheNextUsesTheNewOne() {
        Model old = new Model("lights on");
        Model loaded = new Model("what time is it");
        SwappableRecognizer recognizer = new SwappableRecognizer(old);
        RecognitionStream speaking = recognizer.stream();
        speaking.accept(SPEECH);

        recognizer.replace(loaded);

        assertThat(old.closed).as("mid-utterance").isFalse();
        assertThat(speaking.finish()).isEqualTo("lights on");
        assertThat(old.closed).as("its last utterance is done").isTrue();
        assertThat(recognizer.loadedModels()).isEqualTo(1);
        try (RecognitionStream next = recognizer.stream()) {
            next.accept(SPEECH);
            assertThat(next.finish()).isEqualTo("what time is it");
        }
        assertThat(loaded.closed).isFalse();
    }

    @Test
    void aModelNobodyListensWithIsClosedAtTheSwap() {
        Model old = new Model();
        SwappableRecognizer recognizer = new SwappableRecognizer(old);

        recognizer.replace(new Model());

        assertThat(old.closed).isTrue();
    }

    @Test
    void aWakeWordSpotterKeepsItsModelOpenUntilItIsClosed() {
        Model old = new Model();
        SwappableRecognizer recognizer = new SwappableRecognizer(old);
        PhraseSpotter spotter = recognizer.spotter("hey parley");

        recognizer.replace(new Model());

        assertThat(old.closed).isFalse();
        spotter.close();
        assertThat(old.closed).isTrue();
    }

    @Test
    void anAbandonedUtteranceLetsGoOfTheOldModelToo() {
        Model old = new Model("lights on");
        SwappableRecognizer recognizer = new SwappableRecognizer(old);
        RecognitionStream abandoned = recognizer.stream();

        recognizer.replace(new Model());
        abandoned.close();

        assertThat(old.closed).isTrue();
    }

    @Test
    void tryStreamOnABusyModelIsEmptyAndHoldsNothingAcrossASwap() {
        Model busy = new Model() {
            @Override
            public Optional<RecognitionStream> tryStream() {
                return Optional.empty();
            }
        };
        SwappableRecognizer recognizer = new SwappableRecognizer(busy);

        assertThat(recognizer.tryStream()).isEmpty();
        recognizer.replace(new Model("what time is it"));

        assertThat(busy.closed).as("no lease left behind").isTrue();
        try (RecognitionStream next = recognizer.tryStream().orElseThrow()) {
            next.accept(SPEECH);
            assertThat(next.finish()).isEqualTo("what time is it");
        }
    }
}
