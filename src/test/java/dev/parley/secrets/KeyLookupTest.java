package dev.parley.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KeyLookupTest {

    private final Map<String, String> stored = new HashMap<>();
    private final SecretStore keychain = new SecretStore() {
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
            return Optional.ofNullable(stored.get(name));
        }

        @Override
        public void write(String name, String secret) {
            stored.put(name, secret);
        }
    };

    @Test
    void theEnvironmentWinsOverTheKeychain() {
        stored.put("OPENAI_API_KEY", "from-keychain");

        assertThat(new KeyLookup(Map.of("OPENAI_API_KEY", "from-env")::get, keychain).apply("OPENAI_API_KEY"))
                .isEqualTo("from-env");
    }

    @Test
    void theKeychainAnswersWhenTheVariableIsUnsetOrBlank() {
        stored.put("OPENAI_API_KEY", "from-keychain");

        assertThat(new KeyLookup(name -> null, keychain).apply("OPENAI_API_KEY")).isEqualTo("from-keychain");
        assertThat(new KeyLookup(name -> "  ", keychain).apply("OPENAI_API_KEY")).isEqualTo("from-keychain");
    }

    @Test
    void noKeyAnywhereReadsAsNull() {
        stored.put("BLANK", " ");

        assertThat(new KeyLookup(name -> null, keychain).apply("MISSING")).isNull();
        assertThat(new KeyLookup(name -> null, keychain).apply("BLANK")).isNull();
        assertThat(new KeyLookup(name -> null, SecretStore.NONE).apply("MISSING")).isNull();
    }
}
