package dev.parley.ui.main;

/**
 * A non-modal error shown above the conversation: what went wrong and how to fix it.
 *
 * @param key identifies the source, so a repeated error replaces its banner instead of stacking
 */
public record Banner(String key, Level level, String message) {

    public enum Level { ERROR, WARNING, INFO }

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
