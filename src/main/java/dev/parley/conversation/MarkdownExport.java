package dev.parley.conversation;

import dev.parley.image.TurnImage;
import dev.parley.text.UnicodeControls;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders turns as a Markdown transcript for people: who said what, the pictures a turn showed as
 * image links under it, an answer's tool calls as compact lines before it ({@code ⚙ calculate
 * {"expression":"21*2"} → 42}), the note under an answer the provider ended early, as the window
 * shows it, reasoning only on request.
 */
final class MarkdownExport {

    /** A line of a turn's text that begins as a speaker's label does, however indented. */
    private static final Pattern SPEAKER_LABEL = Pattern.compile("(?m)^([ \\t]*)\\*\\*(You|Parley):\\*\\*");

    /** A line that opens or closes a fenced code block: its fence. */
    private static final Pattern FENCE = Pattern.compile("^ {0,3}(`{3,}|~{3,})");

    private MarkdownExport() {}

    /**
     * {@code text} with the speaker labels it holds escaped: an answer (or a tool result it repeats) with a
     * line "**You:** ..." read in the export as a turn the user never typed. Escaped, it shows the asterisks.
     */
    private static String spoken(String text) {
        return SPEAKER_LABEL.matcher(text).replaceAll("$1\\\\*\\\\*$2:\\\\*\\\\*");
    }

    /**
     * The fence of the code block {@code text} leaves open, if it does. Its first line follows the
     * speaker's label, so it opens none.
     */
    private static Optional<String> unclosedFence(String text) {
        String open = null;
        for (String line : text.lines().skip(1).toList()) {
            Matcher fence = FENCE.matcher(line);
            if (!fence.find()) {
                continue;
            }
            if (open == null) {
                open = fence.group(1);
            } else if (fence.group(1).charAt(0) == open.charAt(0) && fence.group(1).length() >= open.length()
                    && line.strip().length() == fence.group(1).length()) {
                open = null;
            }
        }
        return Optional.ofNullable(open);
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
            // An answer cut off inside a code block would show what follows it, the note too, as code.
            Optional<String> fence = unclosedFence(turn.text());
            fence.ifPresent(closing -> markdown.append('\n').append(closing));
            if (turn.interrupted()) {
                markdown.append(fence.isPresent() ? "\n\n" : " ").append("*(interrupted)*");
            }
            turn.ended().note().ifPresent(note -> markdown.append("\n\n*(").append(note).append(")*"));
            markdown.append('\n');
        }
        return markdown.toString();
    }
}
