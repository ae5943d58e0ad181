package dev.parley.llm;

import dev.parley.conversation.Message;
import dev.parley.conversation.Summarizer;
import java.util.List;

/**
 * Summarizes with the model that is answering: one extra, non-streamed-to-the-user request with a
 * summarization prompt. The turns are given as a transcript inside one user message, so the model
 * summarizes them instead of continuing the conversation.
 */
public final class ModelSummarizer implements Summarizer {

    static final String INSTRUCTIONS = "You condense conversations between a user and a voice assistant."
            + " Write a short summary, at most about 120 words of plain prose, keeping what later turns"
            + " may need: facts about the user, names, numbers, decisions, open questions."
            + " If a previous summary is given, merge it in. Reply with the summary only.";

    private final LanguageModel model;

    public ModelSummarizer(LanguageModel model) {
        this.model = model;
    }

    @Override
    public String summarize(String previousSummary, List<Message> turns) {
        return model.reply(List.of(Message.system(INSTRUCTIONS), Message.user(transcript(previousSummary, turns))),
                ReplyListener.IGNORE).text().strip();
    }

    static String transcript(String previousSummary, List<Message> turns) {
        StringBuilder text = new StringBuilder();
        if (previousSummary != null && !previousSummary.isBlank()) {
            text.append("Previous summary: ").append(previousSummary.strip()).append("\n\n");
        }
        text.append("Conversation to summarize:\n");
        for (Message turn : turns) {
            switch (turn.role()) {
                case USER -> text.append("User: ").append(turn.text());
                case TOOL -> text.append("Tool ").append(turn.toolCalls().getFirst().name()).append(" returned: ")
                        .append(turn.text());
                default -> {
                    text.append("Assistant: ").append(turn.text());
                    for (var call : turn.toolCalls()) {
                        text.append(turn.text().isEmpty() ? "" : " ").append("[called ").append(call.name()).append(' ')
                                .append(call.arguments()).append(']');
                    }
                }
            }
            // The summary is text: it keeps that pictures were shown, not what they showed.
            text.append(turn.hasImages() ? " [showed " + turn.images().size() + " image(s)]" : "").append('\n');
        }
        return text.toString();
    }
}
