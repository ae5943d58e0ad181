package dev.parley.testing;

import dev.parley.conversation.Message;
import dev.parley.llm.FinishReason;
import dev.parley.llm.LanguageModel;
import dev.parley.llm.LlmException;
import dev.parley.llm.LlmReply;
import dev.parley.llm.ReplyListener;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A model that replays scripted replies token by token, with a set delay, and records what it was
 * sent: for unit tests of what drives a model. It honours cancellation as the real clients do (an
 * interrupted thread ends the reply with a CANCELLED failure carrying the text so far), and can fail
 * before or in the middle of a reply. The real clients are tested over HTTP against a local server.
 */
public final class FakeLanguageModel implements LanguageModel {

    /**
     * One scripted reply: its tokens, the delay before each, a failure after {@code failAfter} tokens
     * (-1: none), and the finish reason a complete reply reports.
     */
    public record Script(List<String> tokens, long tokenDelayMillis, int failAfter, String failure,
            FinishReason finish) {

        public static Script of(String... tokens) {
            return new Script(List.of(tokens), 0, -1, null, FinishReason.UNKNOWN);
        }

        public Script delayedBy(long millis) {
            return new Script(tokens, millis, failAfter, failure, finish);
        }

        /** Fails with {@code message} after {@code tokens} tokens (0: before any answer text). */
        public Script failingAfter(int tokens, String message) {
            return new Script(this.tokens, tokenDelayMillis, tokens, message, finish);
        }

        /** Completes saying the provider ended it for {@code reason} (max-tokens, a safety filter...). */
        public Script finishingWith(FinishReason reason) {
            return new Script(tokens, tokenDelayMillis, failAfter, failure, reason);
        }
    }

    private final String name;
    private final Deque<Script> scripts = new ArrayDeque<>();
    private final List<List<Message>> requests = new ArrayList<>();
    private volatile boolean seeing;

    public FakeLanguageModel(String name, Script... scripts) {
        this.name = name;
        this.scripts.addAll(List.of(scripts));
    }

    /** Makes the model one that can see images (by default it cannot). */
    public FakeLanguageModel seeing() {
        seeing = true;
        return this;
    }

    @Override
    public boolean canSee() {
        return seeing;
    }

    public synchronized void then(Script script) {
        scripts.add(script);
    }

    /** The messages of every request, in order. */
    public synchronized List<List<Message>> requests() {
        return List.copyOf(requests);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String describe() {
        return name + " (scripted)";
    }

    @Override
    public LlmReply reply(List<Message> messages, ReplyListener listener) {
        Script script;
        synchronized (this) {
            requests.add(List.copyOf(messages));
            script = scripts.isEmpty() ? Script.of("(no reply scripted)") : scripts.poll();
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < script.tokens().size(); i++) {
            if (i == script.failAfter()) {
                throw failure(script, text);
            }
            try {
                Thread.sleep(script.tokenDelayMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw LlmException.cancelled(name, e, text.toString());
            }
            text.append(script.tokens().get(i));
            listener.onText(script.tokens().get(i));
        }
        if (script.failAfter() == script.tokens().size()) {
            throw failure(script, text);
        }
        return new LlmReply(text.toString(), "", -1, -1, 0, name, script.finish());
    }

    /** Before any text a server error (nothing was said); after some, a broken stream with what was said. */
    private static LlmException failure(Script script, StringBuilder text) {
        return new LlmException(text.isEmpty() ? LlmException.Kind.SERVER : LlmException.Kind.STREAM_BROKEN,
                script.failure(), null, null, text.toString());
    }
}
