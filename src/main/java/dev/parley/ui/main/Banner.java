package dev.parley.ui.main;

import dev.parley.Throwables;
import dev.parley.audio.AudioDeviceException;
import dev.parley.ui.Tasks;

/**
 * A non-modal error shown above the conversation: what went wrong and how to fix it.
 *
 * @param key identifies the source, so a repeated error replaces its banner instead of stacking
 * @param commands shell commands that fix it, one a line, behind a Copy button rather than in the
 *     message; "" when there are none
 */
public record Banner(String key, Level level, String message, String commands) {

    public enum Level { ERROR, WARNING, INFO }

    public Banner(String key, Level level, String message) {
        this(key, level, message, "");
    }

    /** An error saying {@code before} + what {@code failure} says + {@code after}; a device's commands go behind Copy. */
    public static Banner failure(String key, String before, Throwable failure, String after) {
        return Throwables.causeOf(failure, AudioDeviceException.class)
                .map(device -> new Banner(key, Level.ERROR, before + device.words() + after, device.commands()))
                .orElseGet(() -> new Banner(key, Level.ERROR, before + Tasks.message(failure) + after, ""));
    }

    public static Banner error(String key, String message) {
        return new Banner(key, Level.ERROR, message);
    }

    public static Banner warning(String key, String message) {
        return new Banner(key, Level.WARNING, message);
    }

    public static Banner info(String key, String message) {
        return new Banner(key, Level.INFO, message);
    }
}
