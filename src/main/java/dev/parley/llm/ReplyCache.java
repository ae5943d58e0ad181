package dev.parley.llm;

import dev.parley.config.CacheConfig;
import dev.parley.conversation.Message;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Remembers complete replies, in memory, by provider, model and the exact messages sent, so an
 * identical request is answered without a network call (llm.cache, off by default). Failed and
 * cut-off replies are never cached, nor replies that ran tools: a replay would skip the calls (a timer
 * not set) and the conversation would not learn of them. Least recently used entries go first; entries expire.
 */
public final class ReplyCache {

    private record Key(String provider, String model, List<Message> messages) {}

    private record Stored(LlmReply reply, Instant at) {}

    private final int maxEntries;
    private final Duration ttl;
    private final Clock clock;
    private final Map<Key, Stored> entries;

    public ReplyCache(CacheConfig config, Clock clock) {
        this.maxEntries = config.maxEntries();
        this.ttl = Duration.ofMinutes(config.ttlMinutes());
        this.clock = clock;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Stored> eldest) {
                return size() > maxEntries;
            }
        };
    }

    /** {@code model} answering from this cache when it can; {@code modelName} is part of the key. */
    public LanguageModel cached(LanguageModel model, String modelName) {
        return new ForwardingLanguageModel(model) {
            @Override
            public LlmReply reply(List<Message> messages, ReplyListener listener) {
                Key key = new Key(model.name(), modelName, List.copyOf(messages));
                LlmReply hit = lookUp(key);
                if (hit != null) {
                    return replay(hit, listener);
                }
                ToolWatch watch = new ToolWatch(listener);
                LlmReply reply = model.reply(messages, watch);
                if (model.name().equals(reply.provider()) && !watch.ranTools) {
                    // A fallback's answer is not kept under the provider that failed: once it is
                    // back, it should answer for itself.
                    store(key, reply);
                }
                return reply;
            }
        };
    }

    private synchronized LlmReply lookUp(Key key) {
        Stored entry = entries.get(key);
        if (entry == null) {
            return null;
        }
        if (entry.at().plus(ttl).isBefore(clock.instant())) {
            entries.remove(key);
            return null;
        }
        return entry.reply();
    }

    private synchronized void store(Key key, LlmReply reply) {
        entries.put(key, new Stored(reply, clock.instant()));
    }

    /** Passes everything on and notes whether a tool round ran. */
    private static final class ToolWatch extends ForwardingReplyListener {

        private volatile boolean ranTools;

        ToolWatch(ReplyListener listener) {
            super(listener);
        }

        @Override
        public void onToolCall(String toolName, String argumentsJson) {
            ranTools = true;
            super.onToolCall(toolName, argumentsJson);
        }
    }

    /** Hands the stored reply to the listener as one piece; no tokens were spent on it. */
    private static LlmReply replay(LlmReply stored, ReplyListener listener) {
        if (!stored.reasoning().isEmpty()) {
            listener.onReasoning(stored.reasoning());
        }
        long now = System.nanoTime();
        listener.onText(stored.text());
        return new LlmReply(stored.text(), stored.reasoning(), 0, 0, now, stored.provider(), stored.finishReason());
    }
}
