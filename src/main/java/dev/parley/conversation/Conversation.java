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
 * then answer twice. An answer that used tools keeps its calls and their results
 * ({@link Turn#toolRounds()}), sent to the model as the providers expect them.
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

    /** Replaced only before the first turn ({@link #adoptSystemPrompt}). */
    private String systemPrompt;
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
        addAssistant(text, reasoning, interrupted, List.of());
    }

    /** An answer that used tools: {@code toolRounds}, each call with its result, in the order they ran. */
    public synchronized void addAssistant(String text, String reasoning, boolean interrupted,
            List<ToolRound> toolRounds) {
        addAssistant(text, reasoning, interrupted, toolRounds, AnswerEnd.WHOLE);
    }

    /** A whole answer as the provider ended it: {@code ended} when it cut it short or filtered it. */
    public synchronized void addAssistant(String text, String reasoning, boolean interrupted,
            List<ToolRound> toolRounds, AnswerEnd ended) {
        turns.add(Turn.assistant(text, clock.instant(), reasoning, interrupted, toolRounds, ended));
    }

    /**
     * Keeps the history consistent after the reply to the last user turn failed: an answer that was
     * partly streamed (and perhaps heard) stays, marked interrupted, so the model knows what the user
     * already got; a reply that never started takes its user turn back.
     */
    public synchronized void endFailedTurn(String partialAnswer) {
        endFailedTurn(partialAnswer, List.of());
    }

    /**
     * As {@link #endFailedTurn(String)}, keeping the tool rounds that finished before the failure:
     * their calls had effects (a timer set, a fact remembered) the model must know of, so a turn with
     * finished rounds stays even when no answer text came.
     */
    public synchronized void endFailedTurn(String partialAnswer, List<ToolRound> finishedRounds) {
        if (partialAnswer != null && !partialAnswer.isBlank() || !finishedRounds.isEmpty()) {
            addAssistant(partialAnswer == null ? "" : partialAnswer.strip(), null, true, finishedRounds);
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
        endInterruptedTurn(heard, List.of());
    }

    /**
     * As {@link #endInterruptedTurn(String)}, keeping the tool rounds that finished: those of the
     * recorded answer, else {@code finishedRounds}. A turn whose tools ran stays even when nothing
     * was heard, since their effects happened; only complete rounds exist, never a call without its
     * result.
     */
    public synchronized void endInterruptedTurn(String heard, List<ToolRound> finishedRounds) {
        String reasoning = null;
        List<ToolRound> rounds = finishedRounds;
        AnswerEnd ended = AnswerEnd.WHOLE;
        if (turns.size() > contextStart && turns.getLast().role() == Message.Role.ASSISTANT) {
            Turn recorded = turns.removeLast();
            reasoning = recorded.reasoning();
            rounds = recorded.toolRounds().isEmpty() ? finishedRounds : recorded.toolRounds();
            ended = recorded.ended(); // talked over as it was told, the provider had still cut it short
        }
        if (heard != null && !heard.isBlank() || !rounds.isEmpty()) {
            addAssistant(heard == null ? "" : heard.strip(), reasoning, true, rounds, ended);
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
            all.addAll(turn.messages());
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
    public synchronized String systemPrompt() {
        return systemPrompt;
    }

    /**
     * Takes {@code prompt} as this conversation's system prompt if it has no turns yet: a prompt saved
     * before the first question is meant for it. One with turns keeps the prompt it began with.
     *
     * @return whether the prompt was taken
     */
    public synchronized boolean adoptSystemPrompt(String prompt) {
        if (!turns.isEmpty()) {
            return false;
        }
        systemPrompt = prompt;
        filledPrompt = null;
        return true;
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
