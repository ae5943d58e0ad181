package dev.parley.ui.main;

import java.util.List;

/**
 * Which entries the transcript view shows: a conversation opened afresh shows its newest
 * {@value #BATCH} entries, each {@link #showEarlier} adds the batch before them, and entries added
 * later (the live turns) always show. A saved conversation can hold thousands of turns, and laying
 * out a bubble for each took half a minute and hundreds of megabytes: the earlier ones wait until
 * the user asks for them, as chat apps load their history. The first shown entry is a question whenever one
 * comes before it, so no batch starts with an answer cut from its question.
 */
final class TranscriptTail {

    /** How many entries a conversation opens with, and how many more each request shows. */
    static final int BATCH = 50;

    /** The first entry shown, by identity: it stays the first while entries come and go after it. */
    private TranscriptEntry first;
    private int from;

    /**
     * Follows a change of {@code entries}: the same first entry keeps its place; when it is gone (another
     * conversation, or the transcript emptied) the view starts again at the newest batch.
     */
    void changed(List<TranscriptEntry> entries) {
        int at = first == null ? -1 : indexOf(entries, first);
        from = at >= 0 ? at : questionAtOrBefore(entries, Math.max(0, entries.size() - BATCH));
        first = entries.isEmpty() ? null : entries.get(from);
    }

    /** Shows the batch before the first shown entry. */
    void showEarlier(List<TranscriptEntry> entries) {
        from = earlierFrom(entries);
        first = entries.isEmpty() ? null : entries.get(from);
    }

    /** How many entries the next {@link #showEarlier} adds. */
    int nextBatch(List<TranscriptEntry> entries) {
        return from - earlierFrom(entries);
    }

    /** How many entries before the shown ones are not shown. */
    int hidden() {
        return from;
    }

    List<TranscriptEntry> shown(List<TranscriptEntry> entries) {
        return entries.subList(from, entries.size());
    }

    private int earlierFrom(List<TranscriptEntry> entries) {
        return questionAtOrBefore(entries, Math.max(0, from - BATCH));
    }

    private static int questionAtOrBefore(List<TranscriptEntry> entries, int index) {
        return index > 0 && entries.get(index).role() == TranscriptEntry.Role.ASSISTANT
                && entries.get(index - 1).role() == TranscriptEntry.Role.USER ? index - 1 : index;
    }

    /** Looks from the end, where a kept first entry is unless the user showed earlier batches. */
    private static int indexOf(List<TranscriptEntry> entries, TranscriptEntry entry) {
        for (int i = entries.size() - 1; i >= 0; i--) {
            if (entries.get(i) == entry) {
                return i;
            }
        }
        return -1;
    }
}
