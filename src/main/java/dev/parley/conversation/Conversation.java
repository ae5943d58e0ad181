package dev.parley.conversation;

import java.util.ArrayList;
import java.util.List;

/**
 * The context the model sees: the system prompt, then alternating user and assistant turns. A user
 * turn that got no answer (the model failed) is taken back, so the history never holds two user
 * turns in a row that the model would then answer twice.
 */
public final class Conversation {

    private final String systemPrompt;
    private final List<Message> turns = new ArrayList<>();

    public Conversation(String systemPrompt) {
        this.systemPrompt = systemPrompt;
    }

    public synchronized void addUser(String text) {
        turns.add(Message.user(text));
    }

    public synchronized void addAssistant(String text) {
        turns.add(Message.assistant(text));
    }

    /** Removes the last user turn when its reply failed, keeping the history consistent. */
    public synchronized void withdrawLastUserTurn() {
        if (!turns.isEmpty() && turns.getLast().role() == Message.Role.USER) {
            turns.removeLast();
        }
    }

    /** The messages to send: system prompt first, then every turn. */
    public synchronized List<Message> messages() {
        List<Message> all = new ArrayList<>(turns.size() + 1);
        if (systemPrompt != null && !systemPrompt.isBlank()) {
            all.add(Message.system(systemPrompt));
        }
        all.addAll(turns);
        return List.copyOf(all);
    }

    public synchronized int turnCount() {
        return turns.size();
    }

    public synchronized void clear() {
        turns.clear();
    }
}
