package dev.parley.audio;

import dev.parley.ParleyException;

/**
 * No usable audio device: none exists, the named one does not exist, or it refused every format
 * Parley offered. The message says which and what to do about it.
 */
public final class AudioDeviceException extends ParleyException {

    private final String words;
    private final String commands;

    public AudioDeviceException(String message) {
        super(message);
        this.words = message;
        this.commands = "";
    }

    /**
     * {@code words} say what is wrong in plain language; {@code commands} (one a line) set it right.
     * The message, for a terminal or a log, carries both.
     */
    public AudioDeviceException(String words, String commands) {
        super(inOneLine(words, commands));
        this.words = words;
        this.commands = commands.strip();
    }

    public AudioDeviceException(String message, Throwable cause) {
        super(message, cause);
        this.words = message;
        this.commands = "";
    }

    /** {@code words}, then the {@code commands} on the same line, for a terminal or a log. */
    public static String inOneLine(String words, String commands) {
        return words + (commands.isBlank() ? "" : " Commands: " + commands.strip().replace("\n", "; "));
    }

    /** What is wrong, in plain words (the window shows this, with the commands behind a Copy button). */
    public String words() {
        return words;
    }

    /** Shell commands that fix it, one a line; "" when there are none. */
    public String commands() {
        return commands;
    }
}
