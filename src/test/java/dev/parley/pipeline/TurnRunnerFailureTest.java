package dev.parley.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.audio.AudioClip;
import dev.parley.conversation.CharacterTokenEstimate;
import dev.parley.conversation.ContextWindow;
import dev.parley.conversation.Conversation;

import dev.parley.conversation.Turn;
import dev.parley.llm.LlmException;
import dev.parley.testing.FakeLanguageModel;
import dev.parley.testing.FakeLanguageModel.Script;
import dev.parley.text.SentenceChunker;
import dev.parley.tts.SpeechSynthesizer;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** How a turn ends when something other than the model fails, or is cut short while the context is summarized. */
class TurnRunnerFailureTest {

    /** A voice that cannot speak (MaryTTS throws SpeechSynthesisException on some texts). */
    private static final class BrokenVoice implements SpeechSynthesizer {
        @Override public AudioClip synthesize(String text) { throw new IllegalStateException("MaryTTS could not speak"); }
        @Override public AudioClip synthesize(String text, Consumer<AudioClip> pieces) { return synthesize(text); }
        @Override public int sampleRate() { return 16_000; }
    }

    @Test
    void aSynthesisFailureDoesNotLeaveTheQuestionUnanswered() {
        Conversation conversation = new Conversation("");
        try (TurnRunner runner = new TurnRunner(new FakeLanguageModel("fake", Script.of("It is sunny today.")), null,
                new SentenceChunker.Settings(3, 200), Thread.ofPlatform().daemon(true).factory())) {
            assertThatThrownBy(() -> runner.run(conversation, "Weather?", new TurnClock(), e -> { },
                    new Speech(new BrokenVoice(), new WavSink(16_000)))).isInstanceOf(RuntimeException.class);
        }
        // Guards against: turns are [USER "Weather?"] - a user turn with no answer; the next turn sends two user turns in a row.
        assertThat(conversation.turns()).extracting(Turn::text).doesNotContain("Weather?");
    }

    @Test
    void aQuestionLongerThanAnyContextIsRefusedBeforeItIsRecordedOrSent() {
        Conversation conversation = new Conversation("");
        FakeLanguageModel model = new FakeLanguageModel("fake", Script.of("Fine."));
        try (TurnRunner runner = new TurnRunner(model, null, new SentenceChunker.Settings(3, 200),
                Thread.ofPlatform().daemon(true).factory())) {
            assertThatThrownBy(() -> runner.run(conversation, "x".repeat(TurnRunner.MAX_QUESTION_CHARS + 1),
                    new TurnClock(), e -> { }, null)).isInstanceOf(LlmException.class)
                    .hasMessageContaining("at most 1000000 characters");
        }
        assertThat(conversation.turns()).isEmpty();
        assertThat(model.requests()).isEmpty();
    }

    @Test
    void aBargeInWhileTheContextIsSummarizedTakesTheQuestionBack() throws Exception {
        Conversation conversation = new Conversation("");
        conversation.addUser("x".repeat(400));
        conversation.addAssistant("y".repeat(400));
        CountDownLatch summarizing = new CountDownLatch(1);
        ContextWindow window = new ContextWindow(50, new CharacterTokenEstimate(), (previous, turns) -> {
            summarizing.countDown();
            try {
                Thread.sleep(10_000);
                return "summary";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RuntimeException("cancelled", e); // what a model client throws when interrupted
            }
        });
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        try (TurnRunner runner = new TurnRunner(new FakeLanguageModel("fake", Script.of("Fine.")), window,
                new SentenceChunker.Settings(3, 200), Thread.ofPlatform().daemon(true).factory())) {
            Thread turn = Thread.ofPlatform().start(() -> {
                try {
                    runner.run(conversation, "Next?", new TurnClock(), e -> { }, null);
                } catch (RuntimeException e) {
                    thrown.set(e);
                }
            });
            summarizing.await();
            turn.interrupt(); // barge-in
            turn.join(2000);
        }
        assertThat(thrown.get()).isNotNull();
        // Guards against: the last turn is the user's "Next?" with no answer (run() threw before its try).
        assertThat(conversation.turns()).extracting(Turn::text).doesNotContain("Next?");
    }
}
