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
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
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

    /** How an utterance was begun, with the callbacks the test plays the user through. */
    private record Begun(String how, Runnable ended, Runnable woke) {}

    /** An input that records how each utterance was begun and lets the test play the user. */
    private static final class ScriptedInput implements SpeechInput {
        final BlockingQueue<Begun> begun = new LinkedBlockingQueue<>();

        @Override
        public Utterance begin(Consumer<String> partials, Runnable speechEnded) {
            return utterance(new Begun("pressed", speechEnded, null));
        }

        @Override
        public Utterance beginHandsFree(Consumer<String> partials, Runnable speechEnded, Runnable wake) {
            return utterance(new Begun("hands-free", speechEnded, wake));
        }

        private Utterance utterance(Begun how) {
            begun.add(how);
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

        /** The next utterance begun, awaited. */
        Begun next() throws InterruptedException {
            Begun next = begun.poll(5, TimeUnit.SECONDS);
            assertThat(next).as("an utterance was begun").isNotNull();
            return next;
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
        Begun first = input.next();
        first.woke().run(); // the gate heard "hey parley"
        first.ended().run(); // ... and the pause after the question
        events.awaitState(IDLE, 1, 5000);
        Begun second = input.next(); // hands-free: waiting for the wake word again
        controller.pressToTalk(); // while it waits for the wake word: the key takes over at once
        controller.releaseToTalk();
        events.awaitState(IDLE, 2, 5000);
        Begun third = input.next();

        assertThat(List.of(first.how(), second.how(), third.how())).containsExactly("hands-free", "hands-free", "pressed");
        assertThat(events.of(VoiceEvent.WakeWordHeard.class)).hasSize(1);
        assertThat(controller.conversation().turns()).extracting(Turn::text)
                .containsExactly("what time is it", "Noon.", "what time is it", "Still noon.");
    }
}
