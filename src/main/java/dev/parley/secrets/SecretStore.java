package dev.parley.secrets;

import java.util.Optional;

/**
 * Where API keys typed into the window are kept: the OS keychain when there is one. Entries are
 * named like the environment variable a provider's {@code api-key-env} names, so the environment
 * and the keychain are two places for the same key (the environment wins).
 */
public interface SecretStore {

    /** Whether keys can be stored here at all; when not, the user sets an environment variable. */
    boolean available();

    /** A one-line description for the settings panel ("GNOME Keyring", "not available: ..."). */
    String description();

    Optional<String> read(String name);

    /** Stores (or, for a blank {@code secret}, deletes) the key; fails if {@link #available()} is false. */
    void write(String name, String secret);

    /** No keychain: keys only come from the environment. */
    SecretStore NONE = new SecretStore() {
        @Override
        public boolean available() {
            return false;
        }

        @Override
        public String description() {
            return "no keychain: set the environment variable instead";
        }

        @Override
        public Optional<String> read(String name) {
            return Optional.empty();
        }

        @Override
        public void write(String name, String secret) {
            throw new IllegalStateException("no keychain on this system");
        }
    };
}
