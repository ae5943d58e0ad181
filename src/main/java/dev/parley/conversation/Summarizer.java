package dev.parley.conversation;

import java.util.List;

/** Condenses turns that no longer fit the context into a short summary the model keeps seeing. */
public interface Summarizer {

    /**
     * A new summary covering {@code previousSummary} (null when there is none) and {@code turns}.
     * May throw when the model cannot be reached; the caller then drops the turns instead.
     */
    String summarize(String previousSummary, List<Message> turns);
}
