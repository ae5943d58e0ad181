package dev.parley.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.bench.ScriptedLlmServer;
import dev.parley.bench.ScriptedLlmServer.Protocol;
import dev.parley.bench.ScriptedLlmServer.Reply;
import dev.parley.config.ProviderConfig;
import dev.parley.config.ProviderType;
import dev.parley.conversation.AnswerEnd;
import dev.parley.conversation.Conversation;
import dev.parley.llm.ApiKeys;
import dev.parley.llm.FinishReason;
import dev.parley.llm.LanguageModel;
import dev.parley.llm.LanguageModels;
import dev.parley.llm.LlmException;
import dev.parley.testing.FakeHttpServer;
import dev.parley.testing.FakeHttpServer.Response;
import dev.parley.testing.FakeLanguageModel;
import dev.parley.testing.FakeLanguageModel.Script;
import dev.parley.testing.FakeSynthesizer;
import dev.parley.testing.OpenAiStreams;
import dev.parley.text.SentenceChunker;
import dev.parley.voice.VoiceEventBus;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** One turn through the runner: events, the conversation record, and speech as a sink receives it. */
class TurnRunnerTest {

    private static final SentenceChunker.Settings CHUNKING = new SentenceChunker.Settings(3, 200);
    private final LanguageModels models = new LanguageModels(new ApiKeys(Map.<String, String>of()::get),
            Path.of("target/test-llm-models"));
    private final List<TurnEvent> seen = new CopyOnWriteArrayList<>();

    private LanguageModel model(ScriptedLlmServer server) {
        return model(server.baseUrl());
    }

    private LanguageModel model(String baseUrl) {
        return models.create("local", new ProviderConfig(ProviderType.OPENAI_COMPATIBLE, baseUrl, "scripted",
                null, null, null, 10));
    }

    private static TurnRunner runner(LanguageModel model) {
        return new TurnRunner(model, null, CHUNKING, Thread.ofPlatform().daemon(true).factory());
    }

    @Test
    void aTextTurnIsStartedThenStreamsThenCompletesUnderOneTurnNumberOverARealClient() throws Exception {
        try (var server = new ScriptedLlmServer(Protocol.OPENAI, Reply.of("Hi", " there.").thinkingFirst("hmm"));
                TurnRunner runner = runner(model(server))) {
            Conversation conversation = new Conversation("");

            TurnResult result = runner.run(conversation, "Hello", new TurnClock(), seen::add, null);

            assertThat(seen).extracting(event -> event.getClass().getSimpleName())
                    .containsExactly("Started", "Reasoning", "Text", "Text", "Written", "Completed");
            assertThat(seen).extracting(TurnEvent::turn).containsOnly(seen.getFirst().turn());
            var completed = (TurnEvent.Completed) seen.getLast();
            assertThat(completed.reply()).isEqualTo("Hi there.");
            assertThat(completed.reasoning()).isEqualTo("hmm");
            assertThat(completed.provider()).isEqualTo("local");
            assertThat(completed.outputTokens()).isEqualTo(7);
            assertThat(result.timings().llmFirstTokenMs()).isNotNegative();
            assertThat(result.chunks()).isZero();
            assertThat(conversation.turns()).extracting(turn -> turn.text()).containsExactly("Hello", "Hi there.");
        }
    }

    @Test
    void aCutOffReplyEndsInFailedWithWhatWasSaidAndTheConversationKeepsIt() throws Exception {
        try (var server = new ScriptedLlmServer(Protocol.OPENAI, Reply.of("Half", " an answer", " lost").cutAfter(2));
                TurnRunner runner = runner(model(server))) {
            Conversation conversation = new Conversation("");

            TurnResult result = runner.run(conversation, "Go on", new TurnClock(), seen::add, null);

            assertThat(result.complete()).isFalse();
            var failed = (TurnEvent.Failed) seen.getLast();
            assertThat(failed.partialAnswer()).isEqualTo("Half an answer");
            assertThat(conversation.turns()).hasSize(2);
            assertThat(conversation.turns().getLast().interrupted()).isTrue();
        }
    }

    @Test
    void aReplyThatNeverStartedTakesTheQuestionBackAndIsThrown() {
        try (TurnRunner runner = runner(new FakeLanguageModel("fake", Script.of("x").failingAfter(0, "No key.")))) {
            Conversation conversation = new Conversation("");

            assertThatThrownBy(() -> runner.run(conversation, "Hello", new TurnClock(), seen::add, null))
                    .isInstanceOf(LlmException.class).hasMessage("No key.");

            assertThat(conversation.turns()).isEmpty();
            assertThat(seen.getLast()).isInstanceOf(TurnEvent.Failed.class);
        }
    }

    @Test
    void aSpokenTurnSendsEveryChunkToTheSinkInOrderAndNoAudioOnTheEventStream() {
        FakeSynthesizer voice = new FakeSynthesizer(50);
        try (TurnRunner runner = runner(new FakeLanguageModel("fake",
                Script.of("It is sunny today.", " Take a hat,", " and water."))))  {
            WavSink sink = new WavSink(voice.sampleRate());

            TurnResult result = runner.run(new Conversation(""), "Weather?", new TurnClock(), seen::add,
                    new Speech(voice, sink));

            assertThat(voice.spoken()).containsExactly("It is sunny today.", "Take a hat, and water."); // 4 + 5 words
            assertThat(result.chunks()).isEqualTo(2);
            assertThat(sink.silence()).isEqualTo("It is sunny today. Take a hat, and water.");
            assertThat(sink.audio().durationSeconds()).isCloseTo(9 * 0.05, org.assertj.core.data.Offset.offset(0.01));
            assertThat(seen).filteredOn(TurnEvent.Chunk.class::isInstance).hasSize(2);
            assertThat(result.timings().firstAudioMs()).isGreaterThanOrEqualTo(result.timings().firstChunkMs());
        }
    }

    @Test
    void aSpokenAnswerSaysItsTextIsWrittenBeforeItsLastSentenceIsSynthesized() {
        FakeSynthesizer voice = new FakeSynthesizer(50);
        try (TurnRunner runner = runner(new FakeLanguageModel("fake", Script.of("It is sunny today.", " Take a hat."))))  {
            runner.run(new Conversation(""), "Weather?", new TurnClock(), seen::add,
                    new Speech(voice, new WavSink(voice.sampleRate())));

            List<Class<?>> kinds = seen.stream().<Class<?>>map(Object::getClass).toList();
            assertThat(kinds.indexOf(TurnEvent.Written.class)).isPositive()
                    .isGreaterThan(kinds.lastIndexOf(TurnEvent.Text.class))
                    .isLessThan(kinds.lastIndexOf(TurnEvent.Chunk.class))
                    .isLessThan(kinds.indexOf(TurnEvent.Completed.class));
        }
    }

    @Test
    void aSpokenAnswerCutOffMidwaySaysItsTextIsOverBeforeWhatCameIsSpoken() {
        FakeSynthesizer voice = new FakeSynthesizer(50);
        try (TurnRunner runner = runner(new FakeLanguageModel("fake",
                Script.of("It is sunny today.", " Take a hat.", " And").failingAfter(2, "The connection dropped.")))) {
            runner.run(new Conversation(""), "Weather?", new TurnClock(), seen::add,
                    new Speech(voice, new WavSink(voice.sampleRate())));

            List<Class<?>> kinds = seen.stream().<Class<?>>map(Object::getClass).toList();
            assertThat(kinds).containsOnlyOnce(TurnEvent.Written.class);
            assertThat(kinds.indexOf(TurnEvent.Written.class)).isGreaterThan(kinds.lastIndexOf(TurnEvent.Text.class))
                    .isLessThan(kinds.lastIndexOf(TurnEvent.Chunk.class))
                    .isLessThan(kinds.indexOf(TurnEvent.Failed.class));
        }
    }

    @Test
    void aSpokenAnswerCutShortAtMaxTokensEndsWithASentenceSayingSo() throws Exception {
        FakeSynthesizer voice = new FakeSynthesizer(50);
        try (var server = new ScriptedLlmServer(Protocol.OPENAI, Reply.of("It is sunny today.", " Take a")
                .stoppedAtMaxTokens());
                TurnRunner runner = runner(model(server))) {
            WavSink sink = new WavSink(voice.sampleRate());
            Conversation conversation = new Conversation("");

            TurnResult result = runner.run(conversation, "Weather?", new TurnClock(), seen::add, new Speech(voice, sink));

            assertThat(result.finishReason()).isEqualTo(FinishReason.LENGTH);
            assertThat(voice.spoken()).containsExactly("It is sunny today.", "Take a", EndingNotices.SPOKEN_CUT_SHORT);
            assertThat(seen).filteredOn(TurnEvent.Chunk.class::isInstance).last()
                    .extracting(chunk -> ((TurnEvent.Chunk) chunk).text()).isEqualTo(EndingNotices.SPOKEN_CUT_SHORT);
            // The sentence is Parley's, not the model's: neither heard as the answer nor kept in the conversation.
            assertThat(sink.silence()).isEqualTo("It is sunny today. Take a");
            assertThat(conversation.turns().getLast().text()).isEqualTo("It is sunny today. Take a");
            assertThat(conversation.turns().getLast().ended()).as("kept, for the note when it is opened again")
                    .isEqualTo(AnswerEnd.CUT_SHORT);
            assertThat(((TurnEvent.Completed) seen.getLast()).finishReason()).isEqualTo(FinishReason.LENGTH);
        }
    }

    @Test
    void aSpokenAnswerTheSafetyFilterStoppedEndsWithASentenceSayingSo() throws Exception {
        FakeSynthesizer voice = new FakeSynthesizer(50);
        try (var server = new FakeHttpServer().on("POST", "/v1/chat/completions", request -> new Response(200,
                "text/event-stream", OpenAiStreams.textThenStop("content_filter")));
                TurnRunner runner = runner(model(server.url() + "/v1"))) {
            WavSink sink = new WavSink(voice.sampleRate());

            runner.run(new Conversation(""), "How?", new TurnClock(), seen::add, new Speech(voice, sink));

            assertThat(voice.spoken()).containsExactly("Here is how", EndingNotices.SPOKEN_FILTERED);
            assertThat(sink.silence()).isEqualTo("Here is how");
        }
    }

    @Test
    void anAnswerThatEndedAsTheModelChoseGetsNoSentenceAfterIt() throws Exception {
        FakeSynthesizer voice = new FakeSynthesizer(50);
        try (var server = new ScriptedLlmServer(Protocol.OPENAI, Reply.of("It is sunny today."));
                TurnRunner runner = runner(model(server))) {
            runner.run(new Conversation(""), "Weather?", new TurnClock(), seen::add,
                    new Speech(voice, new WavSink(voice.sampleRate())));

            assertThat(voice.spoken()).containsExactly("It is sunny today.");
        }
    }

    @Test
    void aSpokenTurnStoppedBeforeTheProviderCutItShortSaysNothingMore() throws Exception {
        FakeSynthesizer voice = new FakeSynthesizer(50);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        try (var server = new ScriptedLlmServer(Protocol.OPENAI, Reply.of("One.", " Two.", " Three.", " Four.")
                .delayedBy(200).stoppedAtMaxTokens());
                TurnRunner runner = runner(model(server))) {
            Thread turn = Thread.ofPlatform().start(() -> {
                try {
                    runner.run(new Conversation(""), "Count", new TurnClock(), seen::add,
                            new Speech(voice, new WavSink(voice.sampleRate())));
                } catch (RuntimeException e) {
                    thrown.set(e);
                }
            });
            while (seen.stream().filter(TurnEvent.Text.class::isInstance).count() < 2) {
                Thread.sleep(5);
            }
            turn.interrupt(); // the user stops it, or barges in
            turn.join(2000);
        }

        assertThat(thrown.get()).isInstanceOf(LlmException.class)
                .extracting(e -> ((LlmException) e).kind()).isEqualTo(LlmException.Kind.CANCELLED);
        assertThat(seen).noneMatch(TurnEvent.Completed.class::isInstance);
        assertThat(voice.spoken()).doesNotContain(EndingNotices.SPOKEN_CUT_SHORT);
    }

    @Test
    void aCancelledTextTurnKeepsWhatWasShownMarkedInterrupted() throws Exception {
        Conversation conversation = new Conversation("");
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        try (TurnRunner runner = runner(new FakeLanguageModel("fake", Script.of("One", " two", " three", " four")
                .delayedBy(200)))) {
            Thread turn = Thread.ofPlatform().start(() -> {
                try {
                    runner.run(conversation, "Count", new TurnClock(), seen::add, null);
                } catch (RuntimeException e) {
                    thrown.set(e);
                }
            });
            while (seen.stream().filter(TurnEvent.Text.class::isInstance).count() < 2) {
                Thread.sleep(5);
            }
            turn.interrupt();
            turn.join(2000);
        }

        assertThat(thrown.get()).isInstanceOf(LlmException.class)
                .extracting(e -> ((LlmException) e).kind()).isEqualTo(LlmException.Kind.CANCELLED);
        assertThat(conversation.turns().getLast().text()).startsWith("One two");
        assertThat(conversation.turns().getLast().interrupted()).isTrue();
    }

    @Test
    void aSubscriberThatThrowsDoesNotBreakTheTurnOrTheOtherSubscribers() {
        VoiceEventBus bus = new VoiceEventBus();
        List<Object> others = new CopyOnWriteArrayList<>();
        bus.subscribe(event -> {
            throw new IllegalStateException("a rendering bug");
        });
        bus.subscribe(others::add);
        try (TurnRunner runner = runner(new FakeLanguageModel("fake", Script.of("Still fine.")))) {
            TurnResult result = runner.run(new Conversation(""), "Hello", new TurnClock(),
                    event -> bus.accept(new dev.parley.voice.VoiceEvent.Reply(event)), null);

            assertThat(result.text()).isEqualTo("Still fine.");
            assertThat(others).hasSize(4);
        }
    }
}
