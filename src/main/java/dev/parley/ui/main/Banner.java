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
 * @param action a button that does what the message asks, or {@link Action#NONE}
 */
public record Banner(String key, Level level, String message, String commands, Action action) {

    /** {@code CONFIRMATION}: something the user did worked; it goes by itself ({@link Banners}). */
    public enum Level { ERROR, WARNING, INFO, CONFIRMATION }

    /** A button beside the message, such as "Restart Parley"; {@code run} is called on the JavaFX thread. */
    public record Action(String label, Runnable run) {
        public static final Action NONE = new Action("", () -> { });
    }

    public Banner(String key, Level level, String message, String commands) {
        this(key, level, message, commands, Action.NONE);
    }

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

    /** What the user did worked ("Saved: …", "Exported …"): shown for a few seconds or until the next turn. */
    public static Banner confirmation(String key, String message) {
        return new Banner(key, Level.CONFIRMATION, message);
    }
}
