package dev.parley.voice;

import static dev.parley.voice.VoiceState.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.conversation.Conversation;
import dev.parley.conversation.Turn;
import dev.parley.pipeline.TurnRunner;
import dev.parley.testing.FakeLanguageModel;
import dev.parley.testing.FakeLanguageModel.Script;
import dev.parley.testing.FakeSynthesizer;
import dev.parley.text.SentenceChunker;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * How the turn controller uses the wake word: hands-free listening waits for it, the talk key never
 * does, and the moment it is heard is on the event stream. A scripted input stands in for the
 * microphone; the gate itself runs on the real model in {@link WakeWordTest}.
 */
class WakeWordTurnTest {

    private final VoiceEvents events = new VoiceEvents();
    private TurnController controller;

    /** An input that records how each utterance was begun and lets the test play the user. */
    private static final class ScriptedInput implements SpeechInput {
        final List<String> begun = new CopyOnWriteArrayList<>();
        volatile Runnable ended;
        volatile Runnable woke;

        @Override
        public Utterance begin(Consumer<String> partials, Runnable speechEnded) {
            return utterance("pressed", speechEnded, null);
        }

        @Override
        public Utterance beginHandsFree(Consumer<String> partials, Runnable speechEnded, Runnable wake) {
            return utterance("hands-free", speechEnded, wake);
        }

        private synchronized Utterance utterance(String how, Runnable speechEnded, Runnable wake) {
            begun.add(how);
            ended = speechEnded;
            woke = wake;
            return new Utterance() {
                @Override
                public String finish() {
                    return "what time is it";
                }

                @Override
                public void cancel() {
                }
            };
        }
    }

    @AfterEach
    void close() {
        if (controller != null) {
            controller.close();
        }
    }

    @Test
    void handsFreeWaitsForTheWakeWordAndTheTalkKeyDoesNot() throws Exception {
        TurnRunner runner = new TurnRunner(new FakeLanguageModel("fake", Script.of("Noon."), Script.of("Still noon.")),
                null, new SentenceChunker.Settings(3, 200), Thread.ofPlatform().daemon(true).factory());
        controller = new TurnController(new VoiceEventBus(), runner, new Conversation("Be brief."),
                Thread.ofPlatform().daemon(true).factory());
        controller.subscribe(events);
        ScriptedInput input = new ScriptedInput();
        controller.useVoice(input, new FakeSpeechOutput(new FakeSynthesizer(200), 20));

        controller.setHandsFree(true);
        events.awaitState(LISTENING, 1, 5000);
        input.woke.run(); // the gate heard "hey parley"
        input.ended.run(); // ... and the pause after the question
        events.awaitState(IDLE, 1, 5000);
        events.awaitState(LISTENING, 2, 5000); // hands-free: waiting for the wake word again
        controller.pressToTalk(); // while it waits for the wake word: the key takes over at once
        controller.releaseToTalk();
        events.awaitState(IDLE, 2, 5000);

        assertThat(List.copyOf(input.begun).subList(0, 3)).containsExactly("hands-free", "hands-free", "pressed");
        assertThat(events.of(VoiceEvent.WakeWordHeard.class)).hasSize(1);
        assertThat(controller.conversation().turns()).extracting(Turn::text)
                .containsExactly("what time is it", "Noon.", "what time is it", "Still noon.");
    }
}
