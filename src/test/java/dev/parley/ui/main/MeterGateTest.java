package dev.parley.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.audio.LevelMeter;
import dev.parley.voice.VoiceEvent;
import dev.parley.voice.VoiceState;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;

class MeterGateTest {

    private final SimpleDoubleProperty shown = new SimpleDoubleProperty(0);
    private final SimpleObjectProperty<VoiceState> state = new SimpleObjectProperty<>(VoiceState.LISTENING);
    private final List<VoiceEvent> passed = new ArrayList<>();
    /** The window's side: what passes is shown, as MainViewModel.handle does. */
    private final Consumer<VoiceEvent> gate = MeterGate.inFrontOf(shown, state, event -> {
        passed.add(event);
        if (event instanceof VoiceEvent.Level sample) {
            shown.set(LevelMeter.meterLevel(sample.dbfs()));
        }
    });

    @Test
    void aQuietRoomsLevelReachesTheWindowOnceNotTwentyTimesASecond() {
        for (int i = 0; i < 100; i++) {
            gate.accept(new VoiceEvent.Level(-120)); // below the meter's floor: an empty meter
        }
        gate.accept(new VoiceEvent.Level(-30));
        for (int i = 0; i < 100; i++) {
            gate.accept(new VoiceEvent.Level(-30.01)); // the same to well under a pixel
        }

        assertThat(passed).containsExactly(new VoiceEvent.Level(-120), new VoiceEvent.Level(-30));
    }

    @Test
    void aLevelTheMeterWouldDrawDifferentlyAlwaysPasses() {
        gate.accept(new VoiceEvent.Level(-30));
        gate.accept(new VoiceEvent.Level(-20));
        gate.accept(new VoiceEvent.Level(-30));

        assertThat(passed).hasSize(3);
    }

    @Test
    void aLevelEqualToOneTheWindowHasSinceResetIsShownAgain() {
        gate.accept(new VoiceEvent.Level(-30));
        shown.set(0); // the meter rests between turns

        gate.accept(new VoiceEvent.Level(-30));

        assertThat(passed).hasSize(2);
    }

    /** The hand-over to the JavaFX thread is not instant: a level on its way is not yet the one shown. */
    @Test
    void aLevelEqualToTheShownOneStillPassesWhileADifferentOneIsOnItsWay() {
        List<VoiceEvent> queued = new ArrayList<>();
        Consumer<VoiceEvent> slowWindow = MeterGate.inFrontOf(shown, state, queued::add);
        shown.set(LevelMeter.meterLevel(-30));

        slowWindow.accept(new VoiceEvent.Level(-20)); // posted, not yet shown
        slowWindow.accept(new VoiceEvent.Level(-30)); // the level shown, but no longer the latest

        assertThat(queued).containsExactly(new VoiceEvent.Level(-20), new VoiceEvent.Level(-30));
    }

    /** A real microphone's level changes at nearly every reading: between turns none reaches the window. */
    @Test
    void noLevelPassesWhileParleyIsNotListeningAndTheyPassAgainWhenItListens() {
        for (VoiceState notListening : List.of(VoiceState.IDLE, VoiceState.THINKING, VoiceState.SPEAKING)) {
            state.set(notListening);
            for (int i = 0; i < 20; i++) {
                gate.accept(new VoiceEvent.Level(-50 + i % 3));
            }
        }
        assertThat(passed).isEmpty();

        state.set(VoiceState.LISTENING);
        gate.accept(new VoiceEvent.Level(-50));

        assertThat(passed).containsExactly(new VoiceEvent.Level(-50));
    }

    @Test
    void everyOtherEventPasses() {
        state.set(VoiceState.IDLE);
        VoiceEvent changed = new VoiceEvent.StateChanged(VoiceState.IDLE, VoiceState.LISTENING, 1, "");
        gate.accept(changed);
        gate.accept(changed);

        assertThat(passed).containsExactly(changed, changed);
    }
}
