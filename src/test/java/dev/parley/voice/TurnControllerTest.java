package dev.parley.voice;

import static dev.parley.voice.VoiceState.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.parley.Components;
import dev.parley.Components.LlmChoice;
import dev.parley.audio.AudioClip;
import dev.parley.audio.Speaker;
import dev.parley.audio.WavFiles;
import dev.parley.bench.ScriptedLlmServer;
import dev.parley.bench.ScriptedLlmServer.Protocol;
import dev.parley.bench.ScriptedLlmServer.Reply;
import dev.parley.conversation.Conversation;
import dev.parley.conversation.Turn;
import dev.parley.pipeline.TurnEvent;
import dev.parley.pipeline.TurnTimings;
import dev.parley.testing.TestConfigs;
import dev.parley.bench.WordErrorRate;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The voice loop end to end on real parts: the real LangChain4j client over HTTP to a scripted
 * server, the real chunker, MaryTTS, and playback on the real output device (the null sink on CI);
 * utterances are recorded speech recognized by the real Vosk model.
 */
@Tag("audio")
class TurnControllerTest {

    static final Path QUESTION = Path.of("src/test/resources/audio/weather-16k-s16-mono.wav");
    static final String LONG_REPLY = "It is sunny and warm in the city today. The high will be twenty four degrees."
            + " A light breeze comes from the west this afternoon. Rain is not expected before the weekend."
            + " Enjoy the nice weather while it lasts.";

    @TempDir
    static Path folder;
    static Components components;
    static AudioClip question;

    private ScriptedLlmServer server;
    private TurnController assistant;
    private final VoiceEvents events = new VoiceEvents();

    @BeforeAll
    static void loadTheVoiceAndTheSpeechModel() throws Exception {
        if (!Boolean.getBoolean("parley.requireAudio")) {
            assumeThat(Speaker.outputDeviceNames()).as("an audio output device").isNotEmpty();
        }
        components = Components.load(TestConfigs.withProvider(folder, "openai-compatible", "http://127.0.0.1:9/v1"));
        components.synthesizer();
        question = WavFiles.readMono(QUESTION);
    }

    @AfterAll
    static void close() {
        if (components != null) {
            components.close();
        }
    }

    private void start(Reply... script) throws Exception {
        server = new ScriptedLlmServer(Protocol.OPENAI, script);
        var model = components.languageModel(new LlmChoice(null, null, server.baseUrl()));
        assistant = new TurnController(new VoiceEventBus(), components.turnRunner(model),
                new Conversation("Answer briefly."), Components.threads("test-voice"));
        assistant.useVoice(new RecordedSpeech(components.recognizer(), () -> question),
                new SpeakerOutput(components.synthesizer(), new Speaker(null)));
        assistant.subscribe(events);
    }

    @AfterEach
    void stop() throws Exception {
        question = WavFiles.readMono(QUESTION);
        if (assistant != null) {
            assistant.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aTypedQuestionIsAnsweredAloudAndTheStateGoesRoundTheLoop() throws Exception {
        start(Reply.of("It is sunny", " today.", " Take a hat.").delayedBy(10));

        assistant.ask("What is the weather like?");
        events.awaitState(IDLE, 1, 20_000);

        assertThat(events.states()).containsExactly(THINKING, SPEAKING, IDLE);
        assertThat(events.of(VoiceEvent.Heard.class).getLast().text()).isEqualTo("It is sunny today. Take a hat.");
        TurnTimings timings = events.await(VoiceEvent.Waterfall.class, w -> true, 1000).timings();
        assertThat(timings.llmFirstTokenMs()).isPositive();
        assertThat(timings.firstChunkMs()).isGreaterThanOrEqualTo(timings.llmFirstTokenMs());
        assertThat(timings.firstAudioMs()).isGreaterThan(timings.firstChunkMs());
        assertThat(timings.firstSoundMs()).isGreaterThanOrEqualTo(timings.firstAudioMs());
        assertThat(timings.totalMs()).isGreaterThan(timings.firstSoundMs());
        List<Turn> turns = assistant.conversation().turns();
        assertThat(turns).extracting(Turn::text).containsExactly("What is the weather like?", "It is sunny today. Take a hat.");
        assertThat(turns.getLast().interrupted()).isFalse();
    }

    @Test
    void pushToTalkTranscribesTheUtteranceAndAnswersIt() throws Exception {
        start(Reply.of("Sunny."));

        assistant.pressToTalk();
        events.awaitState(LISTENING, 1, 5000);
        assistant.releaseToTalk();
        events.awaitState(IDLE, 1, 20_000);

        assertThat(events.states()).containsExactly(LISTENING, TRANSCRIBING, THINKING, SPEAKING, IDLE);
        String transcript = events.await(VoiceEvent.FinalTranscript.class, t -> true, 1000).text();
        assertThat(WordErrorRate.of("what is the weather like today", transcript)).isLessThanOrEqualTo(0.2);
        assertThat(server.requests().getFirst().path("messages").get(1).path("content").asText()).isEqualTo(transcript);
        assertThat(events.await(VoiceEvent.Waterfall.class, w -> true, 1000).timings().sttMs()).isPositive();
    }

    @Test
    void handsFreeEndsTheUtteranceAtAPauseAndListensAgainAfterTheAnswer() throws Exception {
        question = AudioClip.concat(List.of(question, AudioClip.silence(1.5, question.sampleRate())),
                question.sampleRate());
        start(Reply.of("Sunny."));

        assistant.setHandsFree(true);
        events.awaitState(LISTENING, 2, 30_000);
        assistant.setHandsFree(false);
        events.awaitState(IDLE, 2, 5000);

        assertThat(events.states()).startsWith(LISTENING, TRANSCRIBING, THINKING, SPEAKING, IDLE, LISTENING);
        assertThat(assistant.conversation().turns()).extracting(Turn::text).last().isEqualTo("Sunny.");
    }

    @Test
    void bargeInStopsTheAnswerAndKeepsOnlyWhatWasHeard() throws Exception {
        start(Reply.of(LONG_REPLY.split("(?<= )")).delayedBy(15), Reply.of("Second answer."));
        assistant.ask("What is the weather like?");
        events.awaitState(SPEAKING, 1, 20_000);
        events.await(VoiceEvent.Heard.class, heard -> true, 10_000); // the first chunk was heard

        long pressed = System.nanoTime();
        assistant.pressToTalk();
        long silencedWithinNanos = System.nanoTime() - pressed;
        events.awaitState(LISTENING, 1, 5000);

        assertThat(silencedWithinNanos).as("ns until the voice was silenced").isLessThan(100_000_000L);
        String heard = events.await(VoiceEvent.Interrupted.class, i -> true, 1000).heard();
        assertThat(heard).isNotBlank().isNotEqualTo(LONG_REPLY);
        assertThat(LONG_REPLY).startsWith(heard.substring(0, heard.length() - 1));
        Turn answer = assistant.conversation().turns().getLast();
        assertThat(answer.text()).isEqualTo(heard);
        assertThat(answer.interrupted()).isTrue();

        int before = events.all().size();
        assistant.releaseToTalk();
        events.awaitState(IDLE, 1, 20_000);
        List<VoiceEvent> all = events.all(); // one snapshot: a later one may be longer
        List<VoiceEvent> next = all.subList(before, all.size());
        assertThat(next).filteredOn(VoiceEvent.Heard.class::isInstance)
                .extracting(e -> ((VoiceEvent.Heard) e).text()).containsOnly("Second answer.");
        assertThat(next).filteredOn(VoiceEvent.Reply.class::isInstance)
                .allMatch(e -> ((VoiceEvent.Reply) e).event().turn() != events.of(VoiceEvent.Interrupted.class).getFirst().turn());
        assertThat(assistant.conversation().turns()).hasSize(4);
    }

    @Test
    void stoppingWhileTheModelThinksTakesTheQuestionBack() throws Exception {
        start(Reply.of("Too late.").firstAfter(5000));
        assistant.ask("What is the weather like?");
        events.awaitState(THINKING, 1, 5000);

        assistant.stop();
        events.awaitState(IDLE, 1, 5000);

        assertThat(events.states()).containsExactly(THINKING, INTERRUPTED, IDLE);
        assertThat(events.of(VoiceEvent.Interrupted.class).getFirst().heard()).isEmpty();
        assertThat(assistant.conversation().turns()).isEmpty();
        assertThat(events.of(VoiceEvent.Heard.class)).isEmpty();
    }

    @Test
    void aFailedTurnSaysWhyAndTheNextOneWorks() throws Exception {
        start(Reply.error(401, "Incorrect API key provided."), Reply.of("Fine now."));

        assistant.ask("Hello?");
        events.awaitState(ERROR, 1, 20_000);
        assistant.ask("Hello again?");
        events.awaitState(IDLE, 1, 20_000);

        VoiceEvent.StateChanged error = events.of(VoiceEvent.StateChanged.class).stream()
                .filter(change -> change.to() == ERROR).findFirst().orElseThrow();
        assertThat(error.detail()).containsIgnoringCase("key");
        assertThat(assistant.conversation().turns()).extracting(Turn::text).containsExactly("Hello again?", "Fine now.");
        assertThat(events.of(VoiceEvent.Reply.class)).extracting(VoiceEvent.Reply::event)
                .anyMatch(TurnEvent.Completed.class::isInstance);
    }
}
