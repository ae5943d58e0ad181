package dev.parley.voice;

import static dev.parley.voice.VoiceState.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.audio.AudioClip;
import dev.parley.conversation.Conversation;
import dev.parley.conversation.Turn;
import dev.parley.pipeline.TurnRunner;
import dev.parley.testing.FakeLanguageModel;
import dev.parley.testing.FakeLanguageModel.Script;
import dev.parley.testing.FakeRecognizer;
import dev.parley.testing.FakeSynthesizer;
import dev.parley.text.SentenceChunker;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Hands-free barge-in through the turn controller, with a recorded "echo-cancelled microphone" that
 * keeps playing while the answer does: state transitions, heard-only history, the overlap's words in
 * the next turn, nothing of the old answer after the barge-in, and a short noise that does not
 * interrupt. Fake recognizer, voice, model and output; the real devices are in {@code BargeInIT}.
 */
class BargeInTurnTest {

    private static final int RATE = 16_000;
    private static final String LONG_ANSWER = "It is sunny and warm in the city today. The high will be twenty four"
            + " degrees. A light breeze comes from the west this afternoon. Rain is not expected before the weekend.";

    private final VoiceEvents events = new VoiceEvents();
    private final FakeSynthesizer voice = new FakeSynthesizer(200);
    private TurnController controller;

    /** Hands-free on a recorded microphone that plays {@code clips} in turn (then silence). */
    private void handsFree(boolean echoCancelled, List<String> transcripts, List<AudioClip> clips, Script... answers) {
        TurnRunner runner = new TurnRunner(new FakeLanguageModel("fake", answers), null,
                new SentenceChunker.Settings(3, 200), Thread.ofPlatform().daemon(true).factory());
        controller = new TurnController(new VoiceEventBus(), runner, new Conversation("Be brief."),
                Thread.ofPlatform().daemon(true).factory());
        controller.subscribe(events);
        Iterator<AudioClip> next = clips.iterator();
        AudioClip silence = clip(10_000, 0, 0, 0);
        controller.useVoice(new RecordedSpeech(new FakeRecognizer(transcripts.toArray(String[]::new)),
                () -> next.hasNext() ? next.next() : silence, echoCancelled), new FakeSpeechOutput(voice, 2));
        controller.setHandsFree(true);
    }

    /** Silence, then {@code soundMs} of a voice-like tone (or of noise at {@code noise} amplitude), then silence. */
    private static AudioClip clip(int leadMs, int soundMs, int trailMs, double noise) {
        float[] samples = new float[(leadMs + soundMs + trailMs) * RATE / 1000];
        Random random = new Random(3);
        for (int i = leadMs * RATE / 1000; i < (leadMs + soundMs) * RATE / 1000; i++) {
            samples[i] = noise > 0 ? (float) (noise * random.nextGaussian())
                    : (float) (0.1 * Math.sin(2 * Math.PI * 220 * i / RATE));
        }
        return new AudioClip(samples, RATE);
    }

    @AfterEach
    void close() {
        if (controller != null) {
            controller.close();
        }
    }

    @Test
    void talkingOverTheAnswerStopsItKeepsWhatWasHeardAndIsAnsweredNext() throws Exception {
        handsFree(true, List.of("what is the weather like", "and tomorrow"),
                List.of(clip(300, 1000, 1200, 0), clip(1500, 1000, 1500, 0)),
                Script.of(LONG_ANSWER.split("(?<= )")), Script.of("Rain tomorrow."));

        events.awaitState(IDLE, 1, 20_000);

        long cut = events.await(VoiceEvent.Interrupted.class, i -> true, 0).turn();
        String heard = events.of(VoiceEvent.Interrupted.class).getFirst().heard();
        assertThat(heard).isNotBlank().isNotEqualTo(LONG_ANSWER);
        assertThat(LONG_ANSWER).startsWith(heard.substring(0, heard.length() - 1));
        assertThat(events.states()).containsSubsequence(LISTENING, TRANSCRIBING, THINKING, SPEAKING, INTERRUPTED,
                LISTENING, TRANSCRIBING, THINKING, SPEAKING, IDLE);
        assertThat(controller.conversation().turns()).extracting(Turn::text)
                .containsExactly("what is the weather like", heard, "and tomorrow", "Rain tomorrow.");
        assertThat(controller.conversation().turns().get(1).interrupted()).isTrue();
        // One snapshot: events keep arriving (it listens again), and a later one is longer.
        List<VoiceEvent> all = events.all();
        List<VoiceEvent> after = all.subList(all.indexOf(events.of(VoiceEvent.Interrupted.class).getFirst()),
                all.size());
        assertThat(after).noneMatch(e -> e instanceof VoiceEvent.Heard h && h.turn() == cut)
                .noneMatch(e -> e instanceof VoiceEvent.AudioStarted a && a.turn() == cut)
                .noneMatch(e -> e instanceof VoiceEvent.Reply r && r.event().turn() == cut);
        assertThat(events.of(VoiceEvent.FinalTranscript.class)).extracting(VoiceEvent.FinalTranscript::text)
                .containsExactly("what is the weather like", "and tomorrow");

        events.awaitState(LISTENING, 3, 5000); // and listens again: nothing stuck
        assertThat(controller.state()).isEqualTo(LISTENING);
    }

    @Test
    void aShortNoiseDuringTheAnswerDoesNotInterruptIt() throws Exception {
        handsFree(true, List.of("what is the weather like", ""),
                List.of(clip(300, 1000, 1200, 0), clip(800, 100, 6000, 0.3)),
                Script.of("It is sunny today.", " Take a hat and some water."));

        events.awaitState(IDLE, 1, 20_000);
        events.awaitState(LISTENING, 2, 5000);

        assertThat(events.of(VoiceEvent.Interrupted.class)).isEmpty();
        assertThat(events.states()).containsExactly(LISTENING, TRANSCRIBING, THINKING, SPEAKING, IDLE, LISTENING);
        assertThat(controller.conversation().turns()).extracting(Turn::text)
                .containsExactly("what is the weather like", "It is sunny today. Take a hat and some water.");
    }

    @Test
    void withoutEchoCancellationHandsFreeDoesNotListenWhileItSpeaks() throws Exception {
        handsFree(false, List.of("what is the weather like", "and tomorrow"),
                List.of(clip(300, 1000, 1200, 0), clip(300, 1000, 1500, 0)),
                Script.of("It is sunny today.", " Take a hat and some water."), Script.of("Rain tomorrow."));

        events.awaitState(IDLE, 2, 30_000);

        assertThat(events.of(VoiceEvent.Interrupted.class)).isEmpty();
        assertThat(controller.conversation().turns()).extracting(Turn::text).containsExactly(
                "what is the weather like", "It is sunny today. Take a hat and some water.", "and tomorrow",
                "Rain tomorrow.");
    }
}
