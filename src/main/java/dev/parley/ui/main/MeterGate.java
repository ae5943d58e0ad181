package dev.parley.ui.main;

import dev.parley.audio.LevelMeter;
import dev.parley.voice.VoiceEvent;
import dev.parley.voice.VoiceState;
import java.util.function.Consumer;
import javafx.beans.value.ObservableDoubleValue;
import javafx.beans.value.ObservableValue;

/**
 * Lets through to the JavaFX thread only the microphone levels the meter would draw: none while
 * Parley is not listening (the meter rests between turns), and while it listens only those the meter
 * would draw differently.
 *
 * <p>The microphone reports its level 20 times a second for as long as it is open, and every event
 * reaching the window costs a hand-over to the JavaFX thread and, if the level changed, a redraw. A
 * real microphone's level changes at nearly every reading, even in a quiet room: an idle window with
 * a live meter used 6 % of a core (docs/performance.md, "The idle window in a room that is not
 * silent"). While listening, a level is held back only when it is the one last passed on and also
 * the one shown, to a hundredth of the meter (less than a pixel of the input bar's meter): a level
 * passed on but not yet shown, or one the window has since reset, never hides a new one. Any other
 * event always passes.
 */
final class MeterGate {

    /** Steps of the meter that count as a change: a hundredth of its length. */
    private static final int STEPS = 100;

    private volatile long shownStep;
    /** The step of the last level passed on, by the thread that reports levels (the microphone's). */
    private volatile long passedStep = -1;
    private volatile boolean listening;

    private MeterGate(ObservableDoubleValue shown, ObservableValue<VoiceState> state) {
        shownStep = step(shown.get());
        shown.addListener((observable, old, now) -> shownStep = step(now.doubleValue()));
        listening = state.getValue() == VoiceState.LISTENING;
        state.addListener((observable, old, now) -> listening = now == VoiceState.LISTENING);
    }

    /**
     * {@code handler}, passed only the events that would change what the window shows, given the level
     * it shows and the voice's state there (the window itself ignores a level that arrives once the
     * state has left {@link VoiceState#LISTENING}).
     */
    static Consumer<VoiceEvent> inFrontOf(ObservableDoubleValue shownLevel, ObservableValue<VoiceState> shownState,
            Consumer<VoiceEvent> handler) {
        MeterGate gate = new MeterGate(shownLevel, shownState);
        return event -> {
            if (event instanceof VoiceEvent.Level sample) {
                long step = step(LevelMeter.meterLevel(sample.dbfs()));
                if (!gate.listening || step == gate.passedStep && step == gate.shownStep) {
                    return;
                }
                gate.passedStep = step;
            }
            handler.accept(event);
        };
    }

    private static long step(double meterLevel) {
        return Math.round(meterLevel * STEPS);
    }
}
