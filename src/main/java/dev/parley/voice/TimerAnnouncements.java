package dev.parley.voice;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A finished timer, told through the assistant: on its event stream ({@code timer.done} for the
 * window, the API and the CLI), and aloud when it has a voice. A timer never cuts off an answer or
 * a question being asked: when the assistant is busy, it is said as soon as it is idle again.
 */
public final class TimerAnnouncements {

    private TimerAnnouncements() {}

    public static void announce(TurnController assistant, String label) {
        assistant.events().accept(new VoiceEvent.TimerDone(label));
        if (!assistant.speaks()) {
            return;
        }
        String sentence = label.equals("timer") ? "Your timer is done." : "Your " + label + " timer is done.";
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
