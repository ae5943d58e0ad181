package dev.parley.ui.system;

/** The platform does not let Parley hear keys pressed in other applications; the message says why. */
public final class GlobalKeysRefused extends RuntimeException {

    public GlobalKeysRefused(String reason) {
        super(reason);
    }

    public GlobalKeysRefused(String reason, Throwable cause) {
        super(reason, cause);
    }
}
