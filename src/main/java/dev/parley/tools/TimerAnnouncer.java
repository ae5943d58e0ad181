package dev.parley.tools;

/** Tells the user that a timer is done: printed by the CLI, shown by the window, spoken by the voice path. */
@FunctionalInterface
public interface TimerAnnouncer {

    /**
     * Nobody is there when a timer ends: a one-shot command ({@code ask}, {@code turn}) ends after
     * its answer. Tools made for it offer no timers, so the model cannot promise one that never rings.
     */
    TimerAnnouncer NOBODY = timer -> { };

    void timerDone(FinishedTimer timer);
}
