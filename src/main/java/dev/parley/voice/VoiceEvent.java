package dev.parley.voice;

import dev.parley.pipeline.TurnEvent;
import dev.parley.pipeline.TurnTimings;

/**
 * Everything the assistant reports, as typed events: its state, the microphone, each turn (as
 * {@link TurnEvent}s), what was heard, the waterfall and provider switches. The one stream the
 * window, the CLI and the control API render, published by the {@link TurnController}. Events arrive on Parley's worker threads (capture, recognition, model, playback);
 * a renderer hands them to its own thread.
 */
public sealed interface VoiceEvent {

    /** The state machine moved. {@code detail} explains ERROR and INTERRUPTED, else it is "". */
    record StateChanged(VoiceState from, VoiceState to, long turn, String detail) implements VoiceEvent {}

    /** Microphone level in dBFS (≤ 0; -100 for silence), about 20 times a second while it is open. */
    record Level(double dbfs) implements VoiceEvent {}

    /**
     * The microphone failed ({@code problem} says what to do, in words; {@code commands}, one a line,
     * set it right where there are any) or, with an empty problem, works again. Parley keeps trying to
     * reopen it meanwhile.
     */
    record MicrophoneStatus(String problem, String commands) implements VoiceEvent {
        public MicrophoneStatus(String problem) {
            this(problem, "");
        }

        public boolean working() {
            return problem.isEmpty();
        }
    }

    /** Hands-free: the wake word was heard; what follows it is the question. */
    record WakeWordHeard(long turn) implements VoiceEvent {}

    /** The words recognized so far while the user is still talking; may change as more audio arrives. */
    record PartialTranscript(long turn, String text) implements VoiceEvent {}

    /** The final transcript of the user's utterance ("" if nothing was recognized). */
    record FinalTranscript(long turn, String text) implements VoiceEvent {}

    /** What the model and the voice did in this turn: text, reasoning, tool calls, chunks, completion. */
    record Reply(TurnEvent event) implements VoiceEvent {}

    /** The first sound of the turn's answer (or announcement) reached the speaker. */
    record AudioStarted(long turn) implements VoiceEvent {}

    /** Playback progress: the part of the answer the user has heard so far, grows chunk by chunk. */
    record Heard(long turn, String text) implements VoiceEvent {}

    /**
     * The user cut the answer off. {@code heard} is what was actually played before the stop, and is
     * what the conversation keeps (marked interrupted).
     */
    record Interrupted(long turn, String heard) implements VoiceEvent {}

    /**
     * A timer the user set ({@code set_timer}) is done; {@code label} says what it was for ("timer"
     * when unnamed), {@code text} is what the user is told, and {@code whileClosed} marks one that
     * went off while Parley was closed, told at the next start.
     */
    record TimerDone(String label, String text, boolean whileClosed) implements VoiceEvent {}

    /** Another provider answers from the next turn on ({@code description}: provider, model and endpoint). */
    record ProviderChanged(String provider, String description) implements VoiceEvent {}

    /**
     * A speech part saved in Settings is swapped in while Parley runs ({@code part}: "speech model",
     * "voice", "output device" or "input device"): {@code LOADING}, then {@code CHANGED} (it serves the
     * next utterance or answer), or {@code FAILED} with {@code detail} saying why; the part in use stays.
     */
    record SpeechPartChange(String part, Step step, String detail) implements VoiceEvent {

        public enum Step { LOADING, CHANGED, FAILED }
    }

    /**
     * A provider's health changed: a check found it answering or not, or its circuit breaker opened
     * (failed too often, skipped for a while) or closed. {@code detail} says what to do when unhealthy.
     */
    record ProviderHealth(String provider, boolean healthy, String detail) implements VoiceEvent {}

    /**
     * Spending reached 80 % of a budget, said once per limit and day or month: {@code limit} is its
     * config key ("usage.budget.daily", "llm.providers.NAME.budget.monthly"), {@code text} what to tell.
     */
    record BudgetWarning(String limit, String text) implements VoiceEvent {}

    /**
     * The turn's latency waterfall, from the end of the user's speech; sent once the turn ends, last
     * of its events but the state change. {@code answer} is the completed answer (reply and usage),
     * or null when the turn did not complete (failed, cut off, stopped).
     */
    record Waterfall(long turn, TurnTimings timings, TurnEvent.Completed answer) implements VoiceEvent {

        public Waterfall(long turn, TurnTimings timings) {
            this(turn, timings, null);
        }
    }
}
