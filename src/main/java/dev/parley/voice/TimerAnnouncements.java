package dev.parley.voice;

import dev.parley.tools.FinishedTimer;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A finished timer, told through the assistant: on its event stream ({@code timer.done} for the
 * window, the API and the CLI), and aloud when it has a voice. A timer never cuts off an answer or
 * a question being asked: when the assistant is busy, it is said as soon as it is idle again. A timer
 * that went off while Parley was closed is told the same way at the next start, saying when.
 */
public final class TimerAnnouncements {

    private TimerAnnouncements() {}

    public static void announce(TurnController assistant, FinishedTimer timer) {
        announce(assistant, timer, Clock.systemDefaultZone());
    }

    /** {@code clock} gives the zone and today's date a missed timer's time is said in. */
    public static void announce(TurnController assistant, FinishedTimer timer, Clock clock) {
        String sentence = timer.sentence(clock.getZone(), clock.instant());
        assistant.events().accept(new VoiceEvent.TimerDone(timer.label(), sentence, timer.whileClosed()));
        if (!assistant.speaks()) {
            return;
        }
        if (assistant.state() == VoiceState.IDLE) {
            assistant.say(sentence);
            return;
        }
        AtomicBoolean said = new AtomicBoolean();
        AtomicReference<AutoCloseable> waiting = new AtomicReference<>();
        waiting.set(assistant.subscribe(event -> {
            if (event instanceof VoiceEvent.StateChanged changed && changed.to() == VoiceState.IDLE
                    && said.compareAndSet(false, true)) {
                assistant.say(sentence);
                stop(waiting.get());
            }
        }));
        if (said.get()) {
            stop(waiting.get()); // it became idle before the handle was there
        }
    }

    private static void stop(AutoCloseable subscription) {
        if (subscription == null) {
            return;
        }
        try {
            subscription.close();
        } catch (Exception e) {
            throw new IllegalStateException("could not unsubscribe", e);
        }
    }
}
