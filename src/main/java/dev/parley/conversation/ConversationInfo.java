package dev.parley.conversation;

import java.time.Instant;

/** What {@link ConversationStore#list()} shows of a saved conversation. */
public record ConversationInfo(String name, int turns, Instant updated) {}
