package dev.parley.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.audio.AudioClip;
import dev.parley.conversation.Conversation;
import dev.parley.pipeline.SpeechSink;
import dev.parley.pipeline.TurnClock;
import dev.parley.pipeline.TurnRunner;
import dev.parley.testing.FakeLanguageModel;
import dev.parley.testing.FakeLanguageModel.Script;
import dev.parley.testing.FakeSynthesizer;
import dev.parley.text.SentenceChunker;
import dev.parley.tts.SpeechSynthesizer;
import dev.parley.voice.SpeechOutput;
import dev.parley.voice.TurnController;
import dev.parley.voice.VoiceEventBus;
import dev.parley.voice.VoiceState;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The voice loop's own controller speaking through the swappable output: a new voice never joins mid-answer. */
class SwapBetweenAnswersTest {

    private TurnController controller;

    /** An output whose first piece waits for {@code mayGoOn}: the answer is held in its middle. */
    static final class HeldOutput implements SpeechOutput {
        final FakeSynthesizer voice = new FakeSynthesizer(10);
        final CountDownLatch firstPiece = new CountDownLatch(1);
        final CountDownLatch mayGoOn;
        final AtomicInteger released = new AtomicInteger();

        HeldOutput(CountDownLatch mayGoOn) {
            this.mayGoOn = mayGoOn;
        }

        @Override
        public SpeechSynthesizer voice() {
            return voice;
        }

        @Override
        public SpeechSink open(TurnClock clock, Runnable speaking, Consumer<String> heard) {
            return new SpeechSink() {
                @Override
                public void piece(int chunk, AudioClip piece) {
                    firstPiece.countDown();
                    try {
                        mayGoOn.await(5, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
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

    @AfterEach
    void close() {
        if (controller != null) {
            controller.close();
        }
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(condition.getAsBoolean()).as("within 5 s").isTrue();
    }

    @Test
    void aVoiceSwappedInWhileAnAnswerIsSpokenSpeaksOnlyFromTheNextAnswer() throws Exception {
        CountDownLatch swapped = new CountDownLatch(1);
        HeldOutput before = new HeldOutput(swapped);
        HeldOutput after = new HeldOutput(new CountDownLatch(0));
        SwappableSpeechOutput output = new SwappableSpeechOutput(before.part());
        FakeLanguageModel model = new FakeLanguageModel("fake", Script.of("It is sunny today. It is warm and dry."),
                Script.of("Rain comes on Sunday."));
        controller = new TurnController(new VoiceEventBus(), new TurnRunner(model, null,
                new SentenceChunker.Settings(3, 200), Thread.ofPlatform().daemon(true).factory()),
                new Conversation("Be brief."), Thread.ofPlatform().daemon(true).factory());
        controller.useVoice(null, output);

        controller.ask("What is the weather?", true, List.of());
        assertThat(before.firstPiece.await(5, TimeUnit.SECONDS)).as("the answer is being spoken").isTrue();
        output.replace(after.part());
        swapped.countDown();
        await(() -> controller.state() == VoiceState.IDLE);

        assertThat(before.voice.spoken()).containsExactly("It is sunny today.", "It is warm and dry.");
        assertThat(after.voice.spoken()).isEmpty();
        assertThat(before.released).as("let go once its answer ended").hasValue(1);

        controller.ask("And the weekend?", true, List.of());
        await(() -> after.voice.spoken().size() == 1 && controller.state() == VoiceState.IDLE);
        assertThat(after.voice.spoken()).containsExactly("Rain comes on Sunday.");
        assertThat(before.voice.spoken()).hasSize(2);
    }
}
