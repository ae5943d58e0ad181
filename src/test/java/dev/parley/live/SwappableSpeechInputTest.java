package dev.parley.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.audio.AudioDeviceException;
import dev.parley.voice.SpeechInput;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class SwappableSpeechInputTest {

    /** A microphone input whose utterances the test drives: it calls their callbacks itself. */
    static final class Input implements SpeechInput, AutoCloseable {
        final String name;
        final List<Taking> begun = new ArrayList<>();
        boolean closed;
        boolean broken;

        Input(String name) {
            this.name = name;
        }

        @Override
        public Utterance begin(Consumer<String> partials, Runnable speechEnded) {
            return beginHandsFree(partials, speechEnded, () -> { });
        }

        @Override
        public Utterance beginHandsFree(Consumer<String> partials, Runnable speechEnded, Runnable woke) {
            if (broken) {
                throw new AudioDeviceException("No audio input device matches 'usb'.");
            }
            Taking taking = new Taking(name, partials, speechEnded, woke);
            begun.add(taking);
            return taking;
        }

        Taking last() {
            return begun.getLast();
        }

        SwappableSpeechInput.Part part() {
            return new SwappableSpeechInput.Part(this, this);
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    record Taking(String input, Consumer<String> partials, Runnable speechEnded, Runnable woke, boolean[] ended)
            implements SpeechInput.Utterance {

        Taking(String input, Consumer<String> partials, Runnable speechEnded, Runnable woke) {
            this(input, partials, speechEnded, woke, new boolean[2]);
        }

        @Override
        public String finish() {
            ended[0] = true;
            return "words from " + input;
        }

        @Override
        public void cancel() {
            ended[1] = true;
        }

        boolean cancelled() {
            return ended[1];
        }
    }

    @Test
    void anUtteranceThatHeardWordsEndsOnTheOldMicrophoneAndTheNextBeginsOnTheNewOne() {
        Input old = new Input("old");
        Input usb = new Input("usb");
        SwappableSpeechInput input = new SwappableSpeechInput(old.part());
        List<String> partials = new ArrayList<>();
        SpeechInput.Utterance talking = input.begin(partials::add, () -> { });
        old.last().partials().accept("turn the");

        input.replace(usb.part());

        assertThat(old.last().cancelled()).as("never moved mid-utterance").isFalse();
        assertThat(usb.begun).isEmpty();
        assertThat(old.closed).isFalse();
        assertThat(talking.finish()).isEqualTo("words from old");
        assertThat(old.closed).as("its utterance is done").isTrue();
        assertThat(partials).containsExactly("turn the");
        assertThat(input.begin(text -> { }, () -> { }).finish()).isEqualTo("words from usb");
        assertThat(usb.closed).isFalse();
    }

    @Test
    void handsFreeListeningThatHeardNothingMovesToTheNewMicrophoneAtOnce() {
        Input old = new Input("old");
        Input usb = new Input("usb");
        SwappableSpeechInput input = new SwappableSpeechInput(old.part());
        List<String> partials = new ArrayList<>();
        AtomicInteger ended = new AtomicInteger();
        SpeechInput.Utterance waiting = input.beginHandsFree(partials::add, ended::incrementAndGet, () -> { });
        old.last().partials().accept(""); // silence so far

        input.replace(usb.part());

        assertThat(old.last().cancelled()).isTrue();
        assertThat(old.closed).as("nothing uses it any more").isTrue();
        assertThat(usb.begun).hasSize(1);
        old.last().partials().accept("ghost"); // a late block of the old microphone
        old.last().speechEnded().run();
        usb.last().partials().accept("what time");
        usb.last().speechEnded().run();
        assertThat(partials).containsExactly("", "what time");
        assertThat(ended).hasValue(1);
        assertThat(waiting.finish()).isEqualTo("words from usb");
    }

    @Test
    void theWakeWordCountsAsHeard() {
        Input old = new Input("old");
        SwappableSpeechInput input = new SwappableSpeechInput(old.part());
        AtomicInteger woke = new AtomicInteger();
        input.beginHandsFree(text -> { }, () -> { }, woke::incrementAndGet);
        old.last().woke().run();

        input.replace(new Input("usb").part());

        assertThat(woke).hasValue(1);
        assertThat(old.last().cancelled()).isFalse();
        assertThat(old.closed).isFalse();
    }

    @Test
    void aNewMicrophoneThatCannotListenEndsTheWaitingUtteranceInsteadOfHangingIt() {
        Input old = new Input("old");
        Input broken = new Input("usb");
        broken.broken = true;
        SwappableSpeechInput input = new SwappableSpeechInput(old.part());
        AtomicInteger ended = new AtomicInteger();
        SpeechInput.Utterance waiting = input.beginHandsFree(text -> { }, ended::incrementAndGet, () -> { });

        input.replace(broken.part());

        assertThat(ended).hasValue(1);
        assertThat(waiting.finish()).isEmpty();
    }

    @Test
    void closingClosesTheMicrophoneInUse() {
        Input old = new Input("old");
        SwappableSpeechInput input = new SwappableSpeechInput(old.part());

        input.close();

        assertThat(old.closed).isTrue();
    }
}
