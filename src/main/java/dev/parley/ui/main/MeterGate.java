package dev.parley.ui.main;

import dev.parley.audio.LevelMeter;
import dev.parley.voice.VoiceEvent;
import java.util.function.Consumer;
import javafx.beans.value.ObservableDoubleValue;

/**
 * Lets through to the JavaFX thread only the microphone levels the meter would draw differently.
 *
 * <p>The microphone reports its level 20 times a second for as long as it is open, and every event
 * reaching the window costs a hand-over to the JavaFX thread. An idle window in a quiet room mostly
 * got the level it already showed (the idle window's JavaFX thread and its hand-over thread were
 * most of its CPU after the microphone's own). A level is passed on when it differs from the one
 * shown by a hundredth of the meter (less than a pixel of the input bar's meter) or more; any other
 * event always is. What is shown is read from the meter's own value, so a level the window reset
 * (the meter rests between turns) is never mistaken for one still shown.
 */
final class MeterGate {

    /** Steps of the meter that count as a change: a hundredth of its length. */
    private static final int STEPS = 100;

    private volatile long shownStep;

    private MeterGate(ObservableDoubleValue shown) {
        shownStep = step(shown.get());
        shown.addListener((observable, old, now) -> shownStep = step(now.doubleValue()));
    }

    /** {@code handler}, passed only the events that would change what the window shows. */
    static Consumer<VoiceEvent> inFrontOf(ObservableDoubleValue shownLevel, Consumer<VoiceEvent> handler) {
        MeterGate gate = new MeterGate(shownLevel);
        return event -> {
            if (!(event instanceof VoiceEvent.Level sample) || step(LevelMeter.meterLevel(sample.dbfs())) != gate.shownStep) {
                handler.accept(event);
            }
        };
    }

    private static long step(double meterLevel) {
        return Math.round(meterLevel * STEPS);
    }
}
