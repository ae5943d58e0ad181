package dev.parley.conversation;

import java.util.ArrayList;
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
 * pays for a summary every few turns instead of on every turn. One summary request takes at most the
 * budget's worth of turns; older ones beyond it leave the context unsummarized.
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
            int unsummarized = beyondOneSummary(inContext, count);
            if (unsummarized > 0) {
                LOG.warn("{} turns are to leave the context, more than one summary takes (about {} tokens,"
                        + " conversation.max-context-tokens); the oldest {} leave it without being summarized",
                        count, maxTokens, unsummarized);
            }
            conversation.foldOldest(count,
                    summarize(conversation.summary(), inContext.subList(unsummarized, count)));
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
            int unit = unitLength(inContext, count, foldable);
            freed += tokens(inContext, count, count + unit);
            count += unit;
        }
        return count;
    }

    /**
     * How many of the {@code count} oldest turns, in whole pairs, are left out of the one summary request
     * that folds them: its turns take at most {@link #maxTokens}, what the model is held to in every request
     * (at least the newest pair goes in). A conversation whose context held far more (saved under a larger
     * budget, or by an older Parley: two thousand turns) would otherwise send the model one request of its
     * whole history, hundreds of thousands of tokens that no local model takes.
     */
    private int beyondOneSummary(List<Turn> inContext, int count) {
        List<Integer> starts = new ArrayList<>();
        for (int start = 0; start < count; start += unitLength(inContext, start, count)) {
            starts.add(start);
        }
        int from = count;
        int taken = 0;
        for (int i = starts.size() - 1; i >= 0; i--) {
            taken += tokens(inContext, starts.get(i), from);
            if (taken > maxTokens && from < count) {
                break;
            }
            from = starts.get(i);
        }
        return from;
    }

    /** 2 for a user turn answered within the first {@code end} turns, else 1: a pair is never parted. */
    private static int unitLength(List<Turn> inContext, int start, int end) {
        return start + 1 < end && inContext.get(start).role() == Message.Role.USER
                && inContext.get(start + 1).role() == Message.Role.ASSISTANT ? 2 : 1;
    }

    private int tokens(List<Turn> turns, int from, int to) {
        int sum = 0;
        for (int i = from; i < to; i++) {
            sum += counter.count(turns.get(i).messages());
        }
        return sum;
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
