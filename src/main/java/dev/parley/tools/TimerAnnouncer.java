package dev.parley.tools;

/** Tells the user that a timer is done: printed by the CLI, shown by the window, spoken by the voice path. */
@FunctionalInterface
public interface TimerAnnouncer {

    void timerDone(FinishedTimer timer);
}
