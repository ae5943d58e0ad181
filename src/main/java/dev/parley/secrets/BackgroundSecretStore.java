package dev.parley.secrets;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Opens the keychain on a background thread (probing for one can take a moment, e.g. a D-Bus
 * round trip) and waits for it only when a key is actually needed.
 */
public final class BackgroundSecretStore implements SecretStore {

    private final CompletableFuture<SecretStore> store;

    public BackgroundSecretStore(Supplier<SecretStore> opener) {
        this.store = CompletableFuture.supplyAsync(opener, runnable -> Thread.ofVirtual().name("keychain").start(runnable));
    }

    private SecretStore store() {
        return store.exceptionally(failure -> SecretStore.NONE).join();
    }

    @Override
    public boolean available() {
        return store().available();
    }

    @Override
    public String description() {
        return store().description();
    }

    @Override
    public Optional<String> read(String name) {
        return store().read(name);
    }

    @Override
    public void write(String name, String secret) {
        store().write(name, secret);
    }
}
