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
 * most of its CPU after the microphone's own). A level is held back only when it is the one last
 * passed on and also the one shown, to a hundredth of the meter (less than a pixel of the input
 * bar's meter): a level passed on but not yet shown, or one the window has since reset (the meter
 * rests between turns), never hides a new one. Any other event always passes.
 */
final class MeterGate {

    /** Steps of the meter that count as a change: a hundredth of its length. */
    private static final int STEPS = 100;

    private volatile long shownStep;
    /** The step of the last level passed on, by the thread that reports levels (the microphone's). */
    private volatile long passedStep = -1;

    private MeterGate(ObservableDoubleValue shown) {
        shownStep = step(shown.get());
        shown.addListener((observable, old, now) -> shownStep = step(now.doubleValue()));
    }

    /** {@code handler}, passed only the events that would change what the window shows. */
    static Consumer<VoiceEvent> inFrontOf(ObservableDoubleValue shownLevel, Consumer<VoiceEvent> handler) {
        MeterGate gate = new MeterGate(shownLevel);
        return event -> {
            if (event instanceof VoiceEvent.Level sample) {
                long step = step(LevelMeter.meterLevel(sample.dbfs()));
                if (step == gate.passedStep && step == gate.shownStep) {
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
