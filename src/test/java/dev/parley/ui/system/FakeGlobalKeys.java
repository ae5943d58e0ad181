package dev.parley.ui.system;

import dev.parley.config.KeyChord;
import java.util.Set;
import java.util.function.Consumer;

/** {@link GlobalKeys} without natives: tests type keys into it, or make it refuse like a Wayland session. */
final class FakeGlobalKeys implements GlobalKeys {

    private final String refusal;
    private Consumer<GlobalKeyEvent> listener;
    int starts;
    int stops;

    FakeGlobalKeys() {
        this("");
    }

    /** Refuses every start with {@code refusal} when it is not empty. */
    FakeGlobalKeys(String refusal) {
        this.refusal = refusal;
    }

    @Override
    public Hook start(Consumer<GlobalKeyEvent> keys) {
        if (!refusal.isEmpty()) {
            throw new GlobalKeysRefused(refusal);
        }
        starts++;
        listener = keys;
        return () -> {
            stops++;
            listener = null;
        };
    }

    boolean running() {
        return listener != null;
    }

    void press(String key, KeyChord.Modifier... modifiers) {
        send(new GlobalKeyEvent(key, Set.of(modifiers), true));
    }

    void release(String key, KeyChord.Modifier... modifiers) {
        send(new GlobalKeyEvent(key, Set.of(modifiers), false));
    }

    private void send(GlobalKeyEvent event) {
        if (listener != null) {
            listener.accept(event);
        }
    }
}
