package dev.parley.ui.system;

import java.util.function.Consumer;

/** Every key pressed or released on the desktop, whichever application has focus. */
public interface GlobalKeys {

    /**
     * Starts reporting keys to {@code listener}, on the hook's own thread; closing the returned hook
     * stops it. May take a moment (the native hook starts), so not on the UI thread.
     *
     * @throws GlobalKeysRefused when the platform does not allow it, saying why
     */
    Hook start(Consumer<GlobalKeyEvent> listener);

    /** A running hook; {@link #close()} stops it and releases the native side, so the JVM can end. */
    interface Hook extends AutoCloseable {
        @Override
        void close();
    }
}
