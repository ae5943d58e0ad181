package dev.parley.api;

import dev.parley.voice.VoiceEvent;
import dev.parley.voice.VoiceState;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Follows the one turn an API ask started, on the controller's stream: the first turn that starts
 * thinking after the ask is it (asks through the API run one at a time). Only queues on the
 * publishing thread; the request's thread takes the events off and writes them.
 */
final class TurnWatch implements Consumer<VoiceEvent> {

    private final BlockingQueue<VoiceEvent> events = new LinkedBlockingQueue<>();
    private final Runnable onEnd;
    private volatile long turn = -1;

    TurnWatch() {
        this(() -> { });
    }

    /** {@code onEnd}: run on the publishing thread once the watched turn has ended, before its events are written. */
    TurnWatch(Runnable onEnd) {
        this.onEnd = onEnd;
    }

    @Override
    public void accept(VoiceEvent event) {
        if (turn < 0 && event instanceof VoiceEvent.StateChanged changed && changed.to() == VoiceState.THINKING) {
            turn = changed.turn();
        }
        if (turn >= 0 && turnOf(event) == turn) {
            events.add(event);
            if (ends(event)) {
                onEnd.run();
            }
        }
    }

    /** The next event of the watched turn, or null if none came within {@code millis}. */
    VoiceEvent next(long millis) throws InterruptedException {
        return events.poll(millis, TimeUnit.MILLISECONDS);
    }

    long turn() {
        return turn;
    }

    /** Whether nothing more of the turn will come: it came to rest, or it was cut off. */
    static boolean ends(VoiceEvent event) {
        return event instanceof VoiceEvent.Interrupted
                || event instanceof VoiceEvent.StateChanged changed && (changed.to() == VoiceState.IDLE
                        || changed.to() == VoiceState.ERROR || changed.to() == VoiceState.INTERRUPTED);
    }

    private static long turnOf(VoiceEvent event) {
        return switch (event) {
            case VoiceEvent.StateChanged e -> e.turn();
            case VoiceEvent.Reply e -> e.event().turn();
            case VoiceEvent.Heard e -> e.turn();
            case VoiceEvent.AudioStarted e -> e.turn();
            case VoiceEvent.WakeWordHeard e -> e.turn();
            case VoiceEvent.ProviderHealth e -> -2;
            case VoiceEvent.BudgetWarning e -> -2;
            case VoiceEvent.TimerDone e -> -2;
            case VoiceEvent.Interrupted e -> e.turn();
            case VoiceEvent.Waterfall e -> e.turn();
            case VoiceEvent.PartialTranscript e -> e.turn();
            case VoiceEvent.FinalTranscript e -> e.turn();
            case VoiceEvent.Level e -> -2;
            case VoiceEvent.MicrophoneStatus e -> -2;
            case VoiceEvent.ProviderChanged e -> -2;
            case VoiceEvent.SpeechPartChange e -> -2;
        };
    }
}
