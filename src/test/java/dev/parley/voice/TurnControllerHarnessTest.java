package dev.parley.voice;

import static dev.parley.voice.VoiceState.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.audio.AudioClip;
import dev.parley.conversation.Conversation;
import dev.parley.conversation.Message;
import dev.parley.conversation.Turn;
import dev.parley.llm.FinishReason;
import dev.parley.llm.ForwardingLanguageModel;
import dev.parley.llm.LanguageModel;
import dev.parley.llm.LlmReply;
import dev.parley.llm.ReplyListener;
import dev.parley.pipeline.EndingNotices;
import dev.parley.pipeline.TurnEvent;
import dev.parley.pipeline.TurnRunner;
import dev.parley.testing.FakeLanguageModel;
import dev.parley.testing.FakeLanguageModel.Script;
import dev.parley.testing.FakeRecognizer;
import dev.parley.testing.FakeSynthesizer;
import dev.parley.testing.SpeakerlessOutput;
import dev.parley.text.SentenceChunker;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The turn controller's rules without a sound device: state transitions, barge-in with heard-only
 * history, failures, typed turns before the voice is there. Fake recognizer, voice, model and
 * output; the same controller runs on real parts in {@link TurnControllerTest}.
 */
class TurnControllerHarnessTest {

    private static final String LONG_ANSWER = "It is sunny and warm in the city today. The high will be twenty four"
            + " degrees. A light breeze comes from the west this afternoon. Rain is not expected before the weekend.";

    private final VoiceEvents events = new VoiceEvents();
    private final FakeSynthesizer voice = new FakeSynthesizer(200);
    private FakeLanguageModel model;
    private TurnController controller;

    private TurnController controller(Script... scripts) {
        model = new FakeLanguageModel("fake", scripts);
        TurnRunner runner = new TurnRunner(model, null, new SentenceChunker.Settings(3, 200),
                Thread.ofPlatform().daemon(true).factory());
        controller = new TurnController(new VoiceEventBus(), runner, new Conversation("Be brief."),
                Thread.ofPlatform().daemon(true).factory());
        controller.subscribe(events);
        return controller;
    }

    private FakeSpeechOutput output;

    private void withVoice(String... transcripts) {
        AudioClip speech = new FakeSynthesizer(100).synthesize("what is the weather like");
        output = new FakeSpeechOutput(voice, 20);
        controller.useVoice(new RecordedSpeech(new FakeRecognizer(transcripts), () -> speech), output);
    }

    @Test
    void switchingHandsFreeOffTellsTheOutputTalkOverEnded() {
        controller(Script.of("Fine."));
        withVoice();

        controller.setHandsFree(true);
        assertThat(output.talkOversEnded()).isZero();
        controller.setHandsFree(false);

        assertThat(output.talkOversEnded()).as("the kept output line may close").isEqualTo(1);
    }

    @AfterEach
    void close() {
        if (controller != null) {
            controller.close();
        }
    }

    @Test
    void typedQuestionsAreAnsweredInTextBeforeTheVoiceIsThere() throws Exception {
        controller(Script.of("Sunny", " today."));

        controller.ask("Weather?");
        events.awaitState(IDLE, 1, 5000);

        assertThat(events.states()).containsExactly(THINKING, IDLE);
        assertThat(voice.spoken()).isEmpty();
        assertThat(controller.conversation().turns()).extracting(Turn::text).containsExactly("Weather?", "Sunny today.");
        assertThat(events.of(VoiceEvent.Waterfall.class)).hasSize(1);
    }

    /** No speakers (none plugged in, the sound server gone): the answer is still shown, only not spoken. */
    @Test
    void aTypedQuestionIsAnsweredInTextWhenNoSpeakerCanBeOpened() throws Exception {
        controller(Script.of("Paris", " it is."));
        AudioClip speech = new FakeSynthesizer(100).synthesize("what is the weather like");
        controller.useVoice(new RecordedSpeech(new FakeRecognizer(), () -> speech), new SpeakerlessOutput(voice));

        controller.ask("The capital of France?");
        events.awaitState(IDLE, 1, 5000);

        assertThat(events.states()).containsExactly(THINKING, IDLE);
        assertThat(controller.conversation().turns()).extracting(Turn::text)
                .containsExactly("The capital of France?", "Paris it is.");
        assertThat(voice.spoken()).isEmpty();
        assertThat(events.of(VoiceEvent.StateChanged.class).getLast().detail())
                .isEqualTo("The answer is shown but not spoken: No audio output device found.");
    }

    @Test
    void talkingBeforeTheVoiceIsThereSaysWhyAndTypingStillWorks() throws Exception {
        controller(Script.of("Fine."));

        controller.pressToTalk();
        events.awaitState(ERROR, 1, 5000);
        controller.ask("Hello?");
        events.awaitState(IDLE, 1, 5000);

        assertThat(events.of(VoiceEvent.StateChanged.class).getFirst().detail())
                .isEqualTo(TurnEndWords.NOT_LISTENING_YET);
        assertThat(controller.conversation().turns()).extracting(Turn::text).containsExactly("Hello?", "Fine.");
    }

    @Test
    void pushToTalkGoesRoundTheLoopAndSpeaksTheAnswer() throws Exception {
        controller(Script.of("It is sunny.", " Take a hat."));
        withVoice("what is the weather like");

        controller.pressToTalk();
        events.awaitState(LISTENING, 1, 5000);
        controller.releaseToTalk();
        events.awaitState(IDLE, 1, 10_000);

        assertThat(events.states()).containsExactly(LISTENING, TRANSCRIBING, THINKING, SPEAKING, IDLE);
        assertThat(events.await(VoiceEvent.FinalTranscript.class, t -> true, 0).text()).isEqualTo("what is the weather like");
        assertThat(voice.spoken()).containsExactly("It is sunny.", "Take a hat.");
        assertThat(events.of(VoiceEvent.Heard.class).getLast().text()).isEqualTo("It is sunny. Take a hat.");
        var timings = events.await(VoiceEvent.Waterfall.class, w -> true, 1000).timings();
        assertThat(timings.sttMs()).isNotNegative();
        assertThat(timings.firstSoundMs()).isGreaterThanOrEqualTo(timings.firstAudioMs());
        assertThat(controller.conversation().turns()).extracting(Turn::text)
                .containsExactly("what is the weather like", "It is sunny. Take a hat.");
    }

    @Test
    void aSpokenAnswerTheProviderCutShortEndsWithASentenceSayingSo() throws Exception {
        controller(Script.of("It is sunny.", " Take a").finishingWith(FinishReason.LENGTH));
        withVoice("what is the weather like");

        controller.pressToTalk();
        events.awaitState(LISTENING, 1, 5000);
        controller.releaseToTalk();
        events.awaitState(IDLE, 1, 10_000);

        assertThat(voice.spoken()).containsExactly("It is sunny.", "Take a", EndingNotices.SPOKEN_CUT_SHORT);
        assertThat(events.of(VoiceEvent.Heard.class).getLast().text()).isEqualTo("It is sunny. Take a");
        assertThat(controller.conversation().turns().getLast().text()).isEqualTo("It is sunny. Take a");
        assertThat(controller.conversation().turns().getLast().interrupted()).isFalse();
    }

    @Test
    void anAnswerStoppedByTheUserIsNotCalledCutShort() throws Exception {
        controller(Script.of("It is sunny today.", " Take a hat.", " And water.", " And a book.").delayedBy(300)
                .finishingWith(FinishReason.LENGTH));
        withVoice();
        controller.ask("Weather?");
        events.await(VoiceEvent.Reply.class, reply -> reply.event() instanceof TurnEvent.Text, 5000);

        controller.stop();
        events.awaitState(IDLE, 1, 5000);

        assertThat(events.states()).contains(INTERRUPTED);
        assertThat(voice.spoken()).doesNotContain(EndingNotices.SPOKEN_CUT_SHORT);
    }

    @Test
    void bargeInKeepsOnlyWhatWasHeardAndTheNextTurnIsClean() throws Exception {
        controller(Script.of(LONG_ANSWER.split("(?<= )")), Script.of("Second answer."));
        withVoice("and tomorrow");
        controller.ask("Weather?");
        events.await(VoiceEvent.Heard.class, heard -> true, 10_000); // the first chunk was heard whole

        controller.pressToTalk();
        events.awaitState(LISTENING, 1, 5000);

        String heard = events.await(VoiceEvent.Interrupted.class, i -> true, 1000).heard();
        assertThat(heard).isNotBlank().isNotEqualTo(LONG_ANSWER.strip());
        assertThat(LONG_ANSWER).startsWith(heard.substring(0, heard.length() - 1));
        Turn answer = controller.conversation().turns().getLast();
        assertThat(answer.text()).isEqualTo(heard);
        assertThat(answer.interrupted()).isTrue();
        assertThat(events.states()).containsSubsequence(THINKING, SPEAKING, INTERRUPTED, LISTENING);

        int before = events.all().size();
        controller.releaseToTalk();
        events.awaitState(IDLE, 1, 10_000);
        List<VoiceEvent> all = events.all(); // one snapshot: a later one may be longer
        List<VoiceEvent> next = all.subList(before, all.size());
        long cutTurn = events.of(VoiceEvent.Interrupted.class).getFirst().turn();
        assertThat(next).filteredOn(VoiceEvent.Reply.class::isInstance)
                .allMatch(e -> ((VoiceEvent.Reply) e).event().turn() != cutTurn);
        assertThat(controller.conversation().turns()).extracting(Turn::text)
                .containsExactly("Weather?", heard, "and tomorrow", "Second answer.");
    }

    @Test
    void stoppingWhileOnlyListeningInterruptsNoAnswer() throws Exception {
        controller(Script.of("Fine."));
        withVoice("what is the weather like");

        controller.pressToTalk();
        events.awaitState(LISTENING, 1, 5000);
        controller.stop();
        events.awaitState(IDLE, 1, 5000);

        assertThat(events.states()).containsExactly(LISTENING, INTERRUPTED, IDLE);
        assertThat(events.of(VoiceEvent.Interrupted.class)).isEmpty();
    }

    @Test
    void stoppingWhileTheModelThinksTakesTheQuestionBack() throws Exception {
        controller(Script.of("Too late.").delayedBy(5000));
        withVoice();
        controller.ask("Weather?");
        events.awaitState(THINKING, 1, 5000);

        controller.stop();
        events.awaitState(IDLE, 1, 5000);

        assertThat(events.states()).containsExactly(THINKING, INTERRUPTED, IDLE);
        assertThat(events.of(VoiceEvent.Interrupted.class).getFirst().heard()).isEmpty();
        assertThat(controller.conversation().turns()).isEmpty();
    }

    @Test
    void aFailedTurnSaysWhyAndTheNextOneWorks() throws Exception {
        controller(Script.of("never").failingAfter(0, "The key was refused: set OPENAI_API_KEY."),
                Script.of("Fine now."));
        withVoice();

        controller.ask("Hello?");
        events.awaitState(ERROR, 1, 5000);
        controller.ask("Hello again?");
        events.awaitState(IDLE, 1, 10_000);

        assertThat(events.of(VoiceEvent.StateChanged.class)).filteredOn(change -> change.to() == ERROR)
                .first().extracting(VoiceEvent.StateChanged::detail).asString().contains("OPENAI_API_KEY");
        assertThat(controller.conversation().turns()).extracting(Turn::text).containsExactly("Hello again?", "Fine now.");
        assertThat(events.of(VoiceEvent.Reply.class)).extracting(VoiceEvent.Reply::event)
                .anyMatch(TurnEvent.Failed.class::isInstance).anyMatch(TurnEvent.Completed.class::isInstance);
    }

    @Test
    void aTurnThatRunsOutOfMemoryFailsAndTheNextOneWorks() throws Exception {
        FakeLanguageModel fine = new FakeLanguageModel("fake", Script.of("Fine now."));
        AtomicBoolean first = new AtomicBoolean(true);
        LanguageModel exhausted = new ForwardingLanguageModel(fine) {
            @Override
            public LlmReply reply(List<Message> messages, ReplyListener listener) {
                if (first.getAndSet(false)) {
                    throw new OutOfMemoryError("Java heap space");
                }
                return fine.reply(messages, listener);
            }
        };
        TurnRunner runner = new TurnRunner(exhausted, null, new SentenceChunker.Settings(3, 200),
                Thread.ofPlatform().daemon(true).factory());
        controller = new TurnController(new VoiceEventBus(), runner, new Conversation("Be brief."),
                Thread.ofPlatform().daemon(true).factory());
        controller.subscribe(events);

        controller.ask("Hello?");
        events.awaitState(ERROR, 1, 5000);
        controller.ask("Hello again?");
        events.awaitState(IDLE, 1, 10_000);

        assertThat(events.of(VoiceEvent.StateChanged.class)).filteredOn(change -> change.to() == ERROR)
                .first().extracting(VoiceEvent.StateChanged::detail).asString().contains("ran out of memory");
        assertThat(controller.conversation().turns()).extracting(Turn::text).containsExactly("Hello again?", "Fine now.");
    }

    @Test
    void anAnswerCutOffByTheModelKeepsWhatWasSaidAndEndsWithANotice() throws Exception {
        controller(Script.of("It is sunny today.", " The high", " will be").failingAfter(2, "The stream broke."));
        withVoice();

        controller.ask("Weather?");
        events.awaitState(ERROR, 1, 10_000);

        assertThat(events.states()).containsExactly(THINKING, SPEAKING, ERROR);
        assertThat(voice.spoken()).last().asString().startsWith("Sorry");
        Turn answer = controller.conversation().turns().getLast();
        assertThat(answer.text()).isEqualTo("It is sunny today. The high");
        assertThat(answer.interrupted()).isTrue();
    }

    @Test
    void theModelIsSentTheConversationSoFar() throws Exception {
        controller(Script.of("One."), Script.of("Two."));

        controller.ask("First?");
        events.awaitState(IDLE, 1, 5000);
        controller.ask("Second?");
        events.awaitState(IDLE, 2, 5000);

        assertThat(model.requests().getLast()).extracting(message -> message.text())
                .containsExactly("Be brief.", "First?", "One.", "Second?");
    }
}
