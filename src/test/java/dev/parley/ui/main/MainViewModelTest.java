package dev.parley.ui.main;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.parley.conversation.ToolCall;
import dev.parley.conversation.ToolRound;
import dev.parley.conversation.Turn;
import dev.parley.llm.FinishReason;
import dev.parley.pipeline.TurnEvent;
import dev.parley.testing.CapturedLog;
import dev.parley.ui.ScriptedVoiceAssistant;
import dev.parley.ui.Tasks;
import dev.parley.ui.UiThread;
import dev.parley.voice.VoiceEvent;
import dev.parley.voice.VoiceState;
import java.time.Instant;
import org.apache.logging.log4j.Level;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MainViewModelTest {

    private final ScriptedVoiceAssistant assistant = new ScriptedVoiceAssistant();
    private final Banners banners = new Banners();
    private final MainViewModel model = new MainViewModel(assistant, Tasks.direct(), banners);

    private void ready() {
        model.load(List.of());
    }

    @Test
    void pushToTalkListensShowsLevelAndPartialThenTheTurn() {
        ready();
        List<VoiceState> states = new ArrayList<>();
        model.stateProperty().addListener((obs, old, now) -> states.add(now));

        model.pressToTalk();
        assertThat(model.stateProperty().get()).isEqualTo(VoiceState.LISTENING);
        assertThat(model.talkingProperty().get()).isTrue();
        assertThat(model.levelProperty().get()).isEqualTo(0.5); // -30 dBFS on a -60..0 meter
        assertThat(model.partialTranscriptProperty().get()).isEqualTo("what is twelve");
        assertThat(model.statusTextProperty().get()).isEqualTo("Listening…");

        model.releaseToTalk();
        assertThat(assistant.calls).containsExactly("press", "release");
        assertThat(model.partialTranscriptProperty().get()).isEmpty();
        assertThat(model.levelProperty().get()).isZero();
        assertThat(states).containsExactly(VoiceState.LISTENING, VoiceState.TRANSCRIBING, VoiceState.THINKING,
                VoiceState.SPEAKING, VoiceState.IDLE);
        assertThat(model.transcript()).extracting(TranscriptEntry::role, TranscriptEntry::text).containsExactly(
                tuple(TranscriptEntry.Role.USER, "what is twelve times seven"),
                tuple(TranscriptEntry.Role.ASSISTANT, "Twelve times seven is eighty-four."));
        assertThat(model.statusTextProperty().get()).isEqualTo("Ready");
    }

    /** A level already on its way when listening ended does not light the resting meter. */
    @Test
    void theMeterRestsBetweenTurnsWhateverLevelArrives() {
        ready();
        assistant.emit(new VoiceEvent.Level(-30));
        assertThat(model.levelProperty().get()).isZero();

        model.pressToTalk();
        model.releaseToTalk();
        model.handle(new VoiceEvent.Level(-20)); // handed to the JavaFX thread while still listening

        assertThat(model.stateProperty().get()).isEqualTo(VoiceState.IDLE);
        assertThat(model.levelProperty().get()).isZero();
    }

    @Test
    void holdingTheKeyPressesOnceAndReleasingWithoutPressDoesNothing() {
        ready();
        model.releaseToTalk();
        model.pressToTalk();
        model.pressToTalk(); // key repeat while held
        assertThat(assistant.calls).containsExactly("press");
    }

    @Test
    void mutedTheMicrophoneRefusesToListenAndPausesHandsFreeUntilUnmuted() {
        ready();
        model.handsFreeConfigured(true);

        model.setMuted(true);
        model.pressToTalk();

        assertThat(assistant.calls).containsExactly("hands-free:false");
        assertThat(model.statusTextProperty().get()).isEqualTo("Microphone muted");
        assertThat(banners.shown()).extracting(Banner::message)
                .containsExactly("The microphone is muted: unmute it in the tray icon's menu to talk.");
        model.setHandsFree(false); // Settings saved meanwhile: remembered, applied at unmute
        model.setMuted(false);
        assertThat(assistant.calls).containsExactly("hands-free:false", "hands-free:false");
        assertThat(banners.shown()).isEmpty();
        assertThat(model.statusTextProperty().get()).isEqualTo("Ready");
    }

    @Test
    void mutingWhileListeningDropsWhatIsBeingHeard() {
        ready();
        model.pressToTalk();

        model.setMuted(true);
        model.releaseToTalk();

        assertThat(assistant.calls).containsExactly("press", "hands-free:false", "stop");
        assertThat(model.talkingProperty().get()).isFalse();
    }

    @Test
    void assistantTextStreamsIntoOneEntryWithReasoningAndToolCallsApart() {
        ready();
        long turn = assistant.nextTurn();
        assistant.emit(new VoiceEvent.Reply(new TurnEvent.Started(turn, "hi", "local")));
        assistant.emit(new VoiceEvent.Reply(new TurnEvent.Reasoning(turn, "Greet back.")));
        assistant.emit(new VoiceEvent.Reply(new TurnEvent.Text(turn, "Hel")));
        TranscriptEntry answer = model.transcript().getLast();
        assertThat(answer.text()).isEqualTo("Hel");
        assertThat(answer.streamingProperty().get()).isTrue();
        assistant.emit(new VoiceEvent.Reply(new TurnEvent.ToolCallStarted(turn, "current_time", "{\"zone\": \"UTC\"}")));
        assertThat(answer.toolCalls()).containsExactly("current_time {\"zone\": \"UTC\"} …");
        assistant.emit(new VoiceEvent.Reply(new TurnEvent.ToolCallFinished(turn, "current_time", "{\"zone\": \"UTC\"}", "12:00")));
        assistant.emit(new VoiceEvent.Reply(new TurnEvent.Text(turn, "lo there.")));
        assistant.emit(new VoiceEvent.Reply(new TurnEvent.Completed(turn, "Hello there.", "Greet back.", "local", 3, 3)));
        assistant.emit(new VoiceEvent.Waterfall(turn, new dev.parley.pipeline.TurnTimings(-1, 200, 240, 500, 520, 900)));

        assertThat(model.transcript()).hasSize(2);
        assertThat(answer.text()).isEqualTo("Hello there.");
        assertThat(answer.text()).doesNotContain("Greet back");
        assertThat(answer.reasoning()).isEqualTo("Greet back.");
        assertThat(answer.toolCalls()).containsExactly("current_time {\"zone\": \"UTC\"} → 12:00");
        assertThat(answer.streamingProperty().get()).isFalse();
        assertThat(model.answeredByProperty().get()).isEqualTo("local");
        assertThat(model.lastWaterfallProperty().get().summary())
                .isEqualTo("first token 200 ms · first chunk 240 ms · first audio 500 ms · first sound 520 ms · reply done 900 ms");
    }

    @ParameterizedTest
    @CsvSource({"LENGTH, The answer was cut short at max-tokens.",
            "CONTENT_FILTER, The provider's safety filter stopped the answer.", "STOP, ''", "UNKNOWN, ''"})
    void anAnswerTheProviderEndedEarlyCarriesANoteSayingWhy(FinishReason reason, String note) {
        ready();
        long turn = assistant.nextTurn();
        assistant.emit(new VoiceEvent.Reply(new TurnEvent.Started(turn, "how?", "local")));
        assistant.emit(new VoiceEvent.Reply(new TurnEvent.Text(turn, "Here is how")));
        assertThat(model.transcript().getLast().endingNote()).isEmpty();

        assistant.emit(new VoiceEvent.Reply(new TurnEvent.Completed(turn, "Here is how", "", "local", 3, 3, reason)));

        TranscriptEntry answer = model.transcript().getLast();
        assertThat(answer.text()).isEqualTo("Here is how");
        assertThat(answer.endingNote()).isEqualTo(note);
    }

    @Test
    void typedQuestionShowsAtOnceAndIsNotDuplicatedWhenTheTurnStarts() {
        ready();
        model.inputProperty().set("  What is 12 times 7?  ");
        model.send();
        assertThat(model.inputProperty().get()).isEmpty();
        assertThat(assistant.calls).containsExactly("ask:What is 12 times 7?");
        assertThat(model.transcript()).extracting(TranscriptEntry::text)
                .containsExactly("What is 12 times 7?", "Twelve times seven is eighty-four.");
    }

    @Test
    void interruptedReplyKeepsWhatWasHeardAndIsMarked() {
        ready();
        long turn = assistant.nextTurn();
        assistant.emit(new VoiceEvent.Reply(new TurnEvent.Started(turn, "tell me a story", "local")));
        assistant.emit(new VoiceEvent.Reply(new TurnEvent.Text(turn, "Once upon a time there was a fox who")));
        model.stop();
        assistant.emit(new VoiceEvent.Interrupted(turn, "Once upon a time"));

        TranscriptEntry answer = model.transcript().getLast();
        assertThat(assistant.calls).containsExactly("stop");
        assertThat(answer.text()).isEqualTo("Once upon a time");
        assertThat(answer.interrupted()).isTrue();
        assertThat(answer.streamingProperty().get()).isFalse();
    }

    @Test
    void errorStateShowsABannerThatSaysWhatToDo() {
        ready();
        assistant.move(VoiceState.ERROR, "No microphone: connect one or pick another input device in Settings.");
        assertThat(banners.shown()).extracting(Banner::message)
                .containsExactly("No microphone: connect one or pick another input device in Settings.");
        assertThat(model.statusTextProperty().get()).isEqualTo("Error");
        assistant.move(VoiceState.ERROR, "Still no microphone.");
        assertThat(banners.shown()).hasSize(1);
    }

    /** A turn that ended but not as asked (nothing recognized, no speakers) says why, once, until the next turn. */
    @Test
    void aTurnEndingWithANoteShowsItAsAWarningUntilTheNextTurn() {
        ready();
        assistant.move(VoiceState.THINKING, "");
        assistant.move(VoiceState.IDLE, "The answer is shown but not spoken: No audio output device found.");

        assertThat(banners.shown()).extracting(Banner::message)
                .containsExactly("The answer is shown but not spoken: No audio output device found.");
        assertThat(model.statusTextProperty().get()).isEqualTo("Ready");
        assistant.move(VoiceState.LISTENING, "");
        assertThat(banners.shown()).isEmpty();
    }

    @Test
    void aBudgetWarningShowsAWarningBannerPerLimit() {
        ready();
        model.handle(new VoiceEvent.BudgetWarning("usage.budget.daily", "Spending is at 80 % of the daily budget."));
        model.handle(new VoiceEvent.BudgetWarning("usage.budget.monthly", "Spending is at 90 % of the monthly budget."));

        assertThat(banners.shown()).extracting(Banner::key, Banner::message).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("budget:usage.budget.daily", "Spending is at 80 % of the daily budget."),
                org.assertj.core.groups.Tuple.tuple("budget:usage.budget.monthly",
                        "Spending is at 90 % of the monthly budget."));
    }

    @Test
    void failedTurnWithoutAnswerRemovesTheEmptyBubbleAndShowsTheReason() {
        ready();
        long turn = assistant.nextTurn();
        assistant.emit(new VoiceEvent.Reply(new TurnEvent.Started(turn, "hi", "local")));
        assistant.emit(new VoiceEvent.Reply(new TurnEvent.Failed(turn, "start Ollama: ollama serve", "")));
        assistant.move(VoiceState.ERROR, "start Ollama: ollama serve");
        assertThat(model.transcript()).extracting(TranscriptEntry::text).containsExactly("hi");
        assertThat(banners.shown()).extracting(Banner::message).containsExactly("start Ollama: ollama serve");
    }

    @Test
    void failedTurnWhoseToolsRanKeepsItsBubbleWithTheToolLines() {
        ready();
        long turn = assistant.nextTurn();
        assistant.emit(new VoiceEvent.Reply(new TurnEvent.Started(turn, "set a tea timer", "local")));
        assistant.emit(new VoiceEvent.Reply(new TurnEvent.ToolCallStarted(turn, "set_timer", "{}")));
        assistant.emit(new VoiceEvent.Reply(new TurnEvent.ToolCallFinished(turn, "set_timer", "{}", "set")));
        assistant.emit(new VoiceEvent.Reply(new TurnEvent.Failed(turn, "The model failed.", "")));

        assertThat(model.transcript()).hasSize(2);
        assertThat(model.transcript().getLast().toolCalls()).containsExactly("set_timer {} → set");
        assertThat(model.transcript().getLast().interrupted()).isTrue();
    }

    @Test
    void typingWorksWhileModelsLoadAndTalkingWaitsForThem() {
        List<Runnable> pending = new ArrayList<>();
        MainViewModel loading = new MainViewModel(assistant,
                new Tasks(pending::add, UiThread.CURRENT_THREAD), banners);
        loading.load(List.of(new LoadStep("speech model", () -> { }), new LoadStep("voice", () -> { })));
        assertThat(loading.speechReadyProperty().get()).isFalse();
        assertThat(loading.statusTextProperty().get()).isEqualTo("Loading speech model… You can type meanwhile.");

        loading.inputProperty().set("hello");
        loading.send();
        loading.pressToTalk();
        assertThat(assistant.calls).containsExactly("ask:hello");
        assertThat(banners.shown()).extracting(Banner::key).contains("ptt");

        pending.removeFirst().run();
        assertThat(loading.loadProgressProperty().get()).isEqualTo(0.5);
        assertThat(loading.loadMessageProperty().get()).isEqualTo("Loading voice…");
        pending.removeFirst().run();
        assertThat(loading.speechReadyProperty().get()).isTrue();
        assertThat(loading.statusTextProperty().get()).isEqualTo("Ready");
    }

    @Test
    void aFailedLoadStepSaysHowToFixItAndTypingGoesOn() {
        model.load(List.of(new LoadStep("speech model", () -> {
            throw new IllegalStateException("/nowhere is not a Vosk model.");
        })));
        assertThat(banners.shown()).extracting(Banner::message).containsExactly("Could not load the speech model:"
                + " /nowhere is not a Vosk model. Typed questions still work; fix it in Settings and Parley tries"
                + " again when you save.");
        assertThat(model.statusTextProperty().get()).isEqualTo("Ready (typing only)");
    }

    @Test
    void aFailedLoadStepIsLoggedOnceAsAWarningWithoutSecrets() {
        dev.parley.secrets.Redaction.remember("sk-load-step-secret-123456");
        try (CapturedLog log = CapturedLog.of(MainViewModel.class)) {
            model.load(List.of(new LoadStep("voice", () -> {
                throw new IllegalStateException("The voice no-such-voice is not installed (key sk-load-step-secret-123456).");
            })));

            assertThat(log.at(Level.WARN)).containsExactly("Could not load the voice: The voice no-such-voice is not"
                    + " installed (key ***).");
        }
    }

    /** The fix for a missing sound device is shell commands: behind Copy, not in the banner's words. */
    @Test
    void aDeviceFailureShowsItsWordsAndKeepsItsCommandsForCopy() {
        model.load(List.of(new LoadStep("speakers", () -> {
            throw new dev.parley.audio.AudioDeviceException("No audio output device found.",
                    "sudo apt-get install pulseaudio\npulseaudio --start");
        })));
        model.handle(new VoiceEvent.MicrophoneStatus("The microphone stopped.", "pulseaudio --start"));

        assertThat(banners.shown()).extracting(Banner::key, Banner::message, Banner::commands).containsExactlyInAnyOrder(
                tuple("load", "Could not load the speakers: No audio output device found. Typed questions still work;"
                        + " fix it in Settings and Parley tries again when you save.",
                        "sudo apt-get install pulseaudio\npulseaudio --start"),
                tuple("microphone", "The microphone stopped.", "pulseaudio --start"));
    }

    @Test
    void aSavedConfigRetriesAFailedStartAndOnlyAFailedOne() {
        List<String> ran = new ArrayList<>();
        model.load(List.of(new LoadStep("speech model", () -> {
            throw new IllegalStateException("/nowhere is not a Vosk model.");
        })));
        List<LoadStep> fixed = List.of(new LoadStep("speech model", () -> ran.add("speech model")),
                new LoadStep("voice", () -> ran.add("voice")));

        model.retryLoad(fixed);

        assertThat(ran).containsExactly("speech model", "voice");
        assertThat(model.speechReadyProperty().get()).isTrue();
        assertThat(banners.shown()).extracting(Banner::key).doesNotContain("load");
        model.retryLoad(fixed); // ready now: a later save loads nothing again
        assertThat(ran).containsExactly("speech model", "voice");
    }

    @Test
    void aStartStillLoadingIsNotStartedAgainBySaving() {
        List<String> ran = new ArrayList<>();
        List<Runnable> pending = new ArrayList<>();
        MainViewModel loading = new MainViewModel(assistant, new Tasks(pending::add, UiThread.CURRENT_THREAD), banners);
        loading.load(List.of(new LoadStep("speech model", () -> ran.add("first"))));

        loading.retryLoad(List.of(new LoadStep("speech model", () -> ran.add("again"))));
        pending.forEach(Runnable::run);

        assertThat(ran).containsExactly("first");
    }

    @Test
    void aRestoredAnswerShowsItsToolCallsAsTheyWereShownLive() {
        ready();
        Instant at = Instant.parse("2026-12-04T09:00:00Z");
        var call = new ToolCall("call_1", "current_time", "{\"zone\": \"UTC\"}", "12:00");

        model.showTurns(List.of(Turn.user("hi", at),
                Turn.assistant("Hello there.", at, null, false, List.of(new ToolRound("", List.of(call))))));

        assertThat(model.transcript()).hasSize(2);
        assertThat(model.transcript().getLast().toolCalls()).containsExactly("current_time {\"zone\": \"UTC\"} → 12:00");
        assertThat(model.transcript().getFirst().toolCalls()).isEmpty();
    }

    @Test
    void aSpeechPartSwappedInSaysItLoadsThenThatItChangedAndAFailureSaysWhyInItsPlace() {
        ready();
        assistant.emit(new VoiceEvent.SpeechPartChange("speech model", VoiceEvent.SpeechPartChange.Step.LOADING, ""));
        assertThat(banners.shown()).extracting(Banner::level, Banner::message)
                .containsExactly(tuple(Banner.Level.INFO, "Loading the speech model…"));

        assistant.emit(new VoiceEvent.SpeechPartChange("speech model", VoiceEvent.SpeechPartChange.Step.CHANGED,
                "/models/vosk-model-en-us-0.22"));
        assistant.emit(new VoiceEvent.SpeechPartChange("voice", VoiceEvent.SpeechPartChange.Step.FAILED,
                "There is no MaryTTS voice 'x'. The voice in use stays."));

        assertThat(banners.shown()).extracting(Banner::level, Banner::message).containsExactly(
                tuple(Banner.Level.ERROR, "There is no MaryTTS voice 'x'. The voice in use stays."),
                tuple(Banner.Level.CONFIRMATION, "Speech model changed: /models/vosk-model-en-us-0.22."));
        assertThat(model.statusTextProperty().get()).isEqualTo("Ready");
    }
}
