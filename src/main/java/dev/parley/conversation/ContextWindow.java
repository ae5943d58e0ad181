package dev.parley.conversation;

import java.util.List;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Keeps a conversation's context within a token budget. When the messages exceed it, the oldest
 * turns in context are folded into the summary by the {@link Summarizer}; if that fails they are
 * dropped, because a turn must never fail for lack of a summary. The system prompt and the latest
 * user turn always stay.
 *
 * <p>A turn is folded whole: an answer's tool calls and their results are part of its turn
 * ({@link Turn#toolRounds()}), counted with it and summarized with it, so the context never holds
 * a tool result without its call or a call without its result (which OpenAI and Anthropic refuse).
 *
 * <p>Folding goes down to three quarters of the budget rather than just under it, so a long chat
 * pays for a summary every few turns instead of on every turn.
 */
public final class ContextWindow {

    private static final Logger LOG = LogManager.getLogger(ContextWindow.class);

    private final int maxTokens;
    private final TokenCounter counter;
    private final Summarizer summarizer;

    public ContextWindow(int maxTokens, TokenCounter counter, Summarizer summarizer) {
        if (maxTokens <= 0) {
            throw new IllegalArgumentException("maxTokens must be positive: " + maxTokens);
        }
        this.maxTokens = maxTokens;
        this.counter = counter;
        this.summarizer = summarizer;
    }

    public int maxTokens() {
        return maxTokens;
    }

    /** Folds the oldest turns until the messages fit, or until only the latest user turn is left. */
    public void fit(Conversation conversation) {
        while (true) {
            int total = counter.count(conversation.messages());
            if (total <= maxTokens) {
                return;
            }
            List<Turn> inContext = conversation.contextTurns();
            int foldable = foldableCount(inContext);
            if (foldable == 0) {
                LOG.warn("The latest turn alone needs about {} tokens, more than conversation.max-context-tokens {}",
                        total, maxTokens);
                return;
            }
            int count = turnsToFold(inContext, foldable, total - maxTokens * 3 / 4);
            List<Turn> oldest = inContext.subList(0, count);
            conversation.foldOldest(count, summarize(conversation.summary(), oldest));
        }
    }

    /** Whole turns before the latest user turn, never splitting a user turn from its answer. */
    private static int foldableCount(List<Turn> inContext) {
        int latestUser = -1;
        for (int i = inContext.size() - 1; i >= 0; i--) {
            if (inContext.get(i).role() == Message.Role.USER) {
                latestUser = i;
                break;
            }
        }
        return latestUser < 0 ? inContext.size() : latestUser;
    }

    /** The smallest number of whole user+assistant pairs from the start that frees {@code excess} tokens. */
    private int turnsToFold(List<Turn> inContext, int foldable, int excess) {
        int freed = 0;
        int count = 0;
        while (count < foldable && freed < excess) {
            int unit = count + 1 < foldable && inContext.get(count).role() == Message.Role.USER
                    && inContext.get(count + 1).role() == Message.Role.ASSISTANT ? 2 : 1;
            for (int i = count; i < count + unit; i++) {
                freed += counter.count(inContext.get(i).messages());
            }
            count += unit;
        }
        return count;
    }

    private String summarize(String previousSummary, List<Turn> oldest) {
        try {
            String summary = summarizer.summarize(previousSummary,
                    oldest.stream().flatMap(turn -> turn.messages().stream()).toList());
            if (summary == null || summary.isBlank()) {
                LOG.warn("The summary of {} earlier turns came back empty; they are dropped from the context", oldest.size());
                return null;
            }
            return summary;
        } catch (RuntimeException e) {
            if (Thread.currentThread().isInterrupted()) {
                // Cancelled (barge-in, shutdown), not failed: fold nothing, the turns stay in context.
                throw e;
            }
            LOG.warn("Could not summarize {} earlier turns ({}); they are dropped from the context instead",
                    oldest.size(), e.getMessage());
            return null;
        }
    }
}
