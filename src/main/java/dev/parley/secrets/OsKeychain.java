package dev.parley.secrets;

import com.github.javakeyring.Keyring;
import com.github.javakeyring.PasswordAccessException;
import java.util.Optional;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The OS keychain through java-keyring (Secret Service on Linux, Keychain on macOS, Credential
 * Manager on Windows). On a machine without one (a server, a container) {@link #open()} returns
 * {@link SecretStore#NONE}.
 */
public final class OsKeychain implements SecretStore {

    private static final Logger LOG = LogManager.getLogger(OsKeychain.class);
    static final String SERVICE = "parley";

    private final Keyring keyring;

    private OsKeychain(Keyring keyring) {
        this.keyring = keyring;
    }

    public static SecretStore open() {
        try {
            Keyring keyring = Keyring.create();
            return new OsKeychain(keyring);
        } catch (Exception | LinkageError e) {
            LOG.info("No OS keychain ({}); API keys come from environment variables", e.toString());
            return SecretStore.NONE;
        }
    }

    @Override
    public boolean available() {
        return true;
    }

    @Override
    public String description() {
        return "OS keychain (" + keyring.getKeyringStorageType() + ")";
    }

    @Override
    public Optional<String> read(String name) {
        try {
            return Optional.ofNullable(keyring.getPassword(SERVICE, name)).filter(secret -> !secret.isBlank());
        } catch (PasswordAccessException | RuntimeException notThere) {
            return Optional.empty();
        }
    }

    @Override
    public void write(String name, String secret) {
        try {
            if (secret == null || secret.isBlank()) {
                keyring.deletePassword(SERVICE, name);
            } else {
                keyring.setPassword(SERVICE, name, secret.trim());
            }
        } catch (PasswordAccessException e) {
            throw new IllegalStateException("The keychain refused the key for " + name + ": " + e.getMessage(), e);
        }
    }
}
