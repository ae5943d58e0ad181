package dev.parley.conversation;

import java.util.List;

/** Renders turns as a Markdown transcript for people: who said what, reasoning only on request. */
final class MarkdownExport {

    private MarkdownExport() {}

    static String render(String name, List<Turn> turns, boolean includeReasoning) {
        StringBuilder markdown = new StringBuilder("# ").append(name).append("\n");
        for (Turn turn : turns) {
            markdown.append('\n');
            if (turn.role() == Message.Role.USER) {
                markdown.append("**You:** ").append(turn.text()).append('\n');
                continue;
            }
            if (includeReasoning && turn.reasoning() != null) {
                markdown.append("> **Reasoning:**\n");
                turn.reasoning().strip().lines().forEach(line -> markdown.append("> ").append(line).append('\n'));
                markdown.append('\n');
            }
            markdown.append("**Parley:** ").append(turn.text());
            if (turn.interrupted()) {
                markdown.append(" *(interrupted)*");
            }
            markdown.append('\n');
        }
        return markdown.toString();
    }
}
