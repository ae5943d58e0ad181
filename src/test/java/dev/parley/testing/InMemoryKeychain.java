package dev.parley.testing;

import dev.parley.secrets.SecretStore;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A keychain for tests: always available, kept in {@link #entries}, which tests may read and fill. */
public final class InMemoryKeychain implements SecretStore {

    public final Map<String, String> entries = new ConcurrentHashMap<>();

    @Override
    public boolean available() {
        return true;
    }

    @Override
    public String description() {
        return "test keychain";
    }

    @Override
    public Optional<String> read(String name) {
        return Optional.ofNullable(entries.get(name));
    }

    @Override
    public void write(String name, String secret) {
        entries.put(name, secret);
    }
}
