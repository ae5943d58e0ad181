package dev.parley.ui;

import dev.parley.conversation.Conversation;
import dev.parley.voice.VoiceAssistant;
import dev.parley.voice.VoiceEvent;
import dev.parley.voice.VoiceState;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The window's {@link VoiceAssistant}: answers typed questions at once through a stand-in, and
 * hands over to the real-time voice loop once the speech model and the voice are loaded. The
 * conversation carries over; subscribers stay subscribed across the hand-over.
 */
final class HandOverAssistant implements VoiceAssistant {

    private static final Logger LOG = LogManager.getLogger(HandOverAssistant.class);

    private final List<Consumer<VoiceEvent>> listeners = new CopyOnWriteArrayList<>();
    private volatile VoiceAssistant delegate;
    private volatile AutoCloseable forwarding;

    HandOverAssistant(VoiceAssistant first) {
        this.delegate = first;
        this.forwarding = first.subscribe(this::emit);
    }

    /** From now on {@code next} answers; the conversation so far goes with it. */
    synchronized void handOver(VoiceAssistant next) {
        VoiceAssistant previous = delegate;
        previous.stop();
        next.useConversation(previous.conversation());
        closeQuietly(forwarding);
        forwarding = next.subscribe(this::emit);
        delegate = next;
        previous.close();
        LOG.info("The voice loop took over from typed-only turns");
    }

    VoiceAssistant delegate() {
        return delegate;
    }

    private void emit(VoiceEvent event) {
        for (Consumer<VoiceEvent> listener : listeners) {
            listener.accept(event);
        }
    }

    @Override
    public AutoCloseable subscribe(Consumer<VoiceEvent> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public VoiceState state() {
        return delegate.state();
    }

    @Override
    public void pressToTalk() {
        delegate.pressToTalk();
    }

    @Override
    public void releaseToTalk() {
        delegate.releaseToTalk();
    }

    @Override
    public void ask(String text) {
        delegate.ask(text);
    }

    @Override
    public void stop() {
        delegate.stop();
    }

    @Override
    public void setHandsFree(boolean on) {
        delegate.setHandsFree(on);
    }

    @Override
    public Conversation conversation() {
        return delegate.conversation();
    }

    @Override
    public void useConversation(Conversation conversation) {
        delegate.useConversation(conversation);
    }

    @Override
    public synchronized void close() {
        closeQuietly(forwarding);
        delegate.close();
    }

    private static void closeQuietly(AutoCloseable handle) {
        try {
            handle.close();
        } catch (Exception e) {
            LOG.debug("unsubscribe failed", e);
        }
    }
}
