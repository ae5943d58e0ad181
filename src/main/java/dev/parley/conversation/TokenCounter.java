package dev.parley.conversation;

import java.util.List;

/** Estimates how many tokens a message costs in the model's context, without asking the model. */
public interface TokenCounter {

    int count(Message message);

    default int count(List<Message> messages) {
        int total = 0;
        for (Message message : messages) {
            total += count(message);
        }
        return total;
    }
}
