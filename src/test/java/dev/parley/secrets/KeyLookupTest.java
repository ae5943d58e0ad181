package dev.parley.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import dev.parley.testing.InMemoryKeychain;
import org.junit.jupiter.api.Test;

class KeyLookupTest {

    private final InMemoryKeychain keychain = new InMemoryKeychain();
    private final Map<String, String> stored = keychain.entries;

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
