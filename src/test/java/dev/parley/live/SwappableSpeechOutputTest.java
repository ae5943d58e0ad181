package dev.parley.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.audio.AudioClip;
import dev.parley.pipeline.SpeechSink;
import dev.parley.pipeline.TurnClock;
import dev.parley.testing.FakeSynthesizer;
import dev.parley.tts.SpeechSynthesizer;
import dev.parley.voice.SpeechOutput;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class SwappableSpeechOutputTest {

    /** A voice on a "device" that counts the answers opened on it. */
    static final class Output implements SpeechOutput {
        final SpeechSynthesizer voice;
        final AtomicInteger answers = new AtomicInteger();
        final AtomicInteger released = new AtomicInteger();

        Output() {
            this(new FakeSynthesizer(10));
        }

        Output(SpeechSynthesizer voice) {
            this.voice = voice;
        }

        @Override
        public SpeechSynthesizer voice() {
            return voice;
        }

        @Override
        public SpeechSink open(TurnClock clock, Runnable speaking, Consumer<String> heard) {
            answers.incrementAndGet();
            return new SpeechSink() {
                @Override
                public void piece(int chunk, AudioClip piece) {
                }

                @Override
                public void chunkDone(int chunk, String text) {
                }

                @Override
                public void finish() {
                }

                @Override
                public String silence() {
                    return "";
                }
            };
        }

        SwappableSpeechOutput.Part part() {
            return new SwappableSpeechOutput.Part(this, released::incrementAndGet);
        }
    }

    private static SpeechSink open(SpeechOutput output) {
        return output.open(new TurnClock(), () -> { }, heard -> { });
    }

    @Test
    void anAnswerBeingSpokenKeepsItsVoiceAndDeviceAndTheNextAnswerGetsTheNewOnes() throws Exception {
        Output old = new Output();
        Output replacement = new Output();
        SwappableSpeechOutput output = new SwappableSpeechOutput(old.part());
        SpeechSink answer = open(output);

        output.replace(replacement.part());

        assertThat(output.voice()).as("the voice asked for right after opening the answer's sink").isSameAs(old.voice);
        assertThat(old.released).as("mid-answer").hasValue(0);
        answer.finish();
        assertThat(old.released).as("its last answer ended").hasValue(1);
        open(output);
        assertThat(output.voice()).isSameAs(replacement.voice);
        assertThat(replacement.answers).hasValue(1);
        assertThat(old.answers).hasValue(1);
    }

    @Test
    void aSilencedAnswerLetsGoOfTheOldOutputToo() {
        Output old = new Output();
        SwappableSpeechOutput output = new SwappableSpeechOutput(old.part());
        SpeechSink answer = open(output);
        output.replace(new Output().part());

        answer.silence();
        answer.silence();

        assertThat(old.released).hasValue(1);
    }

    @Test
    void betweenAnswersTheSwapLetsGoAtOnce() {
        Output old = new Output();
        Output replacement = new Output();
        SwappableSpeechOutput output = new SwappableSpeechOutput(old.part());

        output.replace(replacement.part());

        assertThat(old.released).hasValue(1);
        assertThat(output.voice()).isSameAs(replacement.voice);
    }
}
