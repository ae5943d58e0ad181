package dev.parley.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.voice.VoiceEvent;
import dev.parley.voice.VoiceState;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("ui")
class HandOverAssistantTest {

    @Test
    void theVoiceLoopTakesOverWithTheConversationAndTheSubscribers() {
        ScriptedVoiceAssistant typed = new ScriptedVoiceAssistant();
        ScriptedVoiceAssistant voice = new ScriptedVoiceAssistant();
        HandOverAssistant assistant = new HandOverAssistant(typed);
        List<VoiceEvent> seen = new ArrayList<>();
        assistant.subscribe(seen::add);

        assistant.ask("first");
        assistant.handOver(voice);
        typed.move(VoiceState.THINKING, ""); // the stand-in is no longer heard
        int before = seen.size();
        assistant.pressToTalk();

        assertThat(typed.calls).containsExactly("ask:first", "stop", "close");
        assertThat(voice.calls).containsExactly("use-conversation", "press");
        assertThat(voice.conversation()).isSameAs(typed.conversation());
        assertThat(voice.conversation().turnCount()).isEqualTo(2);
        assertThat(seen.subList(before, seen.size())).first()
                .isEqualTo(new VoiceEvent.StateChanged(VoiceState.IDLE, VoiceState.LISTENING, 1, ""));
        assertThat(assistant.state()).isEqualTo(VoiceState.LISTENING);
    }
}
