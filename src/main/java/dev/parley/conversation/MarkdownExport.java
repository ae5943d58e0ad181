package dev.parley.conversation;

import dev.parley.image.TurnImage;
import dev.parley.text.UnicodeControls;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Renders turns as a Markdown transcript for people: who said what, the pictures a turn showed as
 * image links under it, an answer's tool calls as compact lines before it ({@code ⚙ calculate
 * {"expression":"21*2"} → 42}), reasoning only on request.
 */
final class MarkdownExport {

    /** A line of a turn's text that begins as a speaker's label does, however indented. */
    private static final Pattern SPEAKER_LABEL = Pattern.compile("(?m)^([ \\t]*)\\*\\*(You|Parley):\\*\\*");

    private MarkdownExport() {}

    /**
     * {@code text} with the speaker labels it holds escaped: an answer (or a tool result it repeats) with a
     * line "**You:** ..." read in the export as a turn the user never typed. Escaped, it shows the asterisks.
     */
    private static String spoken(String text) {
        return SPEAKER_LABEL.matcher(text).replaceAll("$1\\\\*\\\\*$2:\\\\*\\\\*");
    }

    /** {@code name} with each run of line breaks as one space. */
    private static String oneLine(String name) {
        StringBuilder line = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!UnicodeControls.isLineBreak(c)) {
                line.append(c);
            } else if (i == 0 || !UnicodeControls.isLineBreak(name.charAt(i - 1))) {
                line.append(' ');
            }
        }
        return line.toString();
    }

    /** {@code link}: where a picture's link points. */
    static String render(String name, List<Turn> turns, boolean includeReasoning, Function<TurnImage, String> link) {
        // The heading is one line: a name from a hand-edited file could carry line breaks.
        StringBuilder markdown = new StringBuilder("# ").append(oneLine(name)).append("\n");
        for (Turn turn : turns) {
            markdown.append('\n');
            if (turn.role() == Message.Role.USER) {
                markdown.append("**You:** ").append(spoken(turn.text())).append('\n');
                for (int i = 0; i < turn.images().size(); i++) {
                    markdown.append('\n').append("![image ").append(i + 1).append("](")
                            .append(link.apply(turn.images().get(i))).append(")\n");
                }
                continue;
            }
            if (includeReasoning && turn.reasoning() != null) {
                markdown.append("> **Reasoning:**\n");
                turn.reasoning().strip().lines().forEach(line -> markdown.append("> ").append(line).append('\n'));
                markdown.append('\n');
            }
            for (ToolCall call : turn.toolCalls()) {
                markdown.append("⚙ ").append(call.compactLine()).append("  \n");
            }
            if (!turn.toolCalls().isEmpty()) {
                markdown.append('\n');
            }
            markdown.append("**Parley:** ").append(spoken(turn.text()));
            if (turn.interrupted()) {
                markdown.append(" *(interrupted)*");
            }
            markdown.append('\n');
        }
        return markdown.toString();
    }
}
