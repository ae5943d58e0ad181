package dev.parley.cli;

import java.util.regex.Pattern;

/**
 * What a line typed into {@code parley chat} is: a command or a question. A command is a slash and a
 * word of letters, perhaps with more after a space ("/quit", "/provider local"); any other line is
 * asked, so "/etc/hosts is what?" or "/2 of 10" reaches the model instead of being refused as an
 * unknown command. "//" at the start asks the rest with one slash: "//quit" asks "/quit".
 */
final class ChatLine {

    private static final Pattern COMMAND = Pattern.compile("/\\p{IsAlphabetic}+(\\s.*)?");

    private ChatLine() {}

    /** Whether {@code line} (stripped) is a command for the chat rather than a question. */
    static boolean isCommand(String line) {
        return COMMAND.matcher(line).matches();
    }

    /** The question {@code line} (stripped, not a command) asks: with "//" at its start, one slash goes. */
    static String question(String line) {
        return line.startsWith("//") ? line.substring(1) : line;
    }
}
