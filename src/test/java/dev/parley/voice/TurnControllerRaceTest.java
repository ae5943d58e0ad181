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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Races and edge paths of the turn controller: stop or ask right behind ask, conversation switches, hands-free before the voice, failed spoken turns. */
class TurnControllerRaceTest {

    private final VoiceEvents events = new VoiceEvents();
    private final FakeSynthesizer voice = new FakeSynthesizer(200);
    private TurnController controller;

    /** The first thread made is the control thread; every later one (a turn) starts 100 ms late, as under load. */
    private static java.util.concurrent.ThreadFactory slowTurnStarts() {
        java.util.concurrent.atomic.AtomicInteger made = new java.util.concurrent.atomic.AtomicInteger();
        return task -> Thread.ofPlatform().daemon(true).unstarted(made.getAndIncrement() == 0 ? task : () -> {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            task.run();
        });
    }

    private TurnController controller(Script... scripts) {
        return controller(Thread.ofPlatform().daemon(true).factory(), scripts);
    }

    private TurnController controller(java.util.concurrent.ThreadFactory threads, Script... scripts) {
        TurnRunner runner = new TurnRunner(new FakeLanguageModel("fake", scripts), null,
                new SentenceChunker.Settings(3, 200), Thread.ofPlatform().daemon(true).factory());
        controller = new TurnController(new VoiceEventBus(), runner, new Conversation("Be brief."), threads);
        controller.subscribe(events);
        return controller;
    }

    private void withVoice(double speedUp, String... transcripts) {
        AudioClip speech = new FakeSynthesizer(100).synthesize("what is the weather like");
        controller.useVoice(new RecordedSpeech(new FakeRecognizer(transcripts), () -> speech),
                new FakeSpeechOutput(voice, speedUp));
    }

    @AfterEach
    void close() {
        if (controller != null) {
            controller.close();
        }
    }

    /** Components.voiceAssistant sets hands-free before DesktopServices' "voice loop" step calls useVoice. */
    @Test
    void aTypedTurnBeforeTheVoiceIsThereDoesNotEndInErrorNorTurnHandsFreeOff() throws Exception {
        controller(Script.of("Sunny."));
        controller.setHandsFree(true);

        controller.ask("Weather?");
        events.awaitState(IDLE, 1, 5000);
        Thread.sleep(300);
        // Guards against: states are [THINKING, IDLE, ERROR] with "Parley cannot listen yet..." after a good answer
        assertThat(events.states()).containsExactly(THINKING, IDLE);

        withVoice(20, "hello");
        // ...and hands-free was switched off for good (cannotListen), so it never listens once the voice is there
        events.awaitState(LISTENING, 1, 2000);
    }

    @Test
    void switchingTheConversationDuringATurnEndsIdle() throws Exception {
        controller(Script.of("Too late.").delayedBy(5000));
        controller.ask("Weather?");
        events.awaitState(THINKING, 1, 5000);

        controller.useConversation(new Conversation("Be brief."));
        Thread.sleep(500);
        // Guards against: stuck in INTERRUPTED - moveTo(current, IDLE) is skipped because current.cancelled is true
        assertThat(controller.state()).isEqualTo(IDLE);
    }

    @Test
    void switchingTheConversationWhileHandsFreeListeningKeepsListening() throws Exception {
        controller(Script.of("x"));
        withVoice(20);
        controller.setHandsFree(true);
        events.awaitState(LISTENING, 1, 5000);

        controller.useConversation(new Conversation("Be brief."));
        // Guards against: INTERRUPTED is at rest but no IDLE/ERROR follows, so hands-free never re-listens
        events.awaitState(LISTENING, 2, 2000);
    }

    @Test
    void aFailedSpokenTurnLetsGoOfItsPlayback() throws Exception {
        controller(Script.of("never").failingAfter(0, "No key."));
        withVoice(20);
        long before = playbackThreads();

        controller.ask("Hello?");
        events.awaitState(ERROR, 1, 5000);
        Thread.sleep(300);
        // Guards against: the sink opened for the answer is never finished nor silenced; its player (a Playback writer
        // thread + open SourceDataLine in the app) runs until the next ask/press - forever in hands-free mode.
        assertThat(playbackThreads()).isEqualTo(before);
    }

    @Test
    void aBargeInDuringTheCutOffNoticeDoesNotRecordTheNoticeAsTheModelsWords() throws Exception {
        controller(Script.of("It is sunny today.", " The high").failingAfter(1, "The stream broke."));
        withVoice(1); // real time: the notice takes 1.6 s to play
        controller.ask("Weather?");
        events.await(VoiceEvent.Heard.class, heard -> true, 10_000); // first chunk heard; the notice plays now
        Thread.sleep(600);

        controller.stop();
        events.awaitState(IDLE, 1, 5000);
        Turn answer = controller.conversation().turns().getLast();
        // Guards against: "It is sunny today. Sorry, I lost" - the canned notice becomes the model's own words in the history
        assertThat(answer.text()).doesNotContain("Sorry");
    }


    /** An API client (or a double Enter) asks twice; the second question must replace the first. */
    @Test
    void aSecondQuestionRightAfterTheFirstReplacesIt() throws Exception {
        controller(slowTurnStarts(), Script.of("One.").delayedBy(300), Script.of("Two.").delayedBy(300));

        controller.ask("First?");
        controller.ask("Second?");
        events.awaitState(IDLE, 1, 5000);
        Thread.sleep(800); // let the first turn's thread end too

        // Guards against: cancelCurrent saw state IDLE (the first turn had not moved to THINKING yet) and did not cancel
        // it; both turns ran on the same conversation: [First?, Second?, One., Two.]
        // The first question never reached the model, so the second got the first scripted reply.
        assertThat(controller.conversation().turns()).extracting(Turn::text)
                .containsExactly("Second?", "One.");
    }

    @Test
    void stopRightAfterAskStopsIt() throws Exception {
        controller(slowTurnStarts(), Script.of("Answered anyway.").delayedBy(300));

        controller.ask("Weather?");
        controller.stop();
        Thread.sleep(1000);

        // Guards against: stop was a no-op (state was still IDLE); the turn ran to its end and its answer was recorded
        assertThat(controller.conversation().turns()).isEmpty();
    }

    private static long playbackThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("fake-playback") && t.isAlive()).count();
    }
}
