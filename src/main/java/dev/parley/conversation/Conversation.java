package dev.parley.conversation;

import dev.parley.image.TurnImage;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The context the model sees: the system prompt, a summary of earlier turns (if any were folded
 * away), then alternating user and assistant turns. A user turn that got no answer (the model
 * failed) is taken back, so the history never holds two user turns in a row that the model would
 * then answer twice.
 *
 * <p>Every turn is kept for saving and export; only the turns from {@link #contextStart()} on are
 * sent to the model. {@link ContextWindow} moves that start forward when the context grows too long.
 *
 * <p>The system prompt is kept as written (a template, saved as such) and filled by its
 * {@link PromptFiller} once per turn: at the first {@link #messages()} after a user turn is added.
 * The context window counts, and the model is sent, that same filled prompt; a conversation kept
 * open over midnight gets the new date with its next turn.
 */
public final class Conversation {

    static final String SUMMARY_PREFIX = "Summary of the earlier conversation: ";

    private final String systemPrompt;
    private final Instant created;
    private final Clock clock;
    private final PromptFiller filler;
    private final List<Turn> turns = new ArrayList<>();
    /** The prompt as this turn sends it; null until the first {@link #messages()} of a turn. */
    private String filledPrompt;
    private String summary;
    private int contextStart;

    /** A conversation whose system prompt is sent as written. */
    public Conversation(String systemPrompt) {
        this(systemPrompt, PromptFiller.VERBATIM);
    }

    public Conversation(String systemPrompt, PromptFiller filler) {
        this(systemPrompt, Clock.systemUTC(), filler);
    }

    public Conversation(String systemPrompt, Clock clock) {
        this(systemPrompt, clock, PromptFiller.VERBATIM);
    }

    public Conversation(String systemPrompt, Clock clock, PromptFiller filler) {
        this(systemPrompt, clock.instant(), clock, filler);
    }

    private Conversation(String systemPrompt, Instant created, Clock clock, PromptFiller filler) {
        this.systemPrompt = systemPrompt;
        this.created = created;
        this.clock = clock;
        this.filler = filler;
    }

    /** A conversation as it was saved, its system prompt sent as written. */
    public static Conversation restore(String systemPrompt, Instant created, String summary,
            int contextStart, List<Turn> turns) {
        return restore(systemPrompt, created, summary, contextStart, turns, PromptFiller.VERBATIM);
    }

    /**
     * A conversation as it was saved: all turns, the summary, and where the model's context starts;
     * its system prompt (the template as saved) filled by {@code filler}.
     */
    public static Conversation restore(String systemPrompt, Instant created, String summary,
            int contextStart, List<Turn> turns, PromptFiller filler) {
        if (contextStart < 0 || contextStart > turns.size()) {
            throw new IllegalArgumentException("context start " + contextStart + " is outside the "
                    + turns.size() + " turns");
        }
        Conversation conversation = new Conversation(systemPrompt, created, Clock.systemUTC(), filler);
        conversation.turns.addAll(turns);
        conversation.summary = summary == null || summary.isBlank() ? null : summary;
        conversation.contextStart = contextStart;
        return conversation;
    }

    /** Starts a turn: the system prompt is filled afresh for it. */
    public synchronized void addUser(String text) {
        addUser(text, List.of());
    }

    /** Starts a turn that shows the model {@code images}. */
    public synchronized void addUser(String text, List<TurnImage> images) {
        turns.add(Turn.user(text, images, clock.instant()));
        filledPrompt = null;
    }

    public synchronized void addAssistant(String text) {
        addAssistant(text, null, false);
    }

    /** An answer with the reasoning that produced it; {@code interrupted} when it was cut short. */
    public synchronized void addAssistant(String text, String reasoning, boolean interrupted) {
        turns.add(Turn.assistant(text, clock.instant(), reasoning, interrupted));
    }

    /**
     * Keeps the history consistent after the reply to the last user turn failed: an answer that was
     * partly streamed (and perhaps heard) stays, marked interrupted, so the model knows what the user
     * already got; a reply that never started takes its user turn back.
     */
    public synchronized void endFailedTurn(String partialAnswer) {
        if (partialAnswer != null && !partialAnswer.isBlank()) {
            addAssistant(partialAnswer.strip(), null, true);
        } else {
            withdrawLastUserTurn();
        }
    }

    /**
     * The user cut the answer to the last user turn off: only {@code heard}, the part that was
     * played, stays (marked interrupted), replacing the full answer if it was already recorded. If
     * nothing was heard the question is taken back, as the user is about to say something else.
     */
    public synchronized void endInterruptedTurn(String heard) {
        String reasoning = null;
        if (turns.size() > contextStart && turns.getLast().role() == Message.Role.ASSISTANT) {
            reasoning = turns.removeLast().reasoning();
        }
        if (heard != null && !heard.isBlank()) {
            addAssistant(heard.strip(), reasoning, true);
        } else {
            withdrawLastUserTurn();
        }
    }

    /** Removes the last user turn when its reply failed, keeping the history consistent. */
    public synchronized void withdrawLastUserTurn() {
        if (turns.size() > contextStart && turns.getLast().role() == Message.Role.USER) {
            turns.removeLast();
        }
    }

    /** The messages to send: the filled system prompt, the summary of folded turns, then the turns in context. */
    public synchronized List<Message> messages() {
        List<Message> all = new ArrayList<>(turns.size() - contextStart + 2);
        String prompt = filledSystemPrompt();
        if (prompt != null && !prompt.isBlank()) {
            all.add(Message.system(prompt));
        }
        if (summary != null) {
            all.add(Message.system(SUMMARY_PREFIX + summary));
        }
        for (Turn turn : turns.subList(contextStart, turns.size())) {
            all.add(turn.message());
        }
        return List.copyOf(all);
    }

    /** Every turn since the start (or the last {@link #clear()}), including those folded into the summary. */
    public synchronized List<Turn> turns() {
        return List.copyOf(turns);
    }

    /** The turns the model still sees word for word. */
    public synchronized List<Turn> contextTurns() {
        return List.copyOf(turns.subList(contextStart, turns.size()));
    }

    public synchronized int turnCount() {
        return turns.size();
    }

    /** The system prompt as written: the template, with its placeholders. */
    public String systemPrompt() {
        return systemPrompt;
    }

    /** The system prompt as the model gets it this turn, placeholders filled. */
    public synchronized String filledSystemPrompt() {
        if (filledPrompt == null && systemPrompt != null) {
            filledPrompt = filler.fill(systemPrompt, List.copyOf(turns.subList(contextStart, turns.size())));
        }
        return filledPrompt;
    }

    public Instant created() {
        return created;
    }

    /** The summary of the turns before {@link #contextStart()}, or null when none was made. */
    public synchronized String summary() {
        return summary;
    }

    /** Index of the first turn the model sees word for word; earlier ones are summarized or dropped. */
    public synchronized int contextStart() {
        return contextStart;
    }

    /**
     * Takes the oldest {@code count} turns in context out of it. With a {@code newSummary} (which
     * already covers the previous summary) it replaces the summary; with null the turns are simply
     * dropped and the previous summary stays.
     */
    public synchronized void foldOldest(int count, String newSummary) {
        if (count < 0 || contextStart + count > turns.size()) {
            throw new IllegalArgumentException("cannot fold " + count + " of "
                    + (turns.size() - contextStart) + " turns in context");
        }
        contextStart += count;
        if (newSummary != null && !newSummary.isBlank()) {
            summary = newSummary.strip();
        }
    }

    public synchronized void clear() {
        turns.clear();
        summary = null;
        contextStart = 0;
        filledPrompt = null;
    }
}
