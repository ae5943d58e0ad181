package dev.parley.tools;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * A timer that went off: while Parley ran, or while it was closed (then told at the next start).
 *
 * @param label what the timer is for; "timer" when it has no label
 * @param seconds how long it was set for
 * @param wentOff when it was due
 * @param whileClosed it went off while no Parley was running to tell it
 */
public record FinishedTimer(String label, long seconds, Instant wentOff, boolean whileClosed) {

    /** What the user is told, in {@code zone}'s clock time, e.g. "Your tea timer is done." */
    public String sentence(ZoneId zone, Instant now) {
        String named = labelled() ? " timer '" + label + "'" : " timer";
        if (!whileClosed) {
            return labelled() ? "Your " + label + " timer is done." : "Your timer is done.";
        }
        ZonedDateTime at = wentOff.atZone(zone);
        String when = "at " + at.format(DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT));
        if (!at.toLocalDate().equals(LocalDate.ofInstant(now, zone))) {
            when += " on " + at.format(DateTimeFormatter.ofPattern("d MMMM", Locale.ENGLISH));
        }
        return "Your " + length() + named + " went off " + when + " while Parley was closed.";
    }

    private boolean labelled() {
        return !label.equals("timer");
    }

    /** "5-minute", "2-hour", "90-second", "1 hour 30 minutes" */
    private String length() {
        Duration length = Duration.ofSeconds(seconds);
        if (seconds % 3600 == 0) {
            return length.toHours() + "-hour";
        }
        if (seconds % 60 == 0 && seconds < 3600) {
            return length.toMinutes() + "-minute";
        }
        if (seconds < 60) {
            return seconds + "-second";
        }
        return Timers.spoken(seconds);
    }
}
