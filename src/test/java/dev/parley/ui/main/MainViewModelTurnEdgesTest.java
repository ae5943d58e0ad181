package dev.parley.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.pipeline.TurnEvent;
import dev.parley.ui.ScriptedVoiceAssistant;
import dev.parley.ui.Tasks;
import dev.parley.voice.VoiceEvent;
import dev.parley.voice.VoiceState;
import org.junit.jupiter.api.Test;

/** What a turn's start and the end of its text change in the window's state besides the transcript. */
class MainViewModelTurnEdgesTest {

    private final ScriptedVoiceAssistant assistant = new ScriptedVoiceAssistant();
    private final Banners banners = new Banners();
    private final MainViewModel model = new MainViewModel(assistant, Tasks.direct(), banners);

    @Test
    void theNextTurnDismissesTheConfirmationsOfWhatWasDoneBefore() {
        banners.show(Banner.confirmation("welcome", "Saved: ollama answers from now on."));
        banners.show(Banner.warning("budget", "80 % of the daily budget is spent."));

        assistant.emit(new VoiceEvent.Reply(new TurnEvent.Started(assistant.nextTurn(), "hi", "local")));

        assertThat(banners.shown()).extracting(Banner::key).containsExactly("budget");
    }

    @Test
    void anAnswerWhoseTextIsWholeStopsStreamingWhileItIsStillSpoken() {
        long turn = assistant.nextTurn();
        assistant.emit(new VoiceEvent.Reply(new TurnEvent.Started(turn, "hi", "local")));
        assistant.emit(new VoiceEvent.Reply(new TurnEvent.Text(turn, "Hello there.")));
        assistant.move(VoiceState.SPEAKING, "");

        assistant.emit(new VoiceEvent.Reply(new TurnEvent.Written(turn)));

        TranscriptEntry answer = model.transcript().getLast();
        assertThat(answer.streamingProperty().get()).isFalse();
        assertThat(answer.text()).isEqualTo("Hello there.");
    }

}
