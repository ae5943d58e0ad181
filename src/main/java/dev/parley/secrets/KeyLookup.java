package dev.parley.secrets;

import java.util.function.UnaryOperator;

/**
 * Finds an API key by the name a provider's {@code api-key-env} gives it: the environment variable of
 * that name first, then the keychain entry of that name. The environment wins so that a key exported
 * for one run overrides the stored one. A blank value counts as unset; no key reads as null.
 */
public final class KeyLookup implements UnaryOperator<String> {

    private final UnaryOperator<String> environment;
    private final SecretStore store;

    public KeyLookup(UnaryOperator<String> environment, SecretStore store) {
        this.environment = environment;
        this.store = store;
    }

    /** The process environment, then {@code store}. */
    public static KeyLookup environmentThen(SecretStore store) {
        return new KeyLookup(System::getenv, store);
    }

    @Override
    public String apply(String name) {
        String value = environment.apply(name);
        if (value != null && !value.isBlank()) {
            return value;
        }
        return store.read(name).filter(stored -> !stored.isBlank()).orElse(null);
    }
}
