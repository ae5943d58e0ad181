package dev.parley.llm;

import dev.parley.conversation.Message;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * The provider that answers, switchable at run time. A switch applies from the next reply on: a
 * reply in flight finishes on the model it started with, and the conversation, which lives outside
 * any model, carries over untouched. A switch to a provider that fails its check is refused and
 * the current one stays.
 */
public final class SwitchableLanguageModel implements LanguageModel {

    private final AtomicReference<LanguageModel> current;
    private final List<Consumer<LanguageModel>> switchListeners = new CopyOnWriteArrayList<>();

    public SwitchableLanguageModel(LanguageModel initial) {
        this.current = new AtomicReference<>(initial);
    }

    public LanguageModel current() {
        return current.get();
    }

    /**
     * Makes {@code candidate} answer from the next reply on, unless {@code check} finds a problem with
     * it (returned as a reason); then nothing changes and the reason is thrown as an LlmException.
     * The check runs on the caller's thread: UIs call this off their event thread.
     */
    public void switchTo(LanguageModel candidate, Function<LanguageModel, Optional<String>> check) {
        Optional<String> problem = check.apply(candidate);
        if (problem.isPresent()) {
            throw new LlmException("Not switching to " + candidate.name() + ": " + problem.get()
                    + " Still using " + current().name() + ".");
        }
        current.set(candidate);
        switchListeners.forEach(listener -> listener.accept(candidate));
    }

    /** {@code listener} hears every switch that was made, on the switching thread. */
    public void onSwitch(Consumer<LanguageModel> listener) {
        switchListeners.add(listener);
    }

    @Override
    public String name() {
        return current().name();
    }

    @Override
    public String describe() {
        return current().describe();
    }

    @Override
    public boolean canSee() {
        return current().canSee();
    }

    @Override
    public LlmReply reply(List<Message> messages, ReplyListener listener) {
        return current().reply(messages, listener);
    }
}
